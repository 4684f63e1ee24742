package io.thz.core.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentGraphTest {

    @Test
    void completeGraphHasEveryTypedEdge() {
        AgentGraph g = AgentGraph.complete(3, 2);
        // AP-AP: 3*2 ordered pairs; AP-RIS and RIS-AP: 3*2 each
        assertThat(g.edgeCount(EdgeType.AP_AP)).isEqualTo(6);
        assertThat(g.edgeCount(EdgeType.AP_RIS)).isEqualTo(6);
        assertThat(g.edgeCount(EdgeType.RIS_AP)).isEqualTo(6);
        // an AP hears the two other APs and both RISs; a RIS hears the three APs
        assertThat(g.inbound(NodeType.AP, 1)).hasSize(4);
        assertThat(g.inbound(NodeType.RIS, 0)).hasSize(3);
        assertThat(g.outbound(NodeType.RIS, 1)).hasSize(3);
        // canonical order: by type, then source, then destination
        assertThat(g.edges().get(0)).isEqualTo(new Edge(EdgeType.AP_AP, 0, 1));
        assertThat(g.edges().get(6)).isEqualTo(new Edge(EdgeType.AP_RIS, 0, 0));
        assertThat(g.edges().get(17)).isEqualTo(new Edge(EdgeType.RIS_AP, 1, 2));
        assertThat(g.find(EdgeType.RIS_AP, 1, 2)).isEqualTo(17);
        assertThat(g.indexWithinType(17)).isEqualTo(5);
    }

    @Test
    void radiusDropsFarPairs() {
        // APs 4 m apart in a row, one RIS 1 m from the first AP only
        double[][] aps = {{0, 0, 3}, {4, 0, 3}, {8, 0, 3}};
        double[][] ris = {{0, 1, 3}};
        AgentGraph g = AgentGraph.withinRadius(aps, ris, 4.0);
        assertThat(g.find(EdgeType.AP_AP, 0, 1)).isNotNegative();
        assertThat(g.find(EdgeType.AP_AP, 0, 2)).isEqualTo(-1); // 8 m
        assertThat(g.find(EdgeType.AP_RIS, 0, 0)).isNotNegative();
        assertThat(g.find(EdgeType.RIS_AP, 0, 0)).isNotNegative();
        assertThat(g.find(EdgeType.RIS_AP, 0, 1)).isEqualTo(-1); // sqrt(4^2 + 1^2) = 4.12 m > 4 m
        assertThat(g.inbound(NodeType.AP, 1)).hasSize(2);     // APs 0 and 2, both 4 m away
    }

    @Test
    void rejectsBadEdges() {
        assertThatThrownBy(() -> new AgentGraph(2, 1, List.of(new Edge(EdgeType.AP_RIS, 0, 3))))
                .hasMessageContaining("edges[0].destination=3");
        assertThatThrownBy(() -> new AgentGraph(2, 0, List.of(new Edge(EdgeType.AP_AP, 1, 1))))
                .hasMessageContaining("self loop");
        assertThatThrownBy(() -> AgentGraph.withinRadius(new double[][] {{0, 0, 0}}, new double[0][], 0))
                .hasMessageContaining("neighbour radius");
    }
}
