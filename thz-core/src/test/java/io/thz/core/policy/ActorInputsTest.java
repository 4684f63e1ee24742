package io.thz.core.policy;

import io.thz.core.graph.AgentGraph;
import io.thz.core.graph.Edge;
import io.thz.core.graph.EdgeType;
import io.thz.core.graph.NodeType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorInputsTest {

    // node dims 2 (AP) and 1 (RIS); edge dims AP-AP 3, AP-RIS 4, RIS-AP 5
    private static PolicyShape shape(ActorInput input) {
        return new PolicyShape("t", input, true, 2, 1, 2, 1, 3, 4, 5, 1, 2, 2, 2, 2, 3, 1, 2);
    }

    /** Edge e's feature is filled with the value 10 (e + 1) so that every slot shows where it came from. */
    private static GraphObservation observation(AgentGraph g, PolicyShape s) {
        float[][] edges = new float[g.edges().size()][];
        for (int e = 0; e < edges.length; e++) {
            edges[e] = new float[s.edgeDim(g.edges().get(e).type())];
            java.util.Arrays.fill(edges[e], 10f * (e + 1));
        }
        return new GraphObservation(new float[][] {{1, 2}, {3, 4}}, new float[][] {{5}}, edges);
    }

    @Test
    void ieVdacInputLaysOutOwnThenInboundSlots() {
        // AP 1 hears nothing from the RIS (no RIS-AP edge 0->1): that slot stays zero
        AgentGraph g = new AgentGraph(2, 1, List.of(new Edge(EdgeType.AP_AP, 0, 1), new Edge(EdgeType.AP_AP, 1, 0),
                new Edge(EdgeType.AP_RIS, 0, 0), new Edge(EdgeType.AP_RIS, 1, 0), new Edge(EdgeType.RIS_AP, 0, 0)));
        PolicyShape s = shape(ActorInput.OWN_AND_INBOUND_EDGES);
        GraphObservation obs = observation(g, s);
        // canonical edge order: AP_AP 0->1 (10), AP_AP 1->0 (20), AP_RIS 0->0 (30), AP_RIS 1->0 (40), RIS_AP 0->0 (50)
        float[] ap1 = ActorInputs.assemble(s, g, obs, NodeType.AP, 1);
        assertThat(ap1).hasSize(s.actorInputDim(NodeType.AP)).hasSize(2 + 3 + 4 + 3 + 5);
        assertThat(ap1).containsExactly(3, 4, 20, 20, 20, 40, 40, 40, 40, 10, 10, 10, 0, 0, 0, 0, 0);
        float[] ris = ActorInputs.assemble(s, g, obs, NodeType.RIS, 0);
        // own: RIS-AP to AP 0 (50), to AP 1 (absent: zeros); inbound: AP-RIS from AP 0 (30), from AP 1 (40)
        assertThat(ris).containsExactly(5, 50, 50, 50, 50, 50, 0, 0, 0, 0, 0, 30, 30, 30, 30, 40, 40, 40, 40);
        // VDAC reads only the outbound part
        float[] vdac = ActorInputs.assemble(shape(ActorInput.OWN_EDGES), g, obs, NodeType.AP, 1);
        assertThat(vdac).containsExactly(3, 4, 20, 20, 20, 40, 40, 40, 40);
    }

    @Test
    void wrongFeatureWidthIsNamed() {
        AgentGraph g = AgentGraph.complete(2, 1);
        PolicyShape s = shape(ActorInput.OWN_EDGES);
        GraphObservation obs = observation(g, s);
        obs.edges()[0] = new float[7];
        assertThatThrownBy(() -> ActorInputs.assemble(s, g, obs, NodeType.AP, 0))
                .hasMessageContaining("apAp edge 0->1 has 7 floats, the policy takes 3");
        assertThatThrownBy(() -> ActorInputs.assemble(shape(ActorInput.GRAPH_EMBEDDED), g, obs, NodeType.AP, 0))
                .hasMessageContaining("graph-embedded");
    }
}
