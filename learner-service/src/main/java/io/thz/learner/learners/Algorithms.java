package io.thz.learner.learners;

import io.thz.core.policy.ActorInput;

import java.util.LinkedHashMap;
import java.util.Map;

/** The algorithm registry: the learners selectable by name. */
public final class Algorithms {

    private static final Map<String, Algorithm> REGISTRY = new LinkedHashMap<>();

    static {
        add(new Algorithm("ge-vdac", ActorInput.GRAPH_EMBEDDED, true, "qmix",
                "graph-embedded actors (MPGNN), local critics, monotonic mixer"));
        add(new Algorithm("ie-vdac", ActorInput.OWN_AND_INBOUND_EDGES, true, "qmix",
                "actors read raw inbound edge features (direct information exchange), local critics, mixer"));
        add(new Algorithm("vdac", ActorInput.OWN_EDGES, true, "qmix",
                "actors read their own node and outbound edge features only, local critics, mixer"));
        add(new Algorithm("central-critic", ActorInput.OWN_EDGES, false, "central",
                "distributed actors on their own features, one critic on the global state"));
    }

    private Algorithms() {
    }

    private static void add(Algorithm a) {
        REGISTRY.put(a.name(), a);
    }

    /** The algorithm named {@code name}, or an exception listing the valid names. */
    public static Algorithm get(String name) {
        Algorithm a = REGISTRY.get(name);
        if (a == null) {
            throw new IllegalArgumentException("unknown algorithm '" + name + "'; valid: "
                    + String.join(", ", REGISTRY.keySet()));
        }
        return a;
    }

    /** Every registered name. */
    public static Iterable<String> names() {
        return REGISTRY.keySet();
    }
}
