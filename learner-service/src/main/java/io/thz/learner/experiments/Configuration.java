package io.thz.learner.experiments;

import io.thz.core.baseline.Baselines;
import io.thz.core.scenario.ScenarioLoader;
import io.thz.learner.learners.Algorithms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a figure's sweep: a scheme (a learning algorithm, trained like {@code ./thz train},
 * or a non-learning baseline, only evaluated like {@code ./thz evaluate --scheme}) on a bundled
 * scenario with some keys overridden.
 *
 * @param scheme            algorithm name ({@link Algorithms}) or baseline name ({@link Baselines})
 * @param baseScenario      bundled scenario the overrides are merged over ({@link ScenarioLoader#BUNDLED})
 * @param scenarioOverrides dotted scenario keys and their YAML values, applied in order
 */
public record Configuration(String scheme, String baseScenario, Map<String, String> scenarioOverrides) {

    public Configuration {
        scenarioOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(scenarioOverrides));
        if (!learned(scheme) && !Baselines.REGISTRY.containsKey(scheme)) {
            throw new IllegalArgumentException("unknown scheme '" + scheme + "'; valid: algorithms "
                    + String.join(", ", Algorithms.names()) + "; baselines " + String.join(", ", Baselines.REGISTRY.keySet()));
        }
    }

    /** True when the scheme is trained (an algorithm of the learner), false for a baseline. */
    public boolean learned() {
        return learned(scheme);
    }

    private static boolean learned(String scheme) {
        for (String name : Algorithms.names()) {
            if (name.equals(scheme)) {
                return true;
            }
        }
        return false;
    }

    /** The scenario's layers: the bundled base, then each override. */
    public ScenarioLoader.Builder scenario() {
        ScenarioLoader.Builder builder = ScenarioLoader.builder().bundled(baseScenario);
        scenarioOverrides.forEach(builder::set);
        return builder;
    }

    /** How the scenario was given, e.g. {@code fig4 network.rises=1}. */
    public String scenarioSource() {
        StringBuilder s = new StringBuilder(baseScenario);
        scenarioOverrides.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
        return s.toString();
    }
}
