package io.thz.core.baseline;

import io.thz.core.env.EnvInfo;
import io.thz.core.env.JointAction;
import io.thz.core.env.Policy;
import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BaselinesTest {

    private static final Scenario DEFAULT = ScenarioLoader.defaults();

    @Test
    void registryBuildsEachSchemeByNameAndRefusesUnknownNamesListingTheValidOnes() {
        EnvInfo info = new ThzNetworkEnv(DEFAULT, 1).info();
        assertThat(Baselines.REGISTRY.keySet())
                .containsExactly("equal-power-qos", "equal-power-csi", "random-ris", "all-on-greedy", "random");
        for (String name : Baselines.REGISTRY.keySet()) {
            assertThat(Baselines.create(name, info).name()).isEqualTo(name);
        }
        assertThatThrownBy(() -> Baselines.create("ge-vdac", info)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown baseline 'ge-vdac'")
                .hasMessageContaining("equal-power-qos, equal-power-csi, random-ris, all-on-greedy, random");
    }

    @Test
    void equalPowerGivesEachUserPmaxOverKmAndSwitchesEveryRisElementOff() {
        ThzNetworkEnv env = new ThzNetworkEnv(DEFAULT, 1);
        env.reset();
        for (String name : List.of("equal-power-qos", "equal-power-csi")) {
            Policy policy = Baselines.create(name, env.info());
            policy.reset(env.policySeed());
            JointAction action = policy.act(env.view());
            assertThat(action.powersW()).hasNumberOfRows(3);
            for (double[] row : action.powersW()) {
                assertThat(row).hasSize(8).containsOnly(5.0 / 8);
                assertThat(Arrays.stream(row).sum()).isCloseTo(5.0, within(1e-12));
            }
            assertThat(action.ris()).hasSize(2);
            for (RisAction ris : action.ris()) {
                assertThat(ris.on()).hasSize(20).containsOnly(false);
            }
            assertThat(action.clustering()).isEqualTo(name.endsWith("csi") ? Clustering.CSI : Clustering.QOS);
            // scored: no RIS power, the full P_max of every AP
            double circuit = 3 * (0.2 + 4 * 0.16 + 64 * 0.05) + 24 * 0.01;
            assertThat(env.step(action).outcome().powerTotalW()).isCloseTo(3 * 5 / 0.38 + circuit, within(1e-9));
            env.reset();
        }
    }

    @Test
    void randomRisIsReproduciblePerSeedAndUsesEveryChoice() {
        Scenario twoBit = ScenarioLoader.bundled("fig7");
        ThzNetworkEnv env = new ThzNetworkEnv(twoBit, 1);
        env.reset();
        Policy policy = Baselines.create("random-ris", env.info());
        assertThatThrownBy(() -> policy.act(env.view())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reset(episodeSeed)");
        List<String> first = draws(policy, env, 77, 3);
        List<String> again = draws(policy, env, 77, 3);
        List<String> other = draws(policy, env, 78, 3);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first.get(0)).isNotEqualTo(first.get(1));

        policy.reset(5);
        int[] counts = new int[1 + 4];
        for (int s = 0; s < 20; s++) {
            JointAction a = policy.act(env.view());
            assertThat(a.validate(env.info())).isSameAs(a);
            for (double[] row : a.powersW()) {
                assertThat(Arrays.stream(row).sum()).isCloseTo(5.0, within(1e-12));
            }
            for (RisAction ris : a.ris()) {
                for (int l = 0; l < ris.on().length; l++) {
                    counts[ris.on()[l] ? 1 + ris.phase()[l] : 0]++;
                }
            }
        }
        // 20 slots x 4 RISs x 20 elements = 1600 draws: OFF ~ 1/2, each ON level ~ 1/8
        assertThat(counts[0]).isBetween(700, 900);
        for (int b = 1; b <= 4; b++) {
            assertThat(counts[b]).isBetween(140, 260);
        }
    }

    private static List<String> draws(Policy policy, ThzNetworkEnv env, long seed, int slots) {
        policy.reset(seed);
        List<String> out = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            JointAction a = policy.act(env.view());
            StringBuilder b = new StringBuilder();
            for (RisAction r : a.ris()) {
                b.append(Arrays.toString(r.on())).append(Arrays.toString(r.phase()));
            }
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void allOnGreedyTurnsEveryElementOnWithValidPhases() {
        ThzNetworkEnv env = new ThzNetworkEnv(DEFAULT, 2);
        env.reset();
        Policy policy = Baselines.create("all-on-greedy", env.info());
        policy.reset(env.policySeed());
        JointAction a = policy.act(env.view()).validate(env.info());
        for (RisAction ris : a.ris()) {
            assertThat(ris.on()).containsOnly(true);
        }
        for (double[] row : a.powersW()) {
            assertThat(Arrays.stream(row).sum()).isCloseTo(5.0, within(1e-12));
        }
        assertThat(a.clustering()).isEqualTo(Clustering.QOS);
        // 40 ON elements at 1 bit x 0.01 W each
        double circuit = 3 * (0.2 + 4 * 0.16 + 64 * 0.05) + 24 * 0.01;
        assertThat(env.step(a).outcome().powerTotalW()).isCloseTo(3 * 5 / 0.38 + circuit + 40 * 0.01, within(1e-9));
    }
}
