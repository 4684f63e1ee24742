package io.thz.core.sim;

import io.thz.core.scenario.Scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Recordings of simulated episodes for tests. */
public final class TestRecordings {

    private TestRecordings() {
    }

    /**
     * Records {@code episodes} complete episodes of (scenario, seed), starting with
     * {@code firstEpisode}, then {@code extraSlots} slots of the next episode, to {@code file}.
     */
    public static Path record(Scenario scenario, long seed, long firstEpisode, int episodes, int extraSlots, Path file) {
        try (ChannelRecorder recorder = ChannelRecorder.toFile(new NetworkSimulator(scenario, seed), scenario, file)) {
            int t = scenario.slotsPerEpisode();
            for (long e = firstEpisode; e < firstEpisode + episodes; e++) {
                recorder.seekEpisode(e);
                for (int s = 0; s < t; s++) {
                    recorder.next();
                }
                recorder.bootstrap();
            }
            if (extraSlots > 0) {
                recorder.seekEpisode(firstEpisode + episodes);
                for (int s = 0; s < extraSlots; s++) {
                    recorder.next();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
