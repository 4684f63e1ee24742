package io.thz.learner.modules.mixers;

import java.util.Map;
import java.util.TreeMap;

/** The mixer registry: name to factory. */
public final class Mixers {

    /** Builds a mixer for {@code agents} local values and a global state of {@code stateDim} floats. */
    @FunctionalInterface
    public interface Factory {
        Mixer create(int agents, int stateDim, int embed);
    }

    private static final Map<String, Factory> REGISTRY = new TreeMap<>(Map.of(
            "qmix", (agents, stateDim, embed) -> QmixMixer.builder().setAgents(agents).setStateDim(stateDim)
                    .setEmbed(embed).build()));

    private Mixers() {
    }

    /** The factory of {@code name}, or an exception listing the valid names. */
    public static Factory get(String name) {
        Factory f = REGISTRY.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown mixer '" + name + "'; valid: " + String.join(", ", REGISTRY.keySet()));
        }
        return f;
    }
}
