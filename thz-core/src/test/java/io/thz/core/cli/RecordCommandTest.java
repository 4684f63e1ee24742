package io.thz.core.cli;

import io.thz.core.env.JointAction;
import io.thz.core.env.StepResult;
import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.thz.core.cli.SlotCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code thz record} end to end through the command line, in process, and its file replayed. */
class RecordCommandTest {

    private static final Scenario SMALL = ScenarioLoader.bundled("small");
    /** small: header 48 + 8 x 6, records 24 + 48 + 144 + 18 + 8 x 288 + 4 (see ChannelStreamCodecTest). */
    private static final long HEADER = 96;
    private static final long RECORD = 2542;

    @TempDir
    Path dir;

    @Test
    void recordsCompleteEpisodesWithASummaryAndTheFileReplaysTheLiveRun() throws IOException {
        Path out = dir.resolve("small-13.thzc");
        SlotCommandTest.Run r = run("", "record", "--bundled", "small", "--slots", "20", "--seed", "13", "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("thz record: 20 slots (2 complete episodes of T = 10, seed 13; 22 records "
                + "with the bootstrap slots) -> " + out + ": " + (HEADER + 22 * RECORD) + " bytes (0.1 MB) in ")
                .contains(" MB/s");
        assertThat(Files.size(out)).isEqualTo(HEADER + 22 * RECORD);
        assertThat(dir.resolve("small-13.thzc.part")).doesNotExist();

        try (ThzNetworkEnv live = new ThzNetworkEnv(SMALL, 13);
             ThzNetworkEnv replay = ThzNetworkEnv.replaying(SMALL, out)) {
            assertThat(replay.maxEpisodes()).isEqualTo(2);
            assertThat(play(replay, 2)).isEqualTo(play(live, 2));
        }
    }

    @Test
    void aScenarioFileAndAnIncompleteLastEpisodeAreNamed() throws IOException {
        Path scenario = dir.resolve("short.yaml");
        Files.writeString(scenario, """
                slotsPerEpisode: 5
                network: {aps: 2, rises: 1, antennas: 8, rfChains: 2, risElements: 4, seUsersPerAp: 2, iotUsersPerAp: 1}
                """);
        Path out = dir.resolve("short.thzc");
        SlotCommandTest.Run r = run("", "record", "--scenario", scenario.toString(), "--slots", "12", "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.errLines()).hasSize(2);
        assertThat(r.errLines()[0]).startsWith("thz record: 12 slots (2 complete episodes of T = 5, seed 1; 14 records");
        assertThat(r.errLines()[1]).isEqualTo("thz record: note: the last 2 slots are an incomplete episode (T = 5); "
                + "a replay plays the 2 complete episodes only (use a multiple of 5)");
        Scenario shortEpisodes = ScenarioLoader.load(scenario);
        try (ThzNetworkEnv replay = ThzNetworkEnv.replaying(shortEpisodes, out)) {
            assertThat(replay.maxEpisodes()).isEqualTo(2);
        }
    }

    @Test
    void badInputGetsOneLineNamingTheOptionAndExitCode2() {
        String out = dir.resolve("x.thzc").toString();
        assertBad(run("", "record", "--bundled", "small", "--slots", "0", "--out", out),
                "thz record: --slots: expected a positive number of slots, got 0");
        assertBad(run("", "record", "--bundled", "small", "--slots", "9", "--out", out),
                "thz record: --slots 9 is less than one episode of the scenario (T = 10 slots): a replay plays complete "
                        + "episodes only");
        assertBad(run("", "record", "--bundled", "nope", "--slots", "10", "--out", out),
                "unknown bundled scenario 'nope'");
        assertBad(run("", "record", "--scenario", dir.resolve("missing.yaml").toString(), "--slots", "10", "--out", out),
                "thz record: --scenario: no such file: " + dir.resolve("missing.yaml"));
        assertBad(run("", "record", "--bundled", "small", "--slots", "10", "--out",
                dir.resolve("no/such/dir/x.thzc").toString()), "--out: directory " + dir.resolve("no/such/dir")
                + " does not exist");
        SlotCommandTest.Run both = run("", "record", "--bundled", "small", "--scenario", "s.yaml", "--slots", "10",
                "--out", out);
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.errLines()[0]).contains("mutually exclusive");
        SlotCommandTest.Run missing = run("", "record", "--bundled", "small", "--slots", "10");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.errLines()[0]).contains("Missing required option: '--out=FILE'");
        assertThat(dir.resolve("x.thzc")).doesNotExist();
    }

    private static void assertBad(SlotCommandTest.Run r, String message) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines()[0]).contains(message);
    }

    /** Rewards, states and queues of {@code episodes} episodes under a fixed mixed action, as exact strings. */
    private static List<String> play(ThzNetworkEnv env, int episodes) {
        JointAction action = new JointAction(new double[][] {{2, 1.5, 0.5}, {0.5, 3.5, 1}},
                new RisAction[] {new RisAction(new boolean[] {true, false, true, true}, new int[] {1, 0, 0, 1})},
                Clustering.QOS);
        List<String> trace = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            env.reset();
            trace.add(Arrays.toString(env.state()));
            StepResult r;
            do {
                r = env.step(action);
                trace.add(Double.toHexString(r.reward().total()) + Arrays.toString(r.state()));
            } while (!r.truncated());
        }
        return trace;
    }
}
