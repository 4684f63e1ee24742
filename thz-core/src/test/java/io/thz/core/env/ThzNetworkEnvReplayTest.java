package io.thz.core.env;

import io.thz.core.baseline.Baselines;
import io.thz.core.policy.GraphObservation;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import io.thz.core.sim.ChannelRecorder;
import io.thz.core.sim.NetworkSimulator;
import io.thz.core.sim.RecordingMismatchException;
import io.thz.core.sim.TestRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThzNetworkEnvReplayTest {

    private static final Scenario SMALL = ScenarioLoader.bundled("small");

    @TempDir
    Path dir;

    @Test
    void aReplayedRecordingGivesTheLiveObservationsStatesAndRewardsBitForBit() throws IOException {
        Path file = TestRecordings.record(SMALL, 41, 0, 2, 0, dir.resolve("two.thzc"));
        for (String scheme : List.of("random-ris", "all-on-greedy")) {
            List<List<String>> live;
            List<List<String>> replayed;
            try (ThzNetworkEnv env = new ThzNetworkEnv(SMALL, 41)) {
                live = episodes(env, scheme, 2);
            }
            try (ThzNetworkEnv env = ThzNetworkEnv.replaying(SMALL, file)) {
                assertThat(env.seed()).isEqualTo(41);
                assertThat(env.maxEpisodes()).isEqualTo(2);
                replayed = episodes(env, scheme, 2);
            }
            assertThat(replayed).hasSameSizeAs(live);
            for (int e = 0; e < live.size(); e++) {
                assertThat(replayed.get(e)).as(scheme + " episode " + e).hasSameSizeAs(live.get(e));
                for (int i = 0; i < live.get(e).size(); i++) {
                    assertThat(replayed.get(e).get(i)).as(scheme + " episode " + e + " item " + i)
                            .isEqualTo(live.get(e).get(i));
                }
            }
            assertThat(live.get(1)).as("the two episodes differ, so the comparison can fail")
                    .isNotEqualTo(live.get(0));
        }
    }

    @Test
    void replayAddressesTheRecordedEpisodesAndStartsAgainAfterTheLast() throws IOException {
        Path file = TestRecordings.record(SMALL, 41, 3, 2, 0, dir.resolve("three-four.thzc"));
        try (ThzNetworkEnv replay = ThzNetworkEnv.replaying(SMALL, file);
             ThzNetworkEnv live = new ThzNetworkEnv(SMALL, 41)) {
            assertThat(replay.maxEpisodes()).isEqualTo(2);
            live.seekEpisode(3);
            assertThat(flatten(replay.reset())).isEqualTo(flatten(live.reset()));
            assertThat(replay.episode()).isEqualTo(3);
            assertThat(replay.policySeed()).isEqualTo(live.policySeed());
            replay.reset();
            assertThat(replay.episode()).isEqualTo(4);
            GraphObservation wrapped = replay.reset();
            assertThat(replay.episode()).as("after the last recorded episode, the first again").isEqualTo(3);
            assertThat(flatten(wrapped)).isEqualTo(flatten(live.observation()));
            replay.reset(5); // position floorMod(5, 2) = 1
            assertThat(replay.episode()).isEqualTo(4);
            replay.reset(-2);
            assertThat(replay.episode()).isEqualTo(3);
            assertThatThrownBy(() -> replay.seekEpisode(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("episode=0 is not in the recording").hasMessageContaining("episodes 3, 4");
        }
        Scenario bigger = ScenarioLoader.builder().bundled("small").set("network.aps", "3").build();
        assertThatThrownBy(() -> ThzNetworkEnv.replaying(bigger, file)).isInstanceOf(RecordingMismatchException.class)
                .hasMessageContaining("M (APs): the recording 2, the scenario 3");
    }

    /**
     * An environment whose source is recorded while it plays (the channel-service's record-to),
     * stopped after two episodes and the first slot of the third, replays those two episodes.
     */
    @Test
    void anEnvironmentRecordingItselfWhilePlayingReplaysThatRun() throws IOException {
        Path file = dir.resolve("self.thzc");
        List<List<String>> live;
        try (ThzNetworkEnv env = new ThzNetworkEnv(SMALL, ChannelRecorder.toFile(new NetworkSimulator(SMALL, 9), SMALL,
                file))) {
            live = episodes(env, "random-ris", 2);
            env.reset(); // as a run that stops right after starting the next episode
        }
        try (ThzNetworkEnv env = ThzNetworkEnv.replaying(SMALL, file)) {
            assertThat(env.maxEpisodes()).isEqualTo(2);
            assertThat(episodes(env, "random-ris", 2)).isEqualTo(live);
        }
    }

    /** Each episode as a list: observations, states, rewards' bits, in order. */
    private static List<List<String>> episodes(ThzNetworkEnv env, String scheme, int count) {
        Policy policy = Baselines.create(scheme, env.info());
        List<List<String>> out = new ArrayList<>();
        for (int e = 0; e < count; e++) {
            List<String> trace = new ArrayList<>();
            GraphObservation obs = env.reset();
            policy.reset(env.policySeed());
            trace.add(flatten(obs));
            trace.add(Arrays.toString(env.state()));
            StepResult r;
            do {
                r = env.step(policy.act(env.view()));
                trace.add(flatten(r.observation()));
                trace.add(Arrays.toString(r.state()));
                trace.add(Long.toHexString(Double.doubleToRawLongBits(r.reward().total())));
                trace.add(Arrays.toString(r.queues().queuesGbit()));
            } while (!r.truncated());
            out.add(trace);
        }
        return out;
    }

    private static String flatten(GraphObservation o) {
        return Arrays.deepToString(o.apNodes()) + Arrays.deepToString(o.risNodes()) + Arrays.deepToString(o.edges());
    }
}
