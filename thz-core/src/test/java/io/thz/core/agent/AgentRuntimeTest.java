package io.thz.core.agent;

import io.thz.core.graph.AgentGraph;
import io.thz.core.graph.Edge;
import io.thz.core.graph.EdgeType;
import io.thz.core.graph.NodeType;
import io.thz.core.policy.ActorInput;
import io.thz.core.policy.GraphObservation;
import io.thz.core.policy.PolicyNetwork;
import io.thz.core.policy.PolicyShape;
import io.thz.core.policy.Tensor;
import io.thz.core.policy.WeightBlob;
import io.thz.core.wire.ActionRecord;
import io.thz.core.wire.AgentId;
import io.thz.core.wire.EmbeddingRecord;
import io.thz.core.wire.ObservationRecord;
import io.thz.core.wire.WireFormatException;
import io.thz.core.wire.WireRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The distributed slot protocol computes exactly what the one-process forward pass computes: every
 * agent's local value (which depends on the whole message-passing history and the GRU) must equal
 * {@link PolicyNetwork#forward}'s, whatever order the messages arrive in.
 */
class AgentRuntimeTest {

    private static final int M = 3;
    private static final int J = 2;

    static PolicyShape shape(ActorInput mode) {
        String algorithm = switch (mode) {
            case GRAPH_EMBEDDED -> "ge-vdac";
            case OWN_AND_INBOUND_EDGES -> "ie-vdac";
            case OWN_EDGES -> "vdac";
        };
        return new PolicyShape(algorithm, mode, true, M, J, 11, 7, 5, 9, 6, 2, 8, 12, 10, 16, 4, 3, 3);
    }

    static PolicyNetwork network(PolicyShape shape, long seed) {
        Random rng = new Random(seed);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : shape.tensorShapes().entrySet()) {
            int size = 1;
            for (int d : e.getValue()) {
                size *= d;
            }
            float[] data = new float[size];
            for (int i = 0; i < size; i++) {
                data[i] = (float) (rng.nextGaussian() * 0.3);
            }
            tensors.put(e.getKey(), new Tensor(e.getKey(), e.getValue(), data));
        }
        return PolicyNetwork.of(new WeightBlob(5, shape, tensors));
    }

    /** A graph without some edges, so in- and out-neighbourhoods differ between agents. */
    static AgentGraph sparseGraph() {
        List<Edge> edges = new ArrayList<>(AgentGraph.complete(M, J).edges());
        edges.remove(new Edge(EdgeType.AP_AP, 0, 2));
        edges.remove(new Edge(EdgeType.RIS_AP, 1, 0));
        edges.remove(new Edge(EdgeType.AP_RIS, 2, 0));
        return new AgentGraph(M, J, edges);
    }

    static GraphObservation observation(AgentGraph graph, PolicyShape shape, Random rng) {
        float[][] ap = new float[M][];
        float[][] ris = new float[J][];
        for (int i = 0; i < M; i++) {
            ap[i] = random(rng, shape.nodeDim(NodeType.AP));
        }
        for (int j = 0; j < J; j++) {
            ris[j] = random(rng, shape.nodeDim(NodeType.RIS));
        }
        float[][] edges = new float[graph.edges().size()][];
        for (int e = 0; e < edges.length; e++) {
            edges[e] = random(rng, shape.edgeDim(graph.edges().get(e).type()));
        }
        return new GraphObservation(ap, ris, edges);
    }

    static float[] random(Random rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }

    static ObservationRecord record(AgentGraph graph, GraphObservation obs, AgentId agent, long slot, int step) {
        return AgentObservations.of(graph, obs, agent, "run", slot, 0, step, 0L);
    }

    /** Delivers every record in a random order (messages may overtake observations). */
    static Map<String, ActionRecord> runSlot(AgentGraph graph, GraphObservation obs, PolicyNetwork net,
                                             Map<String, AgentRuntime> agents, long slot, int step, Random order) {
        Map<String, ActionRecord> actions = new HashMap<>();
        List<Object> pending = new ArrayList<>();
        Outbox out = new Outbox() {
            @Override
            public void embedding(EmbeddingRecord message) {
                pending.add(message);
            }

            @Override
            public void action(ActionRecord action) {
                assertThat(actions.put(action.agent(), action)).as("one action per agent").isNull();
            }
        };
        for (String id : agents.keySet()) {
            pending.add(record(graph, obs, AgentId.parse(id), slot, step));
        }
        while (!pending.isEmpty()) {
            Object next = pending.remove(order.nextInt(pending.size()));
            if (next instanceof ObservationRecord o) {
                agents.get(o.agent()).onObservation(o, net, out);
            } else {
                EmbeddingRecord m = (EmbeddingRecord) next;
                agents.get(m.to()).onMessage(m, out);
            }
        }
        return actions;
    }

    @ParameterizedTest
    @EnumSource(ActorInput.class)
    void distributedSlotsEqualTheOneProcessForwardPass(ActorInput mode) {
        PolicyShape shape = shape(mode);
        PolicyNetwork net = network(shape, 42);
        AgentGraph graph = sparseGraph();
        Random rng = new Random(7);
        Map<String, AgentRuntime> agents = new LinkedHashMap<>();
        for (int i = 0; i < M; i++) {
            agents.put("ap-" + i, new AgentRuntime(AgentId.ap(i), graph, 5.0, 1));
        }
        for (int j = 0; j < J; j++) {
            agents.put("ris-" + j, new AgentRuntime(AgentId.ris(j), graph, 5.0, 1));
        }
        float[][] apGru = new float[M][shape.gru()];
        float[][] risGru = new float[J][shape.gru()];
        for (int slot = 0; slot < 3; slot++) {
            GraphObservation obs = observation(graph, shape, rng);
            PolicyNetwork.GraphOutput expected = net.forward(graph, obs, apGru, risGru);
            Map<String, ActionRecord> actions = runSlot(graph, obs, net, agents, slot, slot, new Random(slot * 31L + 1));
            assertThat(actions).hasSize(M + J);
            for (int i = 0; i < M; i++) {
                assertThat(actions.get("ap-" + i).value()).as("ap-%d slot %d", i, slot).isEqualTo(expected.aps()[i].value());
                assertThat(actions.get("ap-" + i).sample()).hasSize(shape.apActions());
                apGru[i] = expected.aps()[i].gruState();
            }
            for (int j = 0; j < J; j++) {
                assertThat(actions.get("ris-" + j).value()).as("ris-%d slot %d", j, slot).isEqualTo(expected.rises()[j].value());
                assertThat(actions.get("ris-" + j).choices()).hasSize(shape.risElements());
                risGru[j] = expected.rises()[j].gruState();
            }
        }
    }

    @Test
    void vdacSendsNothingAndGeVdacOneRoundPerLayer() {
        AgentGraph graph = sparseGraph();
        for (ActorInput mode : ActorInput.values()) {
            PolicyShape shape = shape(mode);
            PolicyNetwork net = network(shape, 1);
            GraphObservation obs = observation(graph, shape, new Random(3));
            List<EmbeddingRecord> sent = new ArrayList<>();
            Outbox out = new Outbox() {
                @Override
                public void embedding(EmbeddingRecord message) {
                    sent.add(message);
                }

                @Override
                public void action(ActionRecord action) {
                }
            };
            Deque<EmbeddingRecord> queue = new ArrayDeque<>();
            Map<String, AgentRuntime> agents = new LinkedHashMap<>();
            for (int i = 0; i < M; i++) {
                agents.put("ap-" + i, new AgentRuntime(AgentId.ap(i), graph, 5.0, 1));
            }
            for (int j = 0; j < J; j++) {
                agents.put("ris-" + j, new AgentRuntime(AgentId.ris(j), graph, 5.0, 1));
            }
            for (String id : agents.keySet()) {
                agents.get(id).onObservation(record(graph, obs, AgentId.parse(id), 0, 0), net, out);
            }
            for (int k = 0; k < sent.size(); k++) {
                queue.add(sent.get(k));
            }
            while (!queue.isEmpty()) {
                EmbeddingRecord m = queue.poll();
                int before = sent.size();
                agents.get(m.to()).onMessage(m, out);
                queue.addAll(sent.subList(before, sent.size()));
            }
            int edges = graph.edges().size();
            int expected = switch (mode) {
                case GRAPH_EMBEDDED -> edges * shape.layers();
                case OWN_AND_INBOUND_EDGES -> edges;
                case OWN_EDGES -> 0;
            };
            assertThat(sent).as(mode.toString()).hasSize(expected);
            if (mode == ActorInput.GRAPH_EMBEDDED) {
                assertThat(sent).allSatisfy(m -> assertThat(m.vector()).hasSize(shape.embedding()));
            }
        }
    }

    @Test
    void aMessageFromANonNeighbourIsRefused() {
        AgentGraph graph = sparseGraph();
        AgentRuntime ap2 = new AgentRuntime(AgentId.ap(2), graph, 5.0, 1);
        // AP 0 -> AP 2 was removed from the graph
        EmbeddingRecord stray = new EmbeddingRecord(WireRecord.SCHEMA, "run", 0, 0, "ap-0", "ap-2", "AP_AP", new float[8]);
        assertThatThrownBy(() -> ap2.onMessage(stray, null)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("ap-0 is not an in-neighbour of ap-2");
        EmbeddingRecord wrongType = new EmbeddingRecord(WireRecord.SCHEMA, "run", 0, 0, "ris-0", "ap-2", "AP_AP", new float[8]);
        assertThatThrownBy(() -> ap2.onMessage(wrongType, null)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("does not join ris-0 to ap-2");
    }

    @Test
    void staleMessagesAreDroppedNotApplied() {
        PolicyShape shape = shape(ActorInput.GRAPH_EMBEDDED);
        PolicyNetwork net = network(shape, 9);
        AgentGraph graph = AgentGraph.complete(M, J);
        Map<String, AgentRuntime> agents = new LinkedHashMap<>();
        for (int i = 0; i < M; i++) {
            agents.put("ap-" + i, new AgentRuntime(AgentId.ap(i), graph, 5.0, 1));
        }
        for (int j = 0; j < J; j++) {
            agents.put("ris-" + j, new AgentRuntime(AgentId.ris(j), graph, 5.0, 1));
        }
        runSlot(graph, observation(graph, shape, new Random(1)), net, agents, 5, 0, new Random(2));
        AgentRuntime ap0 = agents.get("ap-0");
        ap0.onMessage(new EmbeddingRecord(WireRecord.SCHEMA, "run", 4, 0, "ap-1", "ap-0", "AP_AP", new float[8]), null);
        assertThat(ap0.droppedMessages()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ActorInput.class)
    void aSilentNeighbourIsWorkedAroundBeforeTheDeadline(ActorInput mode) {
        PolicyShape shape = shape(mode);
        PolicyNetwork net = network(shape, 21);
        AgentGraph graph = AgentGraph.complete(M, J);
        GraphObservation obs = observation(graph, shape, new Random(4));
        Map<String, AgentRuntime> agents = new LinkedHashMap<>();
        for (int i = 0; i < M; i++) {
            agents.put("ap-" + i, new AgentRuntime(AgentId.ap(i), graph, 5.0, 1));
        }
        for (int j = 0; j < J; j++) {
            agents.put("ris-" + j, new AgentRuntime(AgentId.ris(j), graph, 5.0, 1));
        }
        agents.remove("ap-2"); // crashed: never observes, never sends
        Map<String, ActionRecord> actions = new HashMap<>();
        List<EmbeddingRecord> queue = new ArrayList<>();
        Outbox out = new Outbox() {
            @Override
            public void embedding(EmbeddingRecord message) {
                queue.add(message);
            }

            @Override
            public void action(ActionRecord action) {
                actions.put(action.agent(), action);
            }
        };
        for (String id : agents.keySet()) {
            agents.get(id).onObservation(record(graph, obs, AgentId.parse(id), 0, 0), net, out);
        }
        while (!queue.isEmpty()) {
            EmbeddingRecord m = queue.remove(0);
            if (agents.containsKey(m.to())) {
                agents.get(m.to()).onMessage(m, out);
            }
        }
        if (mode == ActorInput.OWN_EDGES) {
            assertThat(actions).hasSize(M + J - 1); // vdac waits for nobody
            return;
        }
        assertThat(actions).isEmpty(); // everyone waits for ap-2
        assertThat(agents.values()).allSatisfy(a -> assertThat(a.waiting()).isTrue());
        // the deadline nears: each proceeds without ap-2, which unblocks the later layers too
        boolean progress = true;
        while (progress) {
            progress = false;
            for (AgentRuntime a : agents.values()) {
                progress |= a.proceedWithoutStragglers(out);
            }
            while (!queue.isEmpty()) {
                EmbeddingRecord m = queue.remove(0);
                if (agents.containsKey(m.to())) {
                    agents.get(m.to()).onMessage(m, out);
                }
            }
        }
        assertThat(actions).hasSize(M + J - 1);
        assertThat(actions.values()).allSatisfy(a -> assertThat(Double.isFinite(a.value())).isTrue());
        assertThat(agents.values()).allSatisfy(a -> assertThat(a.degradedSlots()).isEqualTo(1));
    }
}
