package io.thz.core.wire;

/**
 * Agent ids on the wire: {@code ap-<i>} for AP agent i, {@code ris-<j>} for RIS agent j.
 *
 * @param ris   true for a RIS agent
 * @param index i or j
 */
public record AgentId(boolean ris, int index) {

    public AgentId {
        if (index < 0) {
            throw new IllegalArgumentException("agent index " + index + " is negative");
        }
    }

    public static AgentId ap(int index) {
        return new AgentId(false, index);
    }

    public static AgentId ris(int index) {
        return new AgentId(true, index);
    }

    /** The agent of node {@code index} of a type. */
    public static AgentId of(io.thz.core.graph.NodeType type, int index) {
        return new AgentId(type == io.thz.core.graph.NodeType.RIS, index);
    }

    /** The agent's node type on the agent graph. */
    public io.thz.core.graph.NodeType nodeType() {
        return ris ? io.thz.core.graph.NodeType.RIS : io.thz.core.graph.NodeType.AP;
    }

    /** Parses {@code ap-3} or {@code ris-0}. */
    public static AgentId parse(String id) {
        if (id != null) {
            try {
                if (id.startsWith("ap-")) {
                    return ap(Integer.parseInt(id.substring(3)));
                }
                if (id.startsWith("ris-")) {
                    return ris(Integer.parseInt(id.substring(4)));
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new WireFormatException("agent id \"" + id + "\" is not ap-<index> or ris-<index>");
    }

    @Override
    public String toString() {
        return (ris ? "ris-" : "ap-") + index;
    }
}
