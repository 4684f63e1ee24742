package io.thz.channel;

import io.thz.core.channel.ChannelStreamException;
import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.scenario.Scenario;
import io.thz.core.sim.ChannelRecorder;
import io.thz.core.sim.ChannelSource;
import io.thz.core.sim.NetworkSimulator;
import io.thz.core.sim.RecordedChannelSource;
import io.thz.core.sim.RecordingMismatchException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a run's slots come from: simulated with the run's seed (and recorded to
 * {@code thz.channel.record-to} when set), or replayed from a recording named by the request's
 * {@code replay} path, confined to {@code thz.channel.recordings-dir} when that is set.
 */
final class RunChannels {

    /**
     * A run's environment.
     *
     * @param env           the environment (the run closes it)
     * @param playableSlots slots it can play: a replay's recorded episodes times T; simulated, unbounded
     * @param description   for the log: the seed, or the recording and its episodes
     */
    record Opened(ThzNetworkEnv env, long playableSlots, String description) {
    }

    private final Optional<String> recordingsDir;
    private final Optional<String> recordTo;

    RunChannels(Optional<String> recordingsDir, Optional<String> recordTo) {
        this.recordingsDir = recordingsDir.filter(d -> !d.isBlank());
        this.recordTo = recordTo.filter(f -> !f.isBlank());
    }

    /**
     * The environment of run {@code runId}: replayed when {@code replay} is a non-blank path, else simulated.
     *
     * @throws RunRequestException   naming the reason when the replay file is outside the recordings
     *                               directory, missing, unreadable, not a channel stream or of another network
     * @throws UncheckedIOException  when the record-to file cannot be created
     */
    Opened open(Scenario scenario, long seed, String replay, String runId) {
        if (replay == null || replay.isBlank()) {
            return simulated(scenario, seed, runId);
        }
        Path path = resolveReplay(replay);
        RecordedChannelSource source;
        try {
            source = RecordedChannelSource.open(path, scenario);
        } catch (NoSuchFileException e) {
            throw new RunRequestException("replay: no such file: " + path);
        } catch (AccessDeniedException e) {
            throw new RunRequestException("replay: cannot read " + path + ": permission denied");
        } catch (IOException | UncheckedIOException e) {
            throw new RunRequestException("replay: cannot read " + path + ": " + e.getMessage());
        } catch (ChannelStreamException e) {
            throw new RunRequestException("replay: " + path + ": " + e.getMessage());
        } catch (RecordingMismatchException e) {
            throw new RunRequestException("replay: " + e.getMessage());
        }
        return new Opened(new ThzNetworkEnv(scenario, source), source.playableSlots(), "replaying " + source.summary());
    }

    /**
     * The file a {@code replay} path names: in the recordings directory when one is set (relative
     * paths resolve in it; anything that leads outside, also through a symbolic link, is refused),
     * else the path itself.
     */
    Path resolveReplay(String replay) {
        Path requested;
        try {
            requested = Path.of(replay.strip());
        } catch (InvalidPathException e) {
            throw new RunRequestException("replay: not a valid path: " + replay);
        }
        if (recordingsDir.isEmpty()) {
            return requested.toAbsolutePath().normalize();
        }
        Path dir = Path.of(recordingsDir.get()).toAbsolutePath().normalize();
        Path path = dir.resolve(requested).normalize();
        if (!path.startsWith(dir) || path.equals(dir)) {
            throw new RunRequestException("replay: " + replay + " is outside the recordings directory " + dir
                    + " (thz.channel.recordings-dir)");
        }
        if (Files.exists(path)) {
            try {
                Path real = path.toRealPath();
                if (!real.startsWith(dir.toRealPath())) {
                    throw new RunRequestException("replay: " + replay + " leads to " + real
                            + ", outside the recordings directory " + dir + " (thz.channel.recordings-dir)");
                }
            } catch (IOException e) {
                throw new RunRequestException("replay: cannot resolve " + path + ": " + e.getMessage());
            }
        }
        return path;
    }

    private Opened simulated(Scenario scenario, long seed, String runId) {
        ChannelSource source = new NetworkSimulator(scenario, seed);
        String description = "simulated, seed " + seed;
        if (recordTo.isPresent()) {
            Path file = Path.of(recordTo.get().replace("{run}", runId)).toAbsolutePath().normalize();
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                source = ChannelRecorder.toFile(source, scenario, file);
            } catch (IOException e) {
                throw new UncheckedIOException("thz.channel.record-to: cannot write " + file + ": " + e, e);
            }
            description += ", recorded to " + file;
        }
        return new Opened(new ThzNetworkEnv(scenario, source), Long.MAX_VALUE, description);
    }
}
