package io.thz.core.agent;

import io.thz.core.graph.AgentGraph;
import io.thz.core.graph.EdgeType;
import io.thz.core.graph.NodeType;
import io.thz.core.policy.ActorInput;
import io.thz.core.policy.ActorInputs;
import io.thz.core.policy.AgentOutput;
import io.thz.core.policy.GraphObservation;
import io.thz.core.policy.PolicyNetwork;
import io.thz.core.policy.PowerHead;
import io.thz.core.policy.RisHead;
import io.thz.core.wire.ActionRecord;
import io.thz.core.wire.AgentId;
import io.thz.core.wire.EdgeFeature;
import io.thz.core.wire.EmbeddingRecord;
import io.thz.core.wire.ObservationRecord;
import io.thz.core.wire.WireFormatException;
import io.thz.core.wire.WireRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One agent's side of the slot protocol (architecture, "One slot over Kafka", steps 2-3), the
 * distributed form of {@link PolicyNetwork#forward}: for each message-passing layer it sends its
 * messages to its out-neighbours and waits for all its in-neighbours' messages of that layer, then
 * runs its actor and emits its action. What crosses between agents depends on the policy:
 * learned embeddings e_ii'^(n) (ge-vdac, one round per layer), the raw edge features d_ii'
 * (ie-vdac, one round), or nothing (vdac).
 *
 * <p>Messages may arrive before the observation they belong to (other agents are faster); they
 * are kept until the observation comes, and dropped once their slot is over. Not thread-safe: a
 * host calls it from one thread.
 */
public final class AgentRuntime {

    /** Slots of early messages kept at most (messages for slots further ahead are refused). */
    private static final int MAX_SLOTS_AHEAD = 64;

    private final AgentId id;
    private final NodeType type;
    private final AgentGraph graph;
    private final double pmaxW;
    private final long seed;
    private final Map<Long, Map<Integer, Map<Integer, float[]>>> early = new TreeMap<>();
    private float[] gru;
    private SlotState current;
    private long droppedMessages;
    private long degradedSlots;

    /**
     * @param id    the agent
     * @param graph the agent graph of the deployment
     * @param pmaxW P_max of an AP, in watts (AP agents)
     * @param seed  master seed; the agent's sampling stream derives from (seed, agent, slot)
     */
    public AgentRuntime(AgentId id, AgentGraph graph, double pmaxW, long seed) {
        this.id = id;
        this.type = id.nodeType();
        if (id.index() >= graph.nodes(type)) {
            throw new IllegalArgumentException("agent " + id + " is not in a graph of " + graph.aps() + " APs and "
                    + graph.rises() + " RISs");
        }
        this.graph = graph;
        this.pmaxW = pmaxW;
        this.seed = seed;
    }

    public AgentId id() {
        return id;
    }

    /** Messages dropped because their slot was over or too far ahead. */
    public long droppedMessages() {
        return droppedMessages;
    }

    /** The slot this agent is working on, or -1 when idle. */
    public long currentSlot() {
        return current == null ? -1 : current.obs.slot();
    }

    /**
     * Starts a slot: sends the first round of messages and, when nothing is awaited, acts at once.
     *
     * @param obs    the agent's observation (its {@code agent} must be this agent)
     * @param policy the weights to act with for this whole slot
     * @param out    where messages and the action go
     */
    public void onObservation(ObservationRecord obs, PolicyNetwork policy, Outbox out) {
        if (!id.toString().equals(obs.agent())) {
            throw new WireFormatException("ObservationRecord.agent: " + obs.agent() + " delivered to " + id);
        }
        if (current != null && obs.slot() <= current.obs.slot()) {
            return; // a duplicate or stale observation: the slot was already started
        }
        if (obs.step() == 0 || gru == null || gru.length != policy.shape().gru()) {
            gru = new float[policy.shape().gru()]; // episode start: GRU state reset
        }
        current = new SlotState(obs, policy);
        Map<Integer, Map<Integer, float[]>> buffered = early.remove(obs.slot());
        if (buffered != null) {
            current.received.putAll(buffered);
        }
        early.keySet().removeIf(s -> s < obs.slot());
        sendRound(out);
        advance(out);
    }

    /** Takes an in-neighbour's message; may complete a layer and trigger the next round or the action. */
    public void onMessage(EmbeddingRecord message, Outbox out) {
        if (!id.toString().equals(message.to())) {
            throw new WireFormatException("EmbeddingRecord.to: " + message.to() + " delivered to " + id);
        }
        AgentId from = AgentId.parse(message.from());
        EdgeType edgeType = edgeType(message.type());
        NodeType fromType = from.ris() ? NodeType.RIS : NodeType.AP;
        if (edgeType.source() != fromType || edgeType.destination() != type) {
            throw new WireFormatException("EmbeddingRecord.type: " + message.type() + " does not join " + from + " to " + id);
        }
        int edge = graph.find(edgeType, from.index(), id.index());
        if (edge < 0) {
            throw new WireFormatException("EmbeddingRecord.from: " + from + " is not an in-neighbour of " + id);
        }
        if (current != null && message.slot() == current.obs.slot() && message.runId().equals(current.obs.runId())) {
            current.received.computeIfAbsent(message.layer(), k -> new HashMap<>()).put(edge, message.vector());
            advance(out);
        } else if ((current == null || message.slot() > current.obs.slot())
                && early.size() < MAX_SLOTS_AHEAD) {
            early.computeIfAbsent(message.slot(), k -> new TreeMap<>())
                    .computeIfAbsent(message.layer(), k -> new HashMap<>()).put(edge, message.vector());
        } else {
            droppedMessages++;
        }
    }

    private void sendRound(Outbox out) {
        SlotState s = current;
        ActorInput mode = s.policy.shape().actorInput();
        if (mode == ActorInput.OWN_EDGES) {
            return;
        }
        for (EdgeFeature edge : s.obs.outEdges()) {
            EdgeType edgeType = edgeType(edge.type());
            float[] vector = mode == ActorInput.GRAPH_EMBEDDED
                    ? s.policy.edgeMessage(s.layer, edgeType, s.state, edge.features())
                    : edge.features();
            out.embedding(new EmbeddingRecord(WireRecord.SCHEMA, s.obs.runId(), s.obs.slot(), s.layer, id.toString(),
                    edge.to(), edge.type(), vector));
        }
    }

    /** Completes as many layers as the received messages allow, then acts. */
    private void advance(Outbox out) {
        SlotState s = current;
        while (s != null && !s.acted) {
            ActorInput mode = s.policy.shape().actorInput();
            int rounds = switch (mode) {
                case GRAPH_EMBEDDED -> s.policy.shape().layers();
                case OWN_AND_INBOUND_EDGES -> 1;
                case OWN_EDGES -> 0;
            };
            if (s.layer < rounds) {
                Map<Integer, float[]> got = s.received.getOrDefault(s.layer, Map.of());
                List<Integer> inbound = graph.inbound(type, id.index());
                if (!got.keySet().containsAll(inbound)) {
                    if (!s.withoutStragglers) {
                        return; // wait for the missing in-neighbours
                    }
                    s.degraded = true;
                }
                if (mode == ActorInput.GRAPH_EMBEDDED) {
                    List<float[]> messages = new ArrayList<>(inbound.size());
                    for (int e : inbound) { // canonical edge order, as in the one-process forward pass
                        float[] m = got.get(e);
                        if (m != null) { // the mean is over the in-neighbours that answered
                            messages.add(m);
                        }
                    }
                    s.state = s.policy.nodeUpdate(s.layer, type, s.state, messages);
                    s.layer++;
                    if (s.layer < rounds) {
                        sendRound(out);
                    }
                } else {
                    s.layer++;
                }
                continue;
            }
            act(s, out);
        }
    }

    private void act(SlotState s, Outbox out) {
        PolicyNetwork policy = s.policy;
        float[] input = switch (policy.shape().actorInput()) {
            case GRAPH_EMBEDDED -> policy.embeddedInput(s.obs.node(), s.state);
            case OWN_EDGES, OWN_AND_INBOUND_EDGES -> ActorInputs.assemble(policy.shape(), graph, localObservation(s),
                    type, id.index());
        };
        AgentOutput output = policy.agentStep(type, input, gru);
        gru = output.gruState();
        SplittableRandom rng = new SplittableRandom(mix(seed, (id.ris() ? 1L << 32 : 0L) + id.index(), s.obs.slot()));
        float[] sample = new float[0];
        int[] choices = new int[0];
        double logProb;
        if (type == NodeType.AP) {
            float[] logStd = policy.apLogStd();
            sample = PowerHead.sample(output.head(), logStd, rng);
            logProb = PowerHead.logProb(sample, output.head(), logStd);
        } else {
            int elements = policy.shape().risElements();
            int choicesPerElement = policy.shape().risChoices();
            choices = RisHead.sample(output.head(), elements, choicesPerElement, rng);
            logProb = RisHead.logProb(output.head(), choices, choicesPerElement);
        }
        s.acted = true;
        if (s.degraded) {
            degradedSlots++;
        }
        out.action(new ActionRecord(WireRecord.SCHEMA, s.obs.runId(), s.obs.slot(), id.toString(), policy.policyVersion(),
                sample, choices, logProb, output.value()));
    }

    /**
     * The agent's own slice of the graph observation: its node, its outbound edges and (ie-vdac)
     * the inbound raw features received; everything else stays null and is never read.
     */
    private GraphObservation localObservation(SlotState s) {
        float[][] apNodes = new float[graph.aps()][];
        float[][] risNodes = new float[graph.rises()][];
        (type == NodeType.AP ? apNodes : risNodes)[id.index()] = s.obs.node();
        float[][] edges = new float[graph.edges().size()][];
        for (EdgeFeature e : s.obs.outEdges()) {
            AgentId to = AgentId.parse(e.to());
            int index = graph.find(edgeType(e.type()), id.index(), to.index());
            if (index < 0) {
                throw new WireFormatException("ObservationRecord.outEdges: no " + e.type() + " edge " + id + " -> " + to);
            }
            edges[index] = e.features();
        }
        for (Map.Entry<Integer, float[]> e : s.received.getOrDefault(0, Map.of()).entrySet()) {
            edges[e.getKey()] = e.getValue();
        }
        for (int e : graph.inbound(type, id.index())) {
            if (edges[e] == null) { // a straggler's raw feature: unknown, taken as zero
                edges[e] = new float[s.policy.shape().edgeDim(graph.edges().get(e).type())];
            }
        }
        return new GraphObservation(apNodes, risNodes, edges);
    }

    /**
     * Finishes the current slot without the in-neighbours that have not answered yet (a crashed or
     * late agent): each remaining layer aggregates the messages that did arrive (the mean over fewer
     * neighbours), and the agent acts. The host calls it shortly before the slot's deadline, so one
     * silent agent costs its neighbours some accuracy instead of their actions.
     *
     * @return true when this call made the agent act
     */
    public boolean proceedWithoutStragglers(Outbox out) {
        SlotState s = current;
        if (s == null || s.acted) {
            return false;
        }
        s.withoutStragglers = true;
        advance(out);
        return s.acted;
    }

    /** Whether the agent is waiting for messages of the slot it is on. */
    public boolean waiting() {
        return current != null && !current.acted;
    }

    /** The action deadline of the slot the agent is on (epoch ms), or Long.MAX_VALUE when idle. */
    public long deadlineEpochMs() {
        return current == null ? Long.MAX_VALUE : current.obs.deadlineEpochMs();
    }

    /** Slots this agent finished without some in-neighbours' messages. */
    public long degradedSlots() {
        return degradedSlots;
    }

    private static EdgeType edgeType(String name) {
        try {
            return EdgeType.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WireFormatException("edge type \"" + name + "\" is not AP_AP, AP_RIS or RIS_AP");
        }
    }

    /** A well-mixed 64-bit seed from three values (SplitMix64 finaliser). */
    static long mix(long a, long b, long c) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L + c;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** What the agent knows about the slot it is working on. */
    private static final class SlotState {
        final ObservationRecord obs;
        final PolicyNetwork policy;
        final Map<Integer, Map<Integer, float[]>> received = new HashMap<>();
        float[] state;
        int layer;
        boolean acted;
        boolean withoutStragglers;
        boolean degraded;

        SlotState(ObservationRecord obs, PolicyNetwork policy) {
            this.obs = obs;
            this.policy = policy;
            this.state = obs.node();
        }
    }

    /** Removes buffered early messages of slots before {@code slot} (housekeeping for idle agents). */
    public void forgetBefore(long slot) {
        for (Iterator<Long> it = early.keySet().iterator(); it.hasNext(); ) {
            if (it.next() < slot) {
                it.remove();
                droppedMessages++;
            }
        }
    }
}
