package io.thz.core.graph;

/**
 * The typed directed edges of the agent graph (spec section 9, equation 37). There is no RIS to RIS
 * edge: a RIS observes nothing about another RIS.
 */
public enum EdgeType {
    /** AP i to AP i': feature vec H~^{ii'}, AP i's direct channels to the users of AP i'. */
    AP_AP(NodeType.AP, NodeType.AP, "apAp"),
    /** AP i to RIS i': feature vec H~^{im} for the APs m neighbouring RIS i'. */
    AP_RIS(NodeType.AP, NodeType.RIS, "apRis"),
    /** RIS i to AP i': feature [vec G_{i'i}, vec F^{ii'}], the RIS's cascade towards AP i's users. */
    RIS_AP(NodeType.RIS, NodeType.AP, "risAp");

    private final NodeType source;
    private final NodeType destination;
    private final String key;

    EdgeType(NodeType source, NodeType destination, String key) {
        this.source = source;
        this.destination = destination;
        this.key = key;
    }

    public NodeType source() {
        return source;
    }

    public NodeType destination() {
        return destination;
    }

    /** Short name used in tensor names and configuration keys ({@code apAp}, {@code apRis}, {@code risAp}). */
    public String key() {
        return key;
    }
}
