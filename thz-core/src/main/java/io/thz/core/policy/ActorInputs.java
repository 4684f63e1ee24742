package io.thz.core.policy;

import io.thz.core.graph.AgentGraph;
import io.thz.core.graph.EdgeType;
import io.thz.core.graph.NodeType;

/**
 * The inputs of the actors that do not embed the graph (VDAC and IE-VDAC, spec section 10): the
 * node feature followed by one fixed slot per potential neighbour, zero where the graph has no
 * such edge. Slot order for AP i: AP-AP edges to the other APs in index order, then AP-RIS edges
 * to every RIS; inbound slots (IE-VDAC) likewise: AP-AP edges from the other APs, then RIS-AP
 * edges from every RIS. For RIS j: RIS-AP edges to every AP; inbound: AP-RIS edges from every AP.
 */
public final class ActorInputs {

    private ActorInputs() {
    }

    /**
     * The actor input of node (type, index) for the OWN_EDGES and OWN_AND_INBOUND_EDGES modes.
     *
     * @return a new array of {@code shape.actorInputDim(type)} floats
     */
    public static float[] assemble(PolicyShape shape, AgentGraph graph, GraphObservation obs, NodeType type,
                                   int index) {
        if (shape.actorInput() == ActorInput.GRAPH_EMBEDDED) {
            throw new IllegalArgumentException("graph-embedded actors take [o_i, z_i^(N)], not edge slots");
        }
        float[] input = new float[shape.actorInputDim(type)];
        float[] node = type == NodeType.AP ? obs.apNodes()[index] : obs.risNodes()[index];
        int at = put(input, 0, node, shape.nodeDim(type), "node feature");
        boolean inbound = shape.actorInput() == ActorInput.OWN_AND_INBOUND_EDGES;
        if (type == NodeType.AP) {
            at = apSlots(shape, graph, obs, index, at, input, EdgeType.AP_AP, true);
            at = risSlots(shape, graph, obs, index, at, input, EdgeType.AP_RIS, true);
            if (inbound) {
                at = apSlots(shape, graph, obs, index, at, input, EdgeType.AP_AP, false);
                at = risSlots(shape, graph, obs, index, at, input, EdgeType.RIS_AP, false);
            }
        } else {
            for (int m = 0; m < shape.aps(); m++) {
                at = slot(shape, graph, obs, EdgeType.RIS_AP, index, m, at, input);
            }
            if (inbound) {
                for (int m = 0; m < shape.aps(); m++) {
                    at = slot(shape, graph, obs, EdgeType.AP_RIS, m, index, at, input);
                }
            }
        }
        if (at != input.length) {
            throw new IllegalStateException("assembled " + at + " floats for " + input.length);
        }
        return input;
    }

    private static int apSlots(PolicyShape shape, AgentGraph graph, GraphObservation obs, int self, int at,
                               float[] input, EdgeType type, boolean outbound) {
        for (int other = 0; other < shape.aps(); other++) {
            if (other != self) {
                at = outbound ? slot(shape, graph, obs, type, self, other, at, input)
                        : slot(shape, graph, obs, type, other, self, at, input);
            }
        }
        return at;
    }

    private static int risSlots(PolicyShape shape, AgentGraph graph, GraphObservation obs, int self, int at,
                                float[] input, EdgeType type, boolean outbound) {
        for (int j = 0; j < shape.rises(); j++) {
            at = outbound ? slot(shape, graph, obs, type, self, j, at, input)
                    : slot(shape, graph, obs, type, j, self, at, input);
        }
        return at;
    }

    private static int slot(PolicyShape shape, AgentGraph graph, GraphObservation obs, EdgeType type, int source,
                            int destination, int at, float[] input) {
        int e = source < graph.nodes(type.source()) && destination < graph.nodes(type.destination())
                ? graph.find(type, source, destination) : -1;
        int dim = shape.edgeDim(type);
        if (e >= 0) {
            put(input, at, obs.edges()[e], dim, type.key() + " edge " + source + "->" + destination);
        }
        return at + dim;
    }

    private static int put(float[] input, int at, float[] part, int dim, String what) {
        if (part.length != dim) {
            throw new IllegalArgumentException(what + " has " + part.length + " floats, the policy takes " + dim);
        }
        System.arraycopy(part, 0, input, at, dim);
        return at + dim;
    }
}
