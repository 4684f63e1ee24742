package io.thz.core.baseline;

import io.thz.core.env.EnvInfo;
import io.thz.core.env.Policy;
import io.thz.core.model.Clustering;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The non-learning schemes (spec section 10, paper Section V), by name; each is a {@link Policy},
 * run the same way as the learned ones.
 * <ul>
 * <li>{@code equal-power-qos}: MIMO-NOMA without RIS (every element OFF), equal power P_max / K_m,
 *     QoS-based clustering;</li>
 * <li>{@code equal-power-csi}: the same with CSI-based clustering;</li>
 * <li>{@code random-ris}: random ON/OFF and phase levels, equal power, QoS-based clustering;</li>
 * <li>{@code all-on-greedy}: every element ON, phases by {@link GreedyRisPhases}, equal power,
 *     QoS-based clustering;</li>
 * <li>{@code random}: uniformly random actions in the learned policies' action space
 *     ({@link RandomPolicy}).</li>
 * </ul>
 */
public final class Baselines {

    /** Builds a baseline for an environment's sizes. */
    @FunctionalInterface
    public interface Factory {
        Policy create(EnvInfo info);
    }

    /** Name to factory, in the order listed above. */
    public static final Map<String, Factory> REGISTRY;

    static {
        Map<String, Factory> r = new LinkedHashMap<>();
        r.put("equal-power-qos", info -> new EqualPowerPolicy("equal-power-qos", info, Clustering.QOS));
        r.put("equal-power-csi", info -> new EqualPowerPolicy("equal-power-csi", info, Clustering.CSI));
        r.put("random-ris", info -> new RandomRisPolicy("random-ris", info));
        r.put("all-on-greedy", info -> new AllOnGreedyPolicy("all-on-greedy", info));
        r.put("random", info -> new RandomPolicy("random", info));
        REGISTRY = java.util.Collections.unmodifiableMap(r);
    }

    private Baselines() {
    }

    /**
     * The baseline called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static Policy create(String name, EnvInfo info) {
        Factory factory = REGISTRY.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown baseline '" + name + "'; valid: "
                    + String.join(", ", REGISTRY.keySet()));
        }
        return factory.create(info);
    }
}
