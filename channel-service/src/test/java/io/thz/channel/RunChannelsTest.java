package io.thz.channel;

import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import io.thz.core.sim.ChannelRecorder;
import io.thz.core.sim.NetworkSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request validation of replay runs and the record-to recording, without the service. */
class RunChannelsTest {

    private static final Scenario SMALL = ScenarioLoader.bundled("small");

    @TempDir
    Path tmp;

    /** Two complete episodes of small (T = 10) with seed 5. */
    static Path record(Path file) throws IOException {
        try (ChannelRecorder r = ChannelRecorder.toFile(new NetworkSimulator(SMALL, 5), SMALL, file)) {
            for (int e = 0; e < 2; e++) {
                r.seekEpisode(e);
                for (int s = 0; s < 10; s++) {
                    r.next();
                }
                r.bootstrap();
            }
        }
        return file;
    }

    @Test
    void replayPathsAreConfinedToTheRecordingsDirectory() throws IOException {
        Path recordings = Files.createDirectories(tmp.resolve("recordings"));
        Path inside = record(recordings.resolve("a.thzc"));
        Path outside = record(tmp.resolve("outside.thzc"));
        RunChannels confined = new RunChannels(Optional.of(recordings.toString()), Optional.empty());
        assertThat(confined.resolveReplay("a.thzc")).isEqualTo(inside);
        assertThat(confined.resolveReplay(inside.toString())).isEqualTo(inside);
        assertThatThrownBy(() -> confined.resolveReplay("../outside.thzc")).isInstanceOf(RunRequestException.class)
                .hasMessage("replay: ../outside.thzc is outside the recordings directory " + recordings
                        + " (thz.channel.recordings-dir)");
        assertThatThrownBy(() -> confined.resolveReplay(outside.toString())).isInstanceOf(RunRequestException.class)
                .hasMessageContaining("is outside the recordings directory");
        assertThatThrownBy(() -> confined.resolveReplay("sub/../../outside.thzc"))
                .hasMessageContaining("is outside the recordings directory");
        Path link = Files.createSymbolicLink(recordings.resolve("link.thzc"), outside);
        assertThatThrownBy(() -> confined.resolveReplay("link.thzc")).isInstanceOf(RunRequestException.class)
                .hasMessageContaining("replay: link.thzc leads to " + outside.toRealPath() + ", outside the recordings");
        assertThat(link).exists();
        RunChannels open = new RunChannels(Optional.empty(), Optional.empty());
        assertThat(open.resolveReplay(outside.toString())).isEqualTo(outside);
    }

    @Test
    void aMissingCorruptOrMismatchingRecordingIsARequestErrorWithTheReason() throws IOException {
        RunChannels channels = new RunChannels(Optional.of(tmp.toString()), Optional.empty());
        assertThatThrownBy(() -> channels.open(SMALL, 1, "missing.thzc", "run-1"))
                .isInstanceOf(RunRequestException.class).hasMessage("replay: no such file: " + tmp.resolve("missing.thzc"));
        Path file = record(tmp.resolve("small.thzc"));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(tmp.resolve("cut.thzc"), Arrays.copyOf(bytes, bytes.length - 10));
        assertThatThrownBy(() -> channels.open(SMALL, 1, "cut.thzc", "run-1")).isInstanceOf(RunRequestException.class)
                .hasMessageContaining("replay: " + tmp.resolve("cut.thzc") + ": truncated record 21 at byte offset");
        Files.writeString(tmp.resolve("text.thzc"), "hello, world");
        assertThatThrownBy(() -> channels.open(SMALL, 1, "text.thzc", "run-1"))
                .hasMessageContaining("not a channel stream: magic 0x68656C6C at byte offset 0");
        Scenario bigger = ScenarioLoader.builder().bundled("small").set("network.aps", "3").build();
        assertThatThrownBy(() -> channels.open(bigger, 1, "small.thzc", "run-1")).isInstanceOf(RunRequestException.class)
                .hasMessageContaining("was recorded for another network than the scenario: M (APs): the recording 2, "
                        + "the scenario 3");
        RunChannels.Opened replay = channels.open(SMALL, 1, " small.thzc ", "run-1");
        try (ThzNetworkEnv env = replay.env()) {
            assertThat(replay.playableSlots()).isEqualTo(20);
            assertThat(env.seed()).as("the recording's seed, not the request's").isEqualTo(5);
            assertThat(replay.description()).startsWith("replaying " + file + ": 2 episodes (0..1) of T = 10 slots, seed 5");
        }
    }

    @Test
    void aSimulatedRunIsRecordedToTheRecordToFileWithItsRunId() throws IOException {
        String pattern = tmp.resolve("runs/{run}.thzc").toString();
        RunChannels channels = new RunChannels(Optional.empty(), Optional.of(pattern));
        RunChannels.Opened simulated = channels.open(SMALL, 5, "", "run-abc");
        Path file = tmp.resolve("runs/run-abc.thzc");
        assertThat(simulated.playableSlots()).isEqualTo(Long.MAX_VALUE);
        assertThat(simulated.description()).isEqualTo("simulated, seed 5, recorded to " + file);
        try (ThzNetworkEnv env = simulated.env()) {
            for (int e = 0; e < 2; e++) {
                env.reset(e);
                while (!env.step(env.defaultAction()).truncated()) {
                    // play the episode with the default action
                }
            }
        }
        assertThat(Files.readAllBytes(file)).as("the same slots as a recording of (small, 5)")
                .isEqualTo(Files.readAllBytes(record(tmp.resolve("expected.thzc"))));
        RunChannels.Opened replayed = new RunChannels(Optional.empty(), Optional.of(pattern))
                .open(SMALL, 5, file.toString(), "run-def");
        replayed.env().close();
        assertThat(tmp.resolve("runs/run-def.thzc")).as("a replay is not recorded").doesNotExist();
    }
}
