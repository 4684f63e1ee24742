package io.thz.channel;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

import java.util.Optional;

/** {@code thz.channel.*}: the slot clock and the environment twin. */
@ConfigMapping(prefix = "thz.channel")
public interface ChannelConfig {

    /** Per-slot deadline, ms: an agent whose action is missing then is replaced by its fallback. */
    @WithDefault("1000")
    @Min(1)
    long deadlineMs();

    /** Slot outcomes kept in memory for {@code GET /run/outcomes} and the run's statistics. */
    @WithDefault("200000")
    @Min(1)
    int outcomesKept();

    /** Whether experience records are published for the learner. */
    @WithDefault("true")
    boolean publishExperience();

    /** Where {@code POST /run} may read recorded channel streams from (absent: any readable path). */
    Optional<String> recordingsDir();
}
