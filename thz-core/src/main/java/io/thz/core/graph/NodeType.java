package io.thz.core.graph;

/** The two kinds of agents of the Dec-POMDP (spec section 9): APs are type 0, RISs type 1. */
public enum NodeType {
    AP,
    RIS;

    /** The paper's type index u (0 for APs, 1 for RISs). */
    public int index() {
        return ordinal();
    }
}
