package io.thz.core.policy;

import io.thz.core.graph.EdgeType;
import io.thz.core.graph.NodeType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape of a policy network: everything needed to know which tensors a weight blob must hold
 * and how big each is. The same record sizes the DJL networks of the learner and the plain-Java
 * forward pass of the agents.
 *
 * <p>Letters: M APs, J RISs, N message-passing layers, S_E embedding, S_psi = S_Psi MLP width, S_Z
 * layer output, S_GRU recurrent width (paper Table II).
 *
 * @param algorithm     the training algorithm's name (informative: ge-vdac, ie-vdac, vdac, ...)
 * @param actorInput    what the actors read besides their node feature
 * @param localCritics  whether each agent has a local critic head V^u (value decomposition)
 * @param aps           M, AP agents the policy was sized for
 * @param rises         J, RIS agents the policy was sized for
 * @param apNodeDim     d_N^0, floats of an AP node feature
 * @param risNodeDim    d_N^1, floats of a RIS node feature
 * @param apApEdgeDim   floats of an AP-AP edge feature
 * @param apRisEdgeDim  floats of an AP-RIS edge feature
 * @param risApEdgeDim  floats of a RIS-AP edge feature
 * @param layers        N, message-passing layers (used by GRAPH_EMBEDDED only)
 * @param embedding     S_E, floats of one message e_ii'
 * @param mlpHidden     S_psi = S_Psi, hidden width of the psi and Psi MLPs
 * @param hidden        S_Z, floats of a layer output z^(n)
 * @param gru           S_GRU, width of the FC layer before the GRU and of the GRU
 * @param apActions     K_m + 1, Gaussian logits of an AP (its users plus the unused-power slot)
 * @param risElements   L, elements of a RIS
 * @param risChoices    1 + 2^B_R, choices per RIS element (OFF or one of the phase levels)
 */
public record PolicyShape(String algorithm, ActorInput actorInput, boolean localCritics,
                          int aps, int rises,
                          int apNodeDim, int risNodeDim,
                          int apApEdgeDim, int apRisEdgeDim, int risApEdgeDim,
                          int layers, int embedding, int mlpHidden, int hidden, int gru,
                          int apActions, int risElements, int risChoices) {

    public PolicyShape {
        positive("aps", aps);
        nonNegative("rises", rises);
        positive("apNodeDim", apNodeDim);
        positive("apActions", apActions);
        positive("gru", gru);
        if (rises > 0) {
            positive("risNodeDim", risNodeDim);
            positive("risElements", risElements);
            if (risChoices < 2) {
                throw new IllegalArgumentException("risChoices=" + risChoices + " must be at least 2");
            }
            positive("apRisEdgeDim", apRisEdgeDim);
            positive("risApEdgeDim", risApEdgeDim);
        }
        if (aps > 1) {
            positive("apApEdgeDim", apApEdgeDim);
        }
        if (actorInput == ActorInput.GRAPH_EMBEDDED) {
            positive("layers", layers);
            positive("embedding", embedding);
            positive("mlpHidden", mlpHidden);
            positive("hidden", hidden);
        }
    }

    /** Whether the network has parameters for edges of this type (there can be such edges). */
    public boolean hasEdgeType(EdgeType type) {
        return type == EdgeType.AP_AP ? aps > 1 : rises > 0;
    }

    /** Whether the network has parameters for nodes of this type. */
    public boolean hasNodeType(NodeType type) {
        return type == NodeType.AP || rises > 0;
    }

    /** Floats of the node feature o_i of a type. */
    public int nodeDim(NodeType type) {
        return type == NodeType.AP ? apNodeDim : risNodeDim;
    }

    /** Floats of the edge feature d_ii' of a type. */
    public int edgeDim(EdgeType type) {
        return switch (type) {
            case AP_AP -> apApEdgeDim;
            case AP_RIS -> apRisEdgeDim;
            case RIS_AP -> risApEdgeDim;
        };
    }

    /** Floats of z^(layer) for a node type: the node feature at layer 0, S_Z after. */
    public int stateDim(int layer, NodeType type) {
        return layer == 0 ? nodeDim(type) : hidden;
    }

    /** Floats of an actor's input (41) (or its VDAC / IE-VDAC counterpart) for a node type. */
    public int actorInputDim(NodeType type) {
        int own = nodeDim(type);
        return switch (actorInput) {
            case GRAPH_EMBEDDED -> own + hidden;
            case OWN_EDGES -> own + outboundSlotsDim(type);
            case OWN_AND_INBOUND_EDGES -> own + outboundSlotsDim(type) + inboundSlotsDim(type);
        };
    }

    /** Floats of all outbound edge slots of a node (one per potential neighbour, see ActorInputs). */
    public int outboundSlotsDim(NodeType type) {
        return type == NodeType.AP ? (aps - 1) * apApEdgeDim + rises * apRisEdgeDim : aps * risApEdgeDim;
    }

    /** Floats of all inbound edge slots of a node. */
    public int inboundSlotsDim(NodeType type) {
        return type == NodeType.AP ? (aps - 1) * apApEdgeDim + rises * risApEdgeDim : aps * apRisEdgeDim;
    }

    /** Output floats of an actor head: K_m + 1 Gaussian means for an AP, L x (1 + 2^B_R) logits for a RIS. */
    public int headDim(NodeType type) {
        return type == NodeType.AP ? apActions : risElements * risChoices;
    }

    /**
     * Every tensor of the network, name to shape (PyTorch layout: a linear layer's weight is
     * out x in). The plain-Java forward pass and the learner's export both follow this list.
     */
    public Map<String, int[]> tensorShapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        if (actorInput == ActorInput.GRAPH_EMBEDDED) {
            for (int n = 0; n < layers; n++) {
                for (EdgeType type : EdgeType.values()) {
                    if (hasEdgeType(type)) {
                        int in = stateDim(n, type.source()) + edgeDim(type);
                        linear(shapes, edgeMlpName(n, type, 0), in, mlpHidden);
                        linear(shapes, edgeMlpName(n, type, 1), mlpHidden, embedding);
                    }
                }
                for (NodeType type : NodeType.values()) {
                    if (hasNodeType(type)) {
                        linear(shapes, nodeMlpName(n, type, 0), stateDim(n, type) + embedding, mlpHidden);
                        linear(shapes, nodeMlpName(n, type, 1), mlpHidden, hidden);
                    }
                }
            }
        }
        for (NodeType type : NodeType.values()) {
            if (!hasNodeType(type)) {
                continue;
            }
            String agent = agentName(type);
            linear(shapes, agent + ".fc1", actorInputDim(type), gru);
            linear(shapes, agent + ".gru.i2h", gru, 3 * gru);
            linear(shapes, agent + ".gru.h2h", gru, 3 * gru);
            linear(shapes, agent + ".head", gru, headDim(type));
            if (localCritics) {
                linear(shapes, agent + ".critic", gru, 1);
            }
            if (type == NodeType.AP) {
                shapes.put(agent + ".logStd", new int[] {apActions});
            }
        }
        return shapes;
    }

    /** Name prefix of the psi MLP (38) of an edge type at a layer, e.g. {@code gnn.0.edge.apRis.fc1}. */
    public static String edgeMlpName(int layer, EdgeType type, int fc) {
        return "gnn." + layer + ".edge." + type.key() + ".fc" + fc;
    }

    /** Name prefix of the Psi MLP (39) of a node type at a layer, e.g. {@code gnn.1.node.ap.fc0}. */
    public static String nodeMlpName(int layer, NodeType type, int fc) {
        return "gnn." + layer + ".node." + nodeKey(type) + ".fc" + fc;
    }

    /** Name prefix of a node type's actor/critic network: {@code agent.ap} or {@code agent.ris}. */
    public static String agentName(NodeType type) {
        return "agent." + nodeKey(type);
    }

    /** {@code ap} or {@code ris}. */
    public static String nodeKey(NodeType type) {
        return type == NodeType.AP ? "ap" : "ris";
    }

    private static void linear(Map<String, int[]> shapes, String name, int in, int out) {
        shapes.put(name + ".weight", new int[] {out, in});
        shapes.put(name + ".bias", new int[] {out});
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + "=" + value + " must be positive");
        }
    }

    private static void nonNegative(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + "=" + value + " must not be negative");
        }
    }
}
