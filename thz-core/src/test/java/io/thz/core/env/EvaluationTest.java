package io.thz.core.env;

import io.thz.core.baseline.Baselines;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluationTest {

    private static final Scenario SMALL = ScenarioLoader.bundled("small");

    @Test
    void equalPowerQosOnTheSmallNetworkGivesFinitePlausibleFigures() {
        ThzNetworkEnv env = new ThzNetworkEnv(SMALL, 1234);
        EvaluationResult r = Evaluation.run(env, Baselines.create("equal-power-qos", env.info()), 100, 3);
        assertThat(r.policy()).isEqualTo("equal-power-qos");
        assertThat(r.seed()).isEqualTo(1234);
        assertThat(r.episodes()).isEqualTo(3);
        assertThat(r.perEpisode()).extracting(Evaluation.EpisodeSummary::episode).containsExactly(100L, 101L, 102L);
        assertThat(r.perEpisode()).allSatisfy(e -> assertThat(e.slots()).isEqualTo(10));
        assertThat(r.eeGbitPerJoule()).isPositive().isFinite();
        assertThat(r.seReliability()).isBetween(0.0, 1.0);
        assertThat(r.iotReliability()).isBetween(0.0, 1.0);
        assertThat(r.reward()).isFinite();
        assertThat(r.episodeReturn()).isCloseTo(10 * r.reward(), within(1e-9 * Math.abs(r.episodeReturn())));
        // equal power with every RIS element OFF: P_total = xi M P_max + K P_D + M P_AP, exactly
        double power = 2 * 5 / 0.38 + 6 * 0.01 + 2 * (0.2 + 2 * 0.16 + 8 * 0.05);
        assertThat(r.powerW()).isCloseTo(power, within(1e-9));
        assertThat(r.eeGbitPerJoule()).isCloseTo(r.sumRateGbps() / power, within(1e-9 * r.eeGbitPerJoule()));
        assertThat(r.spectralEfficiencyBpsHz()).isCloseTo(r.sumRateGbps() * 1e9 / 1e10, within(1e-9));
        // one AP sends 5 W over 8 antennas a few metres away: rates of several bit/s/Hz per user
        assertThat(r.spectralEfficiencyBpsHz()).isBetween(1.0, 6 * 25.0);
        assertThat(r.eeStdGbitPerJoule()).isPositive();
    }

    @Test
    void heldOutEpisodesAreReproducibleAndEverySchemeRuns() {
        for (String scheme : Baselines.REGISTRY.keySet()) {
            EvaluationResult a = Evaluation.run(SMALL, 77, Baselines.create(scheme, new ThzNetworkEnv(SMALL).info()), 5, 2);
            EvaluationResult b = Evaluation.run(SMALL, 77, Baselines.create(scheme, new ThzNetworkEnv(SMALL).info()), 5, 2);
            assertThat(b).as(scheme).isEqualTo(a);
            assertThat(a.eeGbitPerJoule()).as(scheme).isPositive().isFinite();
            assertThat(a.seReliability()).as(scheme).isBetween(0.0, 1.0);
            assertThat(a.iotReliability()).as(scheme).isBetween(0.0, 1.0);
        }
    }
}
