package io.thz.core.env;

import io.thz.core.baseline.Baselines;
import io.thz.core.graph.EdgeType;
import io.thz.core.policy.GraphObservation;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ThzNetworkEnvTest {

    private static final Scenario SMALL = ScenarioLoader.bundled("small");

    @Test
    void featureWidthsAreTheOnesThatSizeTheNetworks() {
        ThzNetworkEnv env = new ThzNetworkEnv(SMALL, 3);
        EnvInfo info = env.info();
        // small: M=2, J=1, K_m=3, N_A=8, L=4, B_R=1 (3 choices)
        assertThat(info.apNodeDim()).isEqualTo(2 * 3 * 8 + 3 + 4);
        assertThat(info.risNodeDim()).isEqualTo(4 * 3);
        assertThat(info.apApEdgeDim()).isEqualTo(48);
        assertThat(info.apRisEdgeDim()).isEqualTo(2 * 48);
        assertThat(info.risApEdgeDim()).isEqualTo(2 * 4 * 8 + 2 * 4 * 3);
        GraphObservation obs = env.reset(0);
        for (float[] o : obs.apNodes()) {
            assertThat(o).hasSize(info.apNodeDim());
        }
        assertThat(obs.risNodes()[0]).hasSize(info.risNodeDim());
        for (int e = 0; e < obs.edges().length; e++) {
            EdgeType type = env.graph().edges().get(e).type();
            int expected = switch (type) {
                case AP_AP -> info.apApEdgeDim();
                case AP_RIS -> info.apRisEdgeDim();
                case RIS_AP -> info.risApEdgeDim();
            };
            assertThat(obs.edges()[e]).as("edge %d", e).hasSize(expected);
        }
        assertThat(env.state()).hasSize(info.stateDim());
        // the Fig. 4 setting: the widths the paper's networks are sized with
        EnvInfo fig4 = new ThzNetworkEnv(ScenarioLoader.bundled("fig4"), 1).info();
        assertThat(fig4.apNodeDim()).isEqualTo(1041);
        assertThat(fig4.risApEdgeDim()).isEqualTo(2880);
    }

    @Test
    void channelFeaturesAreScaledByTheReferencePath() {
        ThzNetworkEnv env = new ThzNetworkEnv(SMALL, 3);
        GraphObservation obs = env.reset(2);
        // d_ref = 3 m ceiling - 1 m users = 2 m; Lpath = (c / (4 pi f d))^2 exp(-k d); G = 10^(20/10)
        double c = 299_792_458.0;
        double loss = Math.pow(c / (4 * Math.PI * 3e11 * 2.0), 2) * Math.exp(-0.0033 * 2.0);
        double scale = 1 / Math.sqrt(loss * 100);
        ZMatrixRMaj h = env.view().channels().direct()[1][3]; // AP 1 to its first user (k = 3)
        assertThat((double) obs.apNodes()[1][0]).isCloseTo(h.data[0] * scale, within(1e-5 * Math.abs(h.data[0] * scale) + 1e-7));
        assertThat((double) obs.apNodes()[1][1]).isCloseTo(h.data[1] * scale, within(1e-5 * Math.abs(h.data[1] * scale) + 1e-7));
        // Lambda = 0 and no previous action at the episode start
        for (int k = 48; k < 48 + 7; k++) {
            assertThat(obs.apNodes()[0][k]).isZero();
        }
        // after one slot: previous powers p_k / P_max and the unused fraction
        JointAction a = Baselines.create("equal-power-qos").act(env.view());
        StepResult r = env.step(a);
        float[] o = r.observation().apNodes()[0];
        assertThat((double) o[48 + 3]).isCloseTo(1.0 / 3, within(1e-6));
        assertThat((double) o[48 + 6]).isCloseTo(0.0, within(1e-6));
        assertThat(o[48]).as("Lambda of a user with arrivals is positive").isGreaterThanOrEqualTo(0f);
    }

    @Test
    void episodesAreReproducibleAndTruncatedAfterTSlots() {
        ThzNetworkEnv env = new ThzNetworkEnv(SMALL, 7);
        double[] first = play(env, 4);
        double[] again = play(env, 4);
        assertThat(again).containsExactly(first);
        assertThat(play(new ThzNetworkEnv(SMALL, 7), 4)).containsExactly(first);
        assertThat(play(env, 5)).isNotEqualTo(first);
        assertThatThrownBy(() -> env.step(Baselines.create("equal-power-qos").act(env.view())))
                .hasMessageContaining("episode over");
    }

    private static double[] play(ThzNetworkEnv env, long episode) {
        env.reset(episode);
        int t = env.info().episodeSlots();
        double[] rewards = new double[t];
        var policy = Baselines.create("random");
        policy.reset(episode);
        for (int k = 0; k < t; k++) {
            StepResult r = env.step(policy.act(env.view()));
            rewards[k] = r.metrics().reward();
            assertThat(r.truncated()).isEqualTo(k == t - 1);
            assertThat(r.terminated()).isFalse();
        }
        return rewards;
    }
}
