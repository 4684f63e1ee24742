package io.thz.learner.modules;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.thz.core.graph.AgentGraph;
import io.thz.core.graph.Edge;
import io.thz.core.graph.NodeType;
import io.thz.core.policy.ActorInput;
import io.thz.core.policy.GraphObservation;
import io.thz.core.policy.PolicyNetwork;
import io.thz.core.policy.PolicyShape;
import io.thz.learner.Fixtures;
import io.thz.learner.components.ObservationTensors;
import io.thz.learner.modules.agents.AgentNetworks;
import io.thz.learner.modules.agents.AgentOutputs;
import io.thz.learner.modules.gnn.GraphTensors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Proposition 1: permuting agents of the same type (their node features and the edge features
 * with them) permutes the actors' action distributions and the local values the same way.
 */
class PermutationInvarianceTest {

    private static final int[] AP_PERMUTATION = {2, 0, 1};   // AP i becomes AP AP_PERMUTATION[i]
    private static final int[] RIS_PERMUTATION = {1, 0};

    @Test
    void permutingAgentsPermutesActionsAndValues() {
        PolicyShape shape = Fixtures.shape(ActorInput.GRAPH_EMBEDDED, true, 3, 2);
        AgentGraph graph = AgentGraph.complete(3, 2);
        SplittableRandom rng = new SplittableRandom(21);
        int steps = 3;
        List<GraphObservation> episode = Fixtures.episode(shape, graph, steps, rng);
        List<GraphObservation> permuted = new ArrayList<>();
        for (GraphObservation obs : episode) {
            permuted.add(permute(graph, obs));
        }
        try (Model model = Model.newInstance("permutation")) {
            AgentNetworks net = AgentNetworks.builder().setShape(shape).build();
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1));
            ParameterInit.reset(net.namedParameters(), 5);
            try (NDManager step = model.getNDManager().newSubManager()) {
                ParameterStore store = new ParameterStore(step, false);
                GraphTensors tensors = new GraphTensors(graph);
                AgentOutputs a = net.apply(store, tensors, ObservationTensors.pack(step, shape, graph,
                        List.of(episode, permuted)), false);
                int headAp = shape.headDim(NodeType.AP);
                int headRis = shape.headDim(NodeType.RIS);
                float[] apHead = a.apHead().toFloatArray();   // (2, T, 3, A): episode 0 original, 1 permuted
                float[] risHead = a.risHead().toFloatArray();
                float[] apValue = a.apValue().toFloatArray();
                float[] risValue = a.risValue().toFloatArray();
                for (int t = 0; t < steps; t++) {
                    for (int i = 0; i < 3; i++) {
                        int p = AP_PERMUTATION[i];
                        for (int k = 0; k < headAp; k++) {
                            assertThat((double) apHead[((steps + t) * 3 + p) * headAp + k])
                                    .isCloseTo(apHead[(t * 3 + i) * headAp + k], within(1e-5));
                        }
                        assertThat((double) apValue[(steps + t) * 3 + p]).isCloseTo(apValue[t * 3 + i], within(1e-5));
                    }
                    for (int j = 0; j < 2; j++) {
                        int p = RIS_PERMUTATION[j];
                        for (int k = 0; k < headRis; k++) {
                            assertThat((double) risHead[((steps + t) * 2 + p) * headRis + k])
                                    .isCloseTo(risHead[(t * 2 + j) * headRis + k], within(1e-5));
                        }
                        assertThat((double) risValue[(steps + t) * 2 + p]).isCloseTo(risValue[t * 2 + j], within(1e-5));
                    }
                }
                // the agents are not trivially identical: different APs do get different outputs
                assertThat(apValue[0]).isNotCloseTo(apValue[1], within(1e-4f));
            }
            // the same holds for the agents' plain-Java forward pass
            PolicyNetwork java = PolicyNetwork.of(net.export(0));
            float[][] gru = new float[3][shape.gru()];
            float[][] risGru = new float[2][shape.gru()];
            PolicyNetwork.GraphOutput original = java.forward(graph, episode.get(0), gru, risGru);
            PolicyNetwork.GraphOutput swapped = java.forward(graph, permuted.get(0), gru, risGru);
            for (int i = 0; i < 3; i++) {
                assertThat(swapped.aps()[AP_PERMUTATION[i]].value()).isCloseTo(original.aps()[i].value(), within(1e-5f));
            }
            for (int j = 0; j < 2; j++) {
                assertThat(swapped.rises()[RIS_PERMUTATION[j]].head())
                        .containsExactly(original.rises()[j].head(), within(1e-5f));
            }
        }
    }

    private static GraphObservation permute(AgentGraph graph, GraphObservation obs) {
        float[][] ap = new float[3][];
        for (int i = 0; i < 3; i++) {
            ap[AP_PERMUTATION[i]] = obs.apNodes()[i];
        }
        float[][] ris = new float[2][];
        for (int j = 0; j < 2; j++) {
            ris[RIS_PERMUTATION[j]] = obs.risNodes()[j];
        }
        float[][] edges = new float[graph.edges().size()][];
        for (int e = 0; e < edges.length; e++) {
            Edge edge = graph.edges().get(e);
            int source = map(edge.type().source(), edge.source());
            int destination = map(edge.type().destination(), edge.destination());
            edges[graph.find(edge.type(), source, destination)] = obs.edges()[e];
        }
        return new GraphObservation(ap, ris, edges);
    }

    private static int map(NodeType type, int index) {
        return type == NodeType.AP ? AP_PERMUTATION[index] : RIS_PERMUTATION[index];
    }

}
