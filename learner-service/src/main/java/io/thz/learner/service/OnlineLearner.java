package io.thz.learner.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.scenario.Scenario;
import io.thz.core.wire.ExperienceRecord;
import io.thz.core.wire.PolicyRecord;
import io.thz.core.wire.WireCodec;
import io.thz.core.wire.WireFormatException;
import io.thz.core.wire.WireRecord;
import io.thz.learner.components.Checkpoint;
import io.thz.learner.components.Episode;
import io.thz.learner.config.LearnerConfig;
import io.thz.learner.config.LearnerConfigLoader;
import io.thz.learner.learners.ActorCriticLearner;
import io.thz.learner.learners.Algorithms;
import io.thz.learner.learners.UpdateStats;
import io.thz.messaging.DeadLetters;
import io.thz.messaging.ModelConfig;
import io.thz.messaging.Topic;
import io.thz.messaging.TopicsConfig;
import io.thz.messaging.WireMessages;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The learner of the Kafka deployment (architecture, slot step 5): it rebuilds episodes from the
 * experience stream, trains with the same {@link ActorCriticLearner} as {@code ./thz train} every
 * {@code episodesPerUpdate} episodes, publishes the new weights on the compacted policy topic,
 * and checkpoints. An experience record is acknowledged (its offset committed) only once the
 * checkpoint holds its effect, so a restart loses nothing: records after the last checkpoint are
 * delivered again and records already trained on are recognised and skipped.
 */
@Startup
@ApplicationScoped
public class OnlineLearner {

    private static final Logger LOG = Logger.getLogger(OnlineLearner.class);

    @Inject
    ModelConfig model;
    @Inject
    TopicsConfig topics;
    @Inject
    LearnerServiceConfig config;
    @Inject
    MeterRegistry registry;

    @Inject
    @Channel("policy-out")
    Emitter<byte[]> policyOut;

    private ActorCriticLearner learner;
    private LearnerConfig learnerConfig;
    private Path checkpointFile;
    private final String runId = "learner-" + UUID.randomUUID().toString().substring(0, 8);
    private final EpisodeAssembler assembler = new EpisodeAssembler();
    /** Per experience run: the highest slot whose record is covered by the checkpoint. */
    private final Map<String, Long> consumed = new HashMap<>();
    private final Set<String> pendingKeys = new HashSet<>();
    /** Records received but not yet covered by a checkpoint, with the slot they hold (decoded once). */
    private final List<Pending> pendingMessages = new ArrayList<>();

    private record Pending(Message<byte[]> message, String runId, long slot, String key) {
    }
    private final List<Episode> batch = new ArrayList<>();
    private final Map<String, Long> batchHighestSlot = new HashMap<>();
    private volatile long received;
    private volatile long duplicates;
    private volatile long episodesTrained;
    private volatile UpdateStats lastStats;
    private Counter receivedCounter;
    private Timer updateTimer;

    @PostConstruct
    void init() {
        Scenario scenario = model.loadScenario();
        ThzNetworkEnv env = new ThzNetworkEnv(scenario, model.seed());
        Map<String, String> overrides = new HashMap<>();
        config.episodesPerUpdate().ifPresent(n -> overrides.put("training.episodesPerUpdate", Integer.toString(n)));
        learnerConfig = LearnerConfigLoader.load(config.configFile().map(Path::of).orElse(null), overrides);
        learner = new ActorCriticLearner(Algorithms.get(model.algorithm()), learnerConfig, env.info(), env.graph(),
                model.seed());
        checkpointFile = Path.of(config.checkpointDir()).resolve(Checkpoint.FILE);
        if (Files.isRegularFile(checkpointFile)) {
            Checkpoint checkpoint = Checkpoint.read(checkpointFile);
            learner.restore(checkpoint);
            JsonNode seen = checkpoint.header().path("consumed");
            seen.fieldNames().forEachRemaining(run -> consumed.put(run, seen.get(run).asLong()));
            episodesTrained = checkpoint.header().path("episodesTrained").asLong();
            LOG.infof("resumed from %s: policy version %d, %d episodes trained", checkpointFile, learner.updates(),
                    episodesTrained);
        }
        receivedCounter = Counter.builder("thz.learner.experience").description("experience records received once")
                .register(registry);
        updateTimer = Timer.builder("thz.learner.update").description("one training update").register(registry);
        LOG.infof("%s learns %s (%d episodes per update) on %d APs, %d RISs; training %s", runId, model.algorithm(),
                learnerConfig.training().episodesPerUpdate(), env.info().aps(), env.info().rises(),
                config.enabled() ? "on" : "off");
        publishPolicy();
    }

    /** One experience record: decoded (malformed: dead-letter topic), deduplicated, assembled, trained on. */
    @Incoming("experience-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> receive(Message<byte[]> message) {
        ExperienceRecord record;
        try {
            record = WireCodec.decode(message.getPayload(), ExperienceRecord.class);
        } catch (WireFormatException e) {
            return DeadLetters.reject(message, "experience-in", e);
        }
        String key = record.runId() + "#" + record.slot();
        if (record.slot() <= consumed.getOrDefault(record.runId(), -1L) || !pendingKeys.add(key)) {
            duplicates++;
            return message.ack();
        }
        received++;
        receivedCounter.increment();
        pendingMessages.add(new Pending(message, record.runId(), record.slot(), key));
        if (!config.enabled()) {
            consumed.merge(record.runId(), record.slot(), Math::max);
            return ackPending();
        }
        long droppedBefore = assembler.dropped();
        Episode episode = assembler.add(record);
        if (assembler.dropped() > droppedBefore) {
            LOG.warnf("dropped %d records of an unfinished episode (run %s)", assembler.dropped() - droppedBefore,
                    record.runId());
        }
        if (episode != null) {
            batch.add(episode);
            batchHighestSlot.merge(record.runId(), record.slot(), Math::max);
            if (batch.size() >= learnerConfig.training().episodesPerUpdate()) {
                train();
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    private void train() {
        UpdateStats stats = updateTimer.record(() -> learner.train(batch));
        lastStats = stats;
        episodesTrained += batch.size();
        batchHighestSlot.forEach((run, slot) -> consumed.merge(run, slot, Math::max));
        LOG.infof("update %d on %d episodes: policy loss %.4f, critic loss %.4f, entropy %.3f, mean reward %.4f",
                learner.updates(), batch.size(), stats.policyLoss(), stats.criticLoss(), stats.entropy(),
                batch.stream().mapToDouble(e -> {
                    double s = 0;
                    for (int t = 0; t < e.length(); t++) {
                        s += e.reward(t);
                    }
                    return s / e.length();
                }).average().orElse(Double.NaN));
        batch.clear();
        batchHighestSlot.clear();
        publishPolicy();
        checkpoint();
        ackPending();
    }

    /** Acknowledges every pending record up to the last one the checkpoint covers. */
    private CompletionStage<Void> ackPending() {
        List<Pending> keep = new ArrayList<>();
        for (Pending p : pendingMessages) {
            if (p.slot() <= consumed.getOrDefault(p.runId(), -1L)) {
                pendingKeys.remove(p.key());
                p.message().ack();
            } else {
                keep.add(p);
            }
        }
        pendingMessages.clear();
        pendingMessages.addAll(keep);
        return CompletableFuture.completedFuture(null);
    }

    private void checkpoint() {
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        ObjectNode seen = extra.putObject("consumed");
        consumed.forEach(seen::put);
        extra.put("episodesTrained", episodesTrained);
        extra.put("learnerRun", runId);
        learner.checkpoint(extra).write(checkpointFile);
    }

    private void publishPolicy() {
        byte[] blob = learner.policy().toBytes();
        PolicyRecord record = new PolicyRecord(WireRecord.SCHEMA, runId, model.algorithm(), learner.updates(), blob);
        policyOut.send(WireMessages.of(topics.layout().name(Topic.POLICY), model.algorithm(), record));
        LOG.infof("published policy version %d (%d bytes)", learner.updates(), blob.length);
    }

    public String runId() {
        return runId;
    }

    public long policyVersion() {
        return learner.updates();
    }

    public long received() {
        return received;
    }

    public long duplicates() {
        return duplicates;
    }

    public long episodesTrained() {
        return episodesTrained;
    }

    public long droppedRecords() {
        return assembler.dropped();
    }

    public int pendingRecords() {
        return pendingMessages.size();
    }

    public UpdateStats lastStats() {
        return lastStats;
    }

    public Map<String, Long> consumed() {
        return Map.copyOf(consumed);
    }

    @PreDestroy
    void close() {
        if (learner != null) {
            learner.close();
        }
    }
}
