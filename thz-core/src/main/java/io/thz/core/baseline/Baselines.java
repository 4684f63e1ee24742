package io.thz.core.baseline;

import io.thz.core.env.Policy;
import io.thz.core.model.Clustering;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The registry of non-learning schemes, by name. */
public final class Baselines {

    private static final Map<String, Supplier<Policy>> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put("equal-power-qos", () -> new EqualPowerNoRis(Clustering.QOS));
        REGISTRY.put("equal-power-csi", () -> new EqualPowerNoRis(Clustering.CSI));
        REGISTRY.put("random-ris", RandomRis::new);
        REGISTRY.put("all-on-greedy", AllOnGreedyPhase::new);
        REGISTRY.put("random", RandomPolicy::new);
    }

    private Baselines() {
    }

    /** A new instance of scheme {@code name}, or an exception listing the valid names. */
    public static Policy create(String name) {
        Supplier<Policy> s = REGISTRY.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown scheme '" + name + "'; valid: " + String.join(", ", REGISTRY.keySet()));
        }
        return s.get();
    }

    /** Every scheme name. */
    public static Iterable<String> names() {
        return REGISTRY.keySet();
    }
}
