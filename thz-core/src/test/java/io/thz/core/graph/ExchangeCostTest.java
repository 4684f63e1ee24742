package io.thz.core.graph;

import io.thz.core.policy.ActorInput;
import io.thz.core.policy.PolicyShape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeCostTest {

    /** Fig. 4: M = 3, J = 2, K_m = 8, N_A = 64, L = 20, B_R = 1; Table II: N = 2, S_E = 32. */
    private static PolicyShape fig4(ActorInput input) {
        return new PolicyShape("x", input, true, 3, 2, 1041, 60, 1024, 3072, 2880, 2, 32, 48, 48, 64, 9, 20, 3);
    }

    @Test
    void geVdacSendsTwoLayersOfEmbeddingsPerOutboundEdge() {
        ExchangeCost cost = ExchangeCost.of(fig4(ActorInput.GRAPH_EMBEDDED), AgentGraph.complete(3, 2));
        // an AP sends to 2 APs and 2 RISs: 4 edges x 2 layers x 32 floats
        assertThat(cost.apFloats()).containsExactly(256, 256, 256);
        // a RIS sends to 3 APs: 3 x 2 x 32
        assertThat(cost.risFloats()).containsExactly(192, 192);
        assertThat(cost.totalFloats()).isEqualTo(3 * 256 + 2 * 192);
        assertThat(cost.totalBytes()).isEqualTo(4 * 1152);
    }

    @Test
    void ieVdacSendsTheRawEdgeFeatures() {
        ExchangeCost cost = ExchangeCost.of(fig4(ActorInput.OWN_AND_INBOUND_EDGES), AgentGraph.complete(3, 2));
        // an AP: 2 AP-AP edges of 2 K_m N_A = 1024 floats and 2 AP-RIS edges of 3 x 1024
        assertThat(cost.apFloats()).containsExactly(8192, 8192, 8192);
        // a RIS: 3 RIS-AP edges of 2 L N_A + 2 L K_m = 2560 + 320
        assertThat(cost.risFloats()).containsExactly(8640, 8640);
        assertThat(cost.totalFloats()).isEqualTo(41856);
        assertThat(cost.maxAgentFloats()).isEqualTo(8640);
    }

    @Test
    void vdacSendsNothing() {
        assertThat(ExchangeCost.of(fig4(ActorInput.OWN_EDGES), AgentGraph.complete(3, 2)).totalFloats()).isZero();
    }
}
