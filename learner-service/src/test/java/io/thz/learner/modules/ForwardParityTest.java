package io.thz.learner.modules;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.thz.core.graph.AgentGraph;
import io.thz.core.graph.NodeType;
import io.thz.core.policy.ActorInput;
import io.thz.core.policy.AgentOutput;
import io.thz.core.policy.GraphObservation;
import io.thz.core.policy.PolicyNetwork;
import io.thz.core.policy.PolicyShape;
import io.thz.core.policy.WeightBlob;
import io.thz.learner.Fixtures;
import io.thz.learner.components.ObservationTensors;
import io.thz.learner.modules.agents.AgentNetworks;
import io.thz.learner.modules.agents.AgentOutputs;
import io.thz.learner.modules.gnn.GraphTensors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The plain-Java forward pass (thz-core PolicyNetwork, from the published blob) equals DJL's on the
 * same weights to 1e-5, for AP and RIS agents, over several GRU steps, for every actor input.
 */
class ForwardParityTest {

    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest
    @EnumSource(ActorInput.class)
    void javaForwardEqualsDjl(ActorInput input) {
        PolicyShape shape = Fixtures.shape(input, true, 3, 2);
        // a graph with a missing AP-AP pair and a RIS that hears only two APs: uneven degrees
        AgentGraph graph = AgentGraph.withinRadius(
                new double[][] {{0, 0, 3}, {3, 0, 3}, {6, 0, 3}},
                new double[][] {{1, 1, 2}, {6, 1, 2}}, 4.5);
        assertThat(graph.find(io.thz.core.graph.EdgeType.AP_AP, 0, 2)).isEqualTo(-1);
        SplittableRandom rng = new SplittableRandom(7);
        int steps = 4;
        List<GraphObservation> episode = Fixtures.episode(shape, graph, steps, rng);
        try (Model model = Model.newInstance("parity")) {
            AgentNetworks net = AgentNetworks.builder().setShape(shape).optInitialLogStd(-0.3).build();
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1));
            ParameterInit.reset(net.namedParameters(), 42);
            WeightBlob blob = WeightBlob.fromBytes(net.export(3).toBytes());
            PolicyNetwork java = PolicyNetwork.of(blob);
            try (NDManager step = model.getNDManager().newSubManager()) {
                AgentOutputs djl = net.apply(new ParameterStore(step, false), new GraphTensors(graph),
                        ObservationTensors.pack(step, shape, graph, List.of(episode)), false);
                float[] apHead = djl.apHead().toFloatArray();
                float[] apValue = djl.apValue().toFloatArray();
                float[] risHead = djl.risHead().toFloatArray();
                float[] risValue = djl.risValue().toFloatArray();
                float[][] apGru = new float[3][shape.gru()];
                float[][] risGru = new float[2][shape.gru()];
                for (int t = 0; t < steps; t++) {
                    PolicyNetwork.GraphOutput out = java.forward(graph, episode.get(t), apGru, risGru);
                    for (int i = 0; i < 3; i++) {
                        AgentOutput a = out.aps()[i];
                        compare(a.head(), apHead, (t * 3 + i) * shape.headDim(NodeType.AP));
                        assertThat((double) a.value()).isCloseTo(apValue[t * 3 + i], within(TOLERANCE));
                        apGru[i] = a.gruState();
                    }
                    for (int j = 0; j < 2; j++) {
                        AgentOutput r = out.rises()[j];
                        compare(r.head(), risHead, (t * 2 + j) * shape.headDim(NodeType.RIS));
                        assertThat((double) r.value()).isCloseTo(risValue[t * 2 + j], within(TOLERANCE));
                        risGru[j] = r.gruState();
                    }
                }
                assertThat(java.apLogStd()).containsExactly(djl.apLogStd().toFloatArray());
            }
        }
    }

    private static void compare(float[] java, float[] djl, int offset) {
        double largest = 0;
        for (int k = 0; k < java.length; k++) {
            assertThat((double) java[k]).as("output %d", k).isCloseTo(djl[offset + k], within(TOLERANCE));
            largest = Math.max(largest, Math.abs(java[k]));
        }
        assertThat(largest).as("outputs are not all ~0 (the comparison means something)").isGreaterThan(1e-3);
    }
}
