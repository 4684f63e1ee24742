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

    /**
     * Where {@code POST /run} may read recorded channel streams from: a relative {@code replay} path
     * resolves in it, and a path outside it is refused (absent: any readable path).
     */
    Optional<String> recordingsDir();

    /**
     * A file that every simulated run records its slots to (channels, traffic, episode flags and
     * bootstrap slots: a channel stream that {@code POST /run {"replay": ...}} plays back); a
     * {@code {run}} in it is replaced by the run id, else each run replaces the file. Absent: no
     * recording. Replayed runs are not recorded.
     */
    Optional<String> recordTo();
}
