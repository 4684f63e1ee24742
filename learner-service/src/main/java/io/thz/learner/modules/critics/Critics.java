package io.thz.learner.modules.critics;

import io.thz.learner.config.LearnerConfig;
import io.thz.learner.modules.mixers.Mixer;
import io.thz.learner.modules.mixers.Mixers;

import java.util.Map;
import java.util.TreeMap;

/**
 * The registry of value functions V_tot(s): name to factory. "qmix" mixes local critics through the
 * monotonic mixer (value decomposition); "central" is one critic on the global state.
 */
public final class Critics {

    /** Builds the value function for {@code agents} agents and a state of {@code stateDim} floats. */
    @FunctionalInterface
    public interface Factory {
        Mixer create(int agents, int stateDim, LearnerConfig.Network network);
    }

    private static final Map<String, Factory> REGISTRY = new TreeMap<>(Map.of(
            "qmix", (agents, stateDim, net) -> Mixers.get("qmix").create(agents, stateDim, net.mixingEmbed()),
            "central", (agents, stateDim, net) -> CentralCritic.builder().setStateDim(stateDim)
                    .setHidden(net.centralHidden()).build()));

    private Critics() {
    }

    /** The factory of {@code name}, or an exception listing the valid names. */
    public static Factory get(String name) {
        Factory f = REGISTRY.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown critic '" + name + "'; valid: " + String.join(", ", REGISTRY.keySet()));
        }
        return f;
    }
}
