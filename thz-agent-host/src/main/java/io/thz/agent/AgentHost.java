package io.thz.agent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.thz.core.agent.AgentRuntime;
import io.thz.core.agent.Outbox;
import io.thz.core.graph.AgentGraph;
import io.thz.core.policy.PolicyNetwork;
import io.thz.core.policy.WeightBlob;
import io.thz.core.scenario.Scenario;
import io.thz.core.wire.ActionRecord;
import io.thz.core.wire.AgentId;
import io.thz.core.wire.EmbeddingRecord;
import io.thz.core.wire.ObservationRecord;
import io.thz.core.wire.PolicyRecord;
import io.thz.core.wire.WireCodec;
import io.thz.core.wire.WireFormatException;
import io.thz.messaging.ModelConfig;
import io.thz.messaging.Topic;
import io.thz.messaging.TopicsConfig;
import io.thz.messaging.WireMessages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.thz.core.policy.WeightBlobException;
import io.thz.messaging.DeadLetters;
import org.eclipse.microprofile.reactive.messaging.Message;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hosts the agents of one type (AP or RIS) whose partitions this replica is assigned: it feeds their
 * observations and in-neighbours' messages to {@link AgentRuntime}s and publishes their messages
 * and actions. Observations and embeddings of this agent type arrive on ONE channel subscribed to
 * both co-partitioned topics, so the replica that owns an agent's observations also owns the
 * messages addressed to it. New weights from the learner are swapped in between slots.
 */
@ApplicationScoped
public class AgentHost {

    private static final Logger LOG = Logger.getLogger(AgentHost.class);

    @Inject
    ModelConfig model;
    @Inject
    TopicsConfig topics;
    @Inject
    AgentHostConfig config;
    @Inject
    MeterRegistry registry;

    @Inject
    @Channel("agent-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
    Emitter<byte[]> out;

    private AgentGraph graph;
    private double pmaxW;
    private final Map<String, AgentRuntime> agents = new ConcurrentHashMap<>();
    private final Set<Integer> partitions = new TreeSet<>();
    private volatile PolicyNetwork policy;
    private final AtomicLong slotsActed = new AtomicLong();
    private final AtomicLong lateSkipped = new AtomicLong();
    private Counter embeddingBytes;
    private Counter embeddingsSent;
    private Counter actionsSent;
    private Timer computeTimer;
    private Timer deliveryDelay;
    private Counter degradedSlots;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "agent-straggler-check");
        t.setDaemon(true);
        return t;
    });
    private String embeddingsAp;
    private String embeddingsRis;
    private String actions;
    private String observationsTopic;

    @PostConstruct
    void init() {
        Scenario scenario = model.loadScenario();
        graph = AgentGraph.of(scenario);
        pmaxW = scenario.slotConfig().pmaxW();
        embeddingsAp = topics.layout().name(Topic.EMBEDDINGS_AP);
        embeddingsRis = topics.layout().name(Topic.EMBEDDINGS_RIS);
        actions = topics.layout().name(Topic.ACTIONS);
        observationsTopic = topics.layout().name(ris() ? Topic.OBSERVATIONS_RIS : Topic.OBSERVATIONS_AP);
        embeddingBytes = Counter.builder("thz.agent.embedding.bytes").description("bytes sent on the embeddings topics")
                .tag("type", config.type()).register(registry);
        embeddingsSent = Counter.builder("thz.agent.embeddings").tag("type", config.type()).register(registry);
        actionsSent = Counter.builder("thz.agent.actions").tag("type", config.type()).register(registry);
        deliveryDelay = Timer.builder("thz.agent.delivery").description("record produced to record handled (Kafka hop)")
                .tag("type", config.type()).publishPercentiles(0.5, 0.99).register(registry);
        computeTimer = Timer.builder("thz.agent.compute").description("time spent in the forward pass per record")
                .tag("type", config.type()).publishPercentiles(0.5, 0.99).register(registry);
        degradedSlots = Counter.builder("thz.agent.degraded.slots")
                .description("slots an agent finished without some in-neighbours' messages").tag("type", config.type())
                .register(registry);
        ticker.scheduleWithFixedDelay(() -> {
            try {
                unblockStragglers();
            } catch (RuntimeException e) {
                LOG.warnf("straggler check failed: %s", e.toString());
            }
        }, 20, 20, TimeUnit.MILLISECONDS);
        LOG.infof("%s hosts %s agents of a graph of %d APs, %d RISs, %d edges (%s)", config.replica(), config.type(),
                graph.aps(), graph.rises(), graph.edges().size(), model.algorithm());
    }

    private boolean ris() {
        return "ris".equals(config.type());
    }

    /** Observations and embeddings addressed to the agents of this replica's partitions. */
    @Incoming("agent-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> receive(Message<byte[]> record) {
        synchronized (agents) {
            return handle(record);
        }
    }

    /** Every 20 ms: agents still waiting close to their deadline go on without the silent in-neighbours. */
    private void unblockStragglers() {
        long now = System.currentTimeMillis();
        synchronized (agents) {
            for (AgentRuntime agent : agents.values()) {
                if (agent.waiting() && now >= agent.deadlineEpochMs() - config.stragglerSlackMs()) {
                    if (agent.proceedWithoutStragglers(outbox)) {
                        degradedSlots.increment();
                    }
                }
            }
        }
    }

    private CompletionStage<Void> handle(Message<byte[]> record) {
        PolicyNetwork current = policy;
        Timer.Sample sample = Timer.start(registry);
        try {
            IncomingKafkaRecordMetadata<?, ?> meta = record.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
            String topic = meta == null ? "" : meta.getTopic();
            if (meta != null && meta.getTimestamp() != null) {
                deliveryDelay.record(Math.max(0, System.currentTimeMillis() - meta.getTimestamp().toEpochMilli()),
                        TimeUnit.MILLISECONDS);
            }
            if (topic.equals(observationsTopic)) {
                ObservationRecord obs = WireCodec.decode(record.getPayload(), ObservationRecord.class);
                AgentRuntime agent = runtime(obs.agent());
                if (current == null) {
                    return record.ack(); // no weights yet: the channel-service's deadline fallback acts for us
                }
                if (System.currentTimeMillis() > obs.deadlineEpochMs()) {
                    lateSkipped.incrementAndGet(); // a backlog after a rebalance: catching up beats acting late
                    return record.ack();
                }
                agent.onObservation(obs, current, outbox);
            } else {
                EmbeddingRecord message = WireCodec.decode(record.getPayload(), EmbeddingRecord.class);
                runtime(message.to()).onMessage(message, outbox);
            }
            return record.ack();
        } catch (WireFormatException | IllegalArgumentException e) {
            return DeadLetters.reject(record, "agent-in", e);
        } finally {
            sample.stop(computeTimer);
        }
    }

    private AgentRuntime runtime(String id) {
        AgentId agent = AgentId.parse(id);
        if (agent.ris() != ris()) {
            throw new WireFormatException("agent " + id + " is not a " + config.type() + " agent");
        }
        return agents.computeIfAbsent(id, k -> new AgentRuntime(agent, graph, pmaxW, model.seed()));
    }

    private final Outbox outbox = new Outbox() {
        @Override
        public void embedding(EmbeddingRecord message) {
            AgentId to = AgentId.parse(message.to());
            String topic = to.ris() ? embeddingsRis : embeddingsAp;
            byte[] bytes = WireCodec.encode(message);
            embeddingBytes.increment(bytes.length);
            embeddingsSent.increment();
            out.send(WireMessages.ofBytes(topic, partitionOf(to), message.to(), bytes));
        }

        @Override
        public void action(ActionRecord action) {
            actionsSent.increment();
            slotsActed.incrementAndGet();
            out.send(WireMessages.of(actions, action.agent(), action));
        }
    };

    /** Weights from the learner: checked against this deployment, then used from the next slot on. */
    @Incoming("policy-in")
    @Blocking
    public CompletionStage<Void> policy(Message<byte[]> message) {
        try {
            PolicyRecord record = WireCodec.decode(message.getPayload(), PolicyRecord.class);
            if (!record.algorithm().equals(model.algorithm())) {
                return message.ack(); // another algorithm's weights on a shared topic
            }
            PolicyNetwork network = PolicyNetwork.of(WeightBlob.fromBytes(record.blob()));
            if (network.shape().aps() != graph.aps() || network.shape().rises() != graph.rises()) {
                throw new WireFormatException("PolicyRecord.blob: a network for " + network.shape().aps() + " APs and "
                        + network.shape().rises() + " RISs, this deployment has " + graph.aps() + " and " + graph.rises());
            }
            PolicyNetwork old = policy;
            if (old == null || network.policyVersion() >= old.policyVersion()) {
                policy = network;
                LOG.infof("%s: policy version %d", config.replica(), network.policyVersion());
            }
            return message.ack();
        } catch (WireFormatException | WeightBlobException | IllegalArgumentException e) {
            return DeadLetters.reject(message, "policy-in", e);
        }
    }

    /**
     * Partitions assigned to this replica (see {@link AgentRebalance}). Agents this replica keeps
     * keep their state (GRU, slot in progress); agents it no longer owns are forgotten here, not on
     * revocation, because the eager protocol revokes everything before each reassignment.
     */
    void assigned(Collection<TopicPartition> assigned) {
        synchronized (partitions) {
            for (TopicPartition tp : assigned) {
                if (tp.topic().equals(observationsTopic)) {
                    partitions.add(tp.partition());
                }
            }
        }
        synchronized (agents) {
            agents.keySet().removeIf(id -> !partitions().contains(partitionOf(AgentId.parse(id))));
        }
        LOG.infof("%s: partitions %s -> agents %s", config.replica(), partitions(), hostedAgents());
    }

    /** Partitions taken from this replica (their agents are pruned at the next assignment). */
    void revoked(Collection<TopicPartition> revoked) {
        synchronized (partitions) {
            for (TopicPartition tp : revoked) {
                if (tp.topic().equals(observationsTopic)) {
                    partitions.remove(tp.partition());
                }
            }
        }
    }

    /** The partition of an agent on the agent topics (the same rule the channel-service publishes with). */
    int partitionOf(AgentId agent) {
        return topics.layout().agentPartition(agent.index(), agent.ris() ? graph.rises() : graph.aps());
    }

    /** This replica's partitions of the agent topics, ascending. */
    public List<Integer> partitions() {
        synchronized (partitions) {
            return List.copyOf(partitions);
        }
    }

    /** The agents whose keys fall in this replica's partitions. */
    public List<String> hostedAgents() {
        Set<Integer> owned = Set.copyOf(partitions());
        int count = ris() ? graph.rises() : graph.aps();
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> ris() ? AgentId.ris(i) : AgentId.ap(i))
                .filter(id -> owned.contains(partitionOf(id))).map(AgentId::toString).toList();
    }

    public long policyVersion() {
        PolicyNetwork p = policy;
        return p == null ? -1 : p.policyVersion();
    }

    public long slotsActed() {
        return slotsActed.get();
    }

    public long lateSkipped() {
        return lateSkipped.get();
    }

    public long droppedMessages() {
        synchronized (agents) {
            return agents.values().stream().mapToLong(AgentRuntime::droppedMessages).sum();
        }
    }

    /** Bytes this replica sent on the embeddings topics (encoded records, before compression). */
    public long embeddingBytes() {
        return (long) embeddingBytes.count();
    }

    public long degradedSlots() {
        return (long) degradedSlots.count();
    }

    @jakarta.annotation.PreDestroy
    void stopTicker() {
        ticker.shutdownNow();
    }

    public String replica() {
        return config.replica();
    }

    public String type() {
        return config.type();
    }
}
