package io.thz.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import jakarta.validation.constraints.Pattern;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code thz.model.*}: the network and the algorithm every service of a deployment shares
 * (environment variables THZ_MODEL_SCENARIO_FILE, THZ_MODEL_ALGORITHM, THZ_MODEL_SEED).
 */
@ConfigMapping(prefix = "thz.model")
public interface ModelConfig {

    /** A scenario file (YAML or JSON) merged over the bundled defaults; absent: the defaults. */
    Optional<String> scenarioFile();

    /** A bundled scenario by name (default, small, fig4, fig5, fig7) used when no file is given. */
    @WithDefault("default")
    String scenario();

    /** ge-vdac, ie-vdac or vdac: decides what crosses the embeddings topic. */
    @WithDefault("ge-vdac")
    @Pattern(regexp = "ge-vdac|ie-vdac|vdac", message = "must be one of ge-vdac, ie-vdac, vdac")
    String algorithm();

    /** Master seed of channels and of the agents' sampling streams. */
    @WithDefault("1")
    long seed();

    /**
     * The validated scenario; an invalid file refuses start-up with the field named
     * ({@link io.thz.core.scenario.ScenarioException}).
     */
    default Scenario loadScenario() {
        return scenarioFile().filter(f -> !f.isBlank())
                .map(f -> ScenarioLoader.load(Path.of(f)))
                .orElseGet(() -> ScenarioLoader.bundled(scenario()));
    }
}
