package io.thz.core.policy;

/**
 * What an actor reads besides its own node feature (spec section 10).
 */
public enum ActorInput {
    /** GE-VDAC (41): [o_i, z_i^(N)], the node feature and the message-passing output. */
    GRAPH_EMBEDDED("graph-embedded"),
    /** VDAC: [o_i, own outbound edge features], no information exchange. */
    OWN_EDGES("own-edges"),
    /** IE-VDAC: [o_i, outbound edge features, raw inbound edge features received from neighbours]. */
    OWN_AND_INBOUND_EDGES("own-and-inbound-edges");

    private final String key;

    ActorInput(String key) {
        this.key = key;
    }

    /** The name written in weight blobs. */
    public String key() {
        return key;
    }

    /** The mode named {@code key}, or an exception listing the valid names. */
    public static ActorInput ofKey(String key) {
        for (ActorInput mode : values()) {
            if (mode.key.equals(key)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown actor input '" + key + "'; valid: graph-embedded, "
                + "own-edges, own-and-inbound-edges");
    }
}
