package io.thz.learner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A scenario given on the command line: a YAML/JSON file, or the name of a bundled scenario
 * ({@link ScenarioLoader#BUNDLED}), merged over the defaults.
 *
 * @param scenario the validated scenario
 * @param tree     the effective scenario as a tree
 * @param source   what was given
 */
record ScenarioOption(Scenario scenario, JsonNode tree, String source) {

    static ScenarioOption resolve(String given) {
        ScenarioLoader.Builder builder = ScenarioLoader.builder();
        Path file = Path.of(given);
        if (Files.isRegularFile(file)) {
            builder.file(file);
        } else if (ScenarioLoader.BUNDLED.contains(given)) {
            builder.bundled(given);
        } else {
            throw new IllegalArgumentException("--scenario " + given + ": no such file, and not a bundled scenario ("
                    + String.join(", ", ScenarioLoader.BUNDLED) + ")");
        }
        Scenario scenario = builder.build();
        return new ScenarioOption(scenario, builder.tree(), given);
    }

    /** The scenario a run directory recorded in scenario.json. */
    static ScenarioOption ofRun(Path dir, String source) {
        Path json = dir.resolve(io.thz.learner.runners.TrainingRun.SCENARIO_JSON);
        try {
            ScenarioLoader.Builder builder = ScenarioLoader.builder().json(Files.readString(json), json.toString());
            return new ScenarioOption(builder.build(), builder.tree(), source);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read " + json + ": " + e.getMessage());
        }
    }
}
