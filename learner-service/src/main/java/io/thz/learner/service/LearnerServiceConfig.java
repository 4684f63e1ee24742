package io.thz.learner.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

import java.util.Optional;

/** {@code thz.learner.*}: the online learner of the Kafka deployment. */
@ConfigMapping(prefix = "thz.learner")
public interface LearnerServiceConfig {

    /** Whether experience is trained on; false: the learner only publishes its (initial or restored) weights. */
    @WithDefault("true")
    boolean enabled();

    /** Where the checkpoint (weights, optimiser, consumed slots) is kept; survives restarts. */
    @WithDefault("checkpoints")
    String checkpointDir();

    /** A learner configuration YAML over the bundled learner-defaults.yaml (same keys as ./thz train --config). */
    Optional<String> configFile();

    /** Overrides training.episodesPerUpdate (online runs often want smaller batches). */
    Optional<@Min(1) Integer> episodesPerUpdate();
}
