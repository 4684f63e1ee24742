package io.thz.core.env;

import io.thz.core.baseline.Baselines;
import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;
import io.thz.core.model.SlotConfig;
import io.thz.core.policy.GraphObservation;
import io.thz.core.queue.LyapunovQueues;
import io.thz.core.queue.QueueStep;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import io.thz.core.sim.NetworkSimulator;
import io.thz.core.sim.NetworkSlot;
import io.thz.core.slot.SlotOutcome;
import io.thz.core.slot.SlotScorer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ThzNetworkEnvTest {

    private static final Scenario SMALL = ScenarioLoader.bundled("small");

    /** A fixed action with unequal powers and a mixed RIS configuration (small network). */
    private static JointAction mixed(Clustering clustering) {
        return new JointAction(new double[][] {{2, 1.5, 0.5}, {0.5, 3.5, 1}},
                new RisAction[] {new RisAction(new boolean[] {true, false, true, true}, new int[] {1, 0, 0, 1})},
                clustering);
    }

    @Test
    void stepEqualsADirectSlotScorerAndQueueComputationOnTheSameSlots() {
        ThzNetworkEnv env = new ThzNetworkEnv(SMALL, 5);
        env.reset();
        NetworkSimulator sim = new NetworkSimulator(SMALL, 5);
        SlotScorer scorer = new SlotScorer();
        LyapunovQueues queues = new LyapunovQueues(SMALL.queueParameters());
        double[] power = {2, 1.5, 0.5, 0.5, 3.5, 1}; // users 0-2 of AP 0, 3-5 of AP 1
        for (int t = 0; t < 4; t++) {
            Clustering clustering = t % 2 == 0 ? Clustering.QOS : Clustering.CSI;
            JointAction action = mixed(clustering);
            NetworkSlot slot = sim.next();
            assertThat(env.channels().direct()[1][4].data).containsExactly(slot.channels().direct()[1][4].data);
            SlotConfig c = SMALL.slotConfig();
            SlotConfig config = new SlotConfig(c.antennas(), c.rfChains(), c.apPhaseBits(), c.risElements(),
                    c.risBits(), c.bandwidthHz(), c.noiseDbmPerHz(), c.pmaxW(), c.xi(), c.pbbW(), c.prfW(), c.ppsW(),
                    c.ppaW(), c.pdW(), c.pRisPerBitW(), clustering);
            SlotOutcome expected = scorer.score(config, SMALL.users(), slot.channels(), List.of(action.ris()), power);
            QueueStep expectedQueues = queues.step(slot.arrivalsGbit(), expected.rateBpsHz());

            StepResult result = env.step(action);
            assertThat(result.outcome().rateBpsHz()).containsExactly(expected.rateBpsHz());
            assertThat(result.outcome().cluster()).containsExactly(expected.cluster());
            assertThat(result.outcome().powerTotalW()).isEqualTo(expected.powerTotalW());
            assertThat(result.outcome().eeGbitPerJoule()).isEqualTo(expected.eeGbitPerJoule());
            assertThat(result.queues().queuesGbit()).containsExactly(expectedQueues.queuesGbit());
            assertThat(result.queues().virtualQueuesGbit()).containsExactly(expectedQueues.virtualQueuesGbit());
            assertThat(result.reliability()).containsExactly(queues.reliability());
            assertThat(result.metrics().eeGbitPerJoule()).isEqualTo(expected.eeGbitPerJoule());
            assertThat(result.metrics().sumRateGbps()).isEqualTo(expected.sumRateGbps());
            assertThat(result.metrics().powerW()).isEqualTo(expected.powerTotalW());
            assertThat(result.episode()).isZero();
            assertThat(result.slotInEpisode()).isEqualTo(t);
        }
    }

    /** r = zeta eta - rho delta + nu sum_k Lambda_k B R_k with zeta = rho = 1, nu = 1e-3 (defaults). */
    @Test
    void rewardOfTheSecondSlotMatchesEquation35ByHand() {
        ThzNetworkEnv env = new ThzNetworkEnv(SMALL, 9);
        env.reset();
        StepResult first = env.step(mixed(Clustering.QOS));
        double[] lambda = new double[6];
        for (int k = 0; k < 6; k++) {
            lambda[k] = first.queues().virtualQueuesGbit()[k] + 2 * first.queues().queuesGbit()[k];
        }
        StepResult second = env.step(mixed(Clustering.QOS));
        double[] rate = second.outcome().rateBpsHz();
        double[] rmin = {2, 2, 0.1, 2, 2, 0.1};
        double bandwidth = 1e10;
        double sumRate = Arrays.stream(rate).sum();
        // P_total (20): xi sum p + K P_D + M (P_BB + N_R P_RF + N_A (P_PS + P_PA)) + ON elements B_R P_RIS
        double power = (1 / 0.38) * 9 + 6 * 0.01 + 2 * (0.2 + 2 * 0.16 + 8 * (0.03 + 0.02)) + 3 * 1 * 0.01;
        assertThat(second.outcome().powerTotalW()).isCloseTo(power, within(1e-12));
        double eta = bandwidth * sumRate / power / 1e9;
        double delta = 0;
        double lyapunov = 0;
        for (int k = 0; k < 6; k++) {
            double throughput = bandwidth * rate[k] / 1e9;
            delta += Math.max(rmin[k] - throughput, 0);
            lyapunov += lambda[k] * throughput;
        }
        double reward = eta - delta + 1e-3 * lyapunov;
        assertThat(lyapunov).isPositive();
        assertThat(second.reward().total()).isCloseTo(reward, within(1e-9 * Math.abs(reward)));
        assertThat(second.metrics().reward()).isEqualTo(second.reward().total());
        assertThat(second.reward().energyEfficiencyGbitPerJoule()).isCloseTo(eta, within(1e-12 * eta));
        assertThat(second.reward().rateViolationGbps()).isCloseTo(delta, within(1e-12));
        assertThat(second.reward().lyapunovTerm()).isCloseTo(lyapunov, within(1e-9 * lyapunov));
        assertThat(second.queues().lyapunovWeightsGbit()).containsExactly(lambda, within(1e-12));
    }

    @Test
    void truncatedExactlyAtTNeverTerminatedAndResetEmptiesTheQueues() {
        ThzNetworkEnv env = new ThzNetworkEnv(SMALL, 2);
        assertThatThrownBy(() -> env.step(mixed(Clustering.QOS))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reset()");
        env.reset();
        int t = SMALL.slotsPerEpisode();
        assertThat(t).isEqualTo(10);
        StepResult last = null;
        for (int s = 0; s < t; s++) {
            assertThat(env.slotInEpisode()).isEqualTo(s);
            last = env.step(mixed(Clustering.QOS));
            assertThat(last.terminated()).isFalse();
            assertThat(last.truncated()).as("slot " + s).isEqualTo(s == t - 1);
        }
        assertThat(env.episodeOver()).isTrue();
        for (double r : env.reliability()) {
            assertThat(r).isBetween(0.0, 1.0);
        }
        // the bootstrap slot: t = T, the queues after slot T, the last action as the previous one
        assertThat(env.slotInEpisode()).isEqualTo(t);
        assertThat(last.state()[last.state().length - 1]).isEqualTo(1.0f);
        assertThat((double) last.state()[1]).isCloseTo(last.queues().queuesGbit()[0] / 25, within(1e-6));
        assertThat(env.currentSlot()).isNull();
        assertThatThrownBy(() -> env.step(mixed(Clustering.QOS))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("time limit of 10 slots").hasMessageContaining("reset()");

        double queued = Arrays.stream(env.queuesGbit()).sum();
        assertThat(queued).isPositive();
        GraphObservation first = env.reset();
        assertThat(env.episode()).isEqualTo(1);
        assertThat(env.slotInEpisode()).isZero();
        assertThat(env.queuesGbit()).containsOnly(0.0);
        assertThat(env.virtualQueuesGbit()).containsOnly(0.0);
        assertThat(env.reliability()).containsOnly(Double.NaN);
        assertThat(env.previousAction()).isSameAs(env.defaultAction());
        float[] state = env.state();
        for (int k = 0; k < 6; k++) {
            assertThat(state[4 * k + 1]).isZero();
            assertThat(state[4 * k + 2]).isZero();
            assertThat(state[4 * k + 3]).isZero();
        }
        assertThat(state[state.length - 1]).isZero();
        int lambdaAt = 2 * 3 * 8;
        assertThat(Arrays.copyOfRange(first.apNodes()[0], lambdaAt, lambdaAt + 3)).containsOnly(0f);
    }

    @Test
    void sameSeedGivesAnIdenticalFirstEpisodeAndAnotherSeedDoesNot() {
        for (String scheme : List.of("random-ris", "all-on-greedy")) {
            List<Object> a = firstEpisode(SMALL, 31, scheme);
            List<Object> b = firstEpisode(SMALL, 31, scheme);
            List<Object> c = firstEpisode(SMALL, 32, scheme);
            assertThat(a).hasSameSizeAs(b);
            for (int i = 0; i < a.size(); i++) {
                assertThat(a.get(i)).as(scheme + " item " + i).isEqualTo(b.get(i));
            }
            assertThat(a.get(a.size() - 1)).isNotEqualTo(c.get(c.size() - 1));
        }
    }

    /** Observations, states and rewards of episode 0 flattened into comparable values. */
    private static List<Object> firstEpisode(Scenario s, long seed, String scheme) {
        ThzNetworkEnv env = new ThzNetworkEnv(s, seed);
        Policy policy = Baselines.create(scheme, env.info());
        List<Object> trace = new ArrayList<>();
        GraphObservation obs = env.reset();
        policy.reset(env.policySeed());
        trace.add(flatten(obs));
        trace.add(Arrays.toString(env.state()));
        List<Double> rewards = new ArrayList<>();
        StepResult r;
        do {
            r = env.step(policy.act(env.view()));
            trace.add(flatten(r.observation()));
            trace.add(Arrays.toString(r.state()));
            rewards.add(r.reward().total());
        } while (!r.truncated());
        trace.add(rewards);
        return trace;
    }

    private static String flatten(GraphObservation o) {
        return Arrays.deepToString(o.apNodes()) + Arrays.deepToString(o.risNodes()) + Arrays.deepToString(o.edges());
    }

    @Test
    void aSoughtEpisodeEqualsTheSameEpisodeReachedByPlayingThrough() {
        ThzNetworkEnv played = new ThzNetworkEnv(SMALL, 4);
        played.reset();
        while (!played.step(mixed(Clustering.QOS)).truncated()) {
            // play episode 0 to its time limit (with its bootstrap slot)
        }
        GraphObservation viaPlay = played.reset();
        ThzNetworkEnv sought = new ThzNetworkEnv(SMALL, 4);
        sought.seekEpisode(1);
        GraphObservation viaSeek = sought.reset();
        assertThat(played.episode()).isEqualTo(1);
        assertThat(sought.episode()).isEqualTo(1);
        assertThat(flatten(viaSeek)).isEqualTo(flatten(viaPlay));
        for (int s = 0; s < 3; s++) {
            assertThat(sought.step(mixed(Clustering.QOS)).reward().total())
                    .isEqualTo(played.step(mixed(Clustering.QOS)).reward().total());
        }
        // MultiAgentEnv.reset(seed): a small seed is that episode; any long is folded into range
        ThzNetworkEnv folded = new ThzNetworkEnv(SMALL, 4);
        assertThat(flatten(folded.reset(1))).isEqualTo(flatten(viaSeek));
        folded.reset(-1);
        assertThat(folded.episode()).isEqualTo(folded.maxEpisodes() - 1);
        assertThatThrownBy(() -> folded.seekEpisode(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("episode=-1");
    }

    @Test
    void viewExposesTheSlotReadOnly() {
        ThzNetworkEnv env = new ThzNetworkEnv(SMALL, 6);
        env.reset();
        env.step(mixed(Clustering.QOS));
        SlotView view = env.view();
        assertThat(view.channels()).isSameAs(env.channels());
        assertThat(view.observation()).isSameAs(env.observation());
        assertThat(view.users()).isEqualTo(SMALL.users());
        assertThat(view.slotInEpisode()).isEqualTo(1);
        assertThat(view.queuesGbit()).containsExactly(env.queuesGbit());
        view.queuesGbit()[0] = -1;
        assertThat(env.queuesGbit()[0]).isNotEqualTo(-1);
        assertThat(view.previousAction().powersW()[1]).containsExactly(0.5, 3.5, 1);
        assertThat(view.graph()).isSameAs(env.graph());
        assertThat(view.config().pmaxW()).isEqualTo(5);
    }

    @Test
    void aBadActionIsRefusedNamingTheField() {
        ThzNetworkEnv env = new ThzNetworkEnv(SMALL, 6);
        env.reset();
        RisAction ris = new RisAction(new boolean[4], new int[4]);
        assertThatThrownBy(() -> env.step(new JointAction(new double[][] {{1, 1, 1}}, new RisAction[] {ris},
                Clustering.QOS))).hasMessageContaining("powersW has 1 rows").hasMessageContaining("M=2");
        assertThatThrownBy(() -> env.step(new JointAction(new double[][] {{1, 1, 1}, {1, 1}}, new RisAction[] {ris},
                Clustering.QOS))).hasMessageContaining("powersW[1] has 2 entries").hasMessageContaining("K_m=3");
        assertThatThrownBy(() -> env.step(new JointAction(new double[][] {{1, 1, 1}, {1, -0.5, 1}},
                new RisAction[] {ris}, Clustering.QOS))).hasMessageContaining("powersW[1][1]=-0.5");
        assertThatThrownBy(() -> env.step(new JointAction(new double[][] {{1, 1, 1}, {1, Double.NaN, 1}},
                new RisAction[] {ris}, Clustering.QOS))).hasMessageContaining("powersW[1][1]=NaN");
        assertThatThrownBy(() -> env.step(new JointAction(new double[][] {{2, 2, 1.01}, {1, 1, 1}},
                new RisAction[] {ris}, Clustering.QOS))).hasMessageContaining("powersW[0] sums to 5.01 W")
                .hasMessageContaining("P_max=5.0");
        assertThatThrownBy(() -> env.step(new JointAction(new double[][] {{1, 1, 1}, {1, 1, 1}}, new RisAction[0],
                Clustering.QOS))).hasMessageContaining("ris has 0 entries").hasMessageContaining("J=1");
        assertThatThrownBy(() -> env.step(new JointAction(new double[][] {{1, 1, 1}, {1, 1, 1}},
                new RisAction[] {new RisAction(new boolean[3], new int[4])}, Clustering.QOS)))
                .hasMessageContaining("ris[0].on has 3 elements").hasMessageContaining("L=4");
        assertThatThrownBy(() -> env.step(new JointAction(new double[][] {{1, 1, 1}, {1, 1, 1}},
                new RisAction[] {new RisAction(new boolean[4], new int[] {0, 0, 2, 0})}, Clustering.QOS)))
                .hasMessageContaining("ris[0].phase[2]=2").hasMessageContaining("0..1");
        // P_max softmax rounding is tolerated; nothing was played by the refused actions
        double third = 5.0 / 3;
        env.step(new JointAction(new double[][] {{third, third, third * (1 + 1e-12)}, {1, 1, 1}},
                new RisAction[] {ris}, Clustering.QOS));
        assertThat(env.slotInEpisode()).isEqualTo(1);
    }
}
