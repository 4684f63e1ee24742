package io.thz.core.baseline;

import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.model.RisAction;
import io.thz.core.model.User;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GreedyRisPhasesTest {

    /**
     * The rule's invariant on many slots, 1-bit (J = 2) and 2-bit (J = 4) RISs: O(greedy) is never
     * below O(all ON, every phase level 0), O is recomputed from (4) independently of the
     * incremental bookkeeping, and no other level of the last element swept raises O.
     */
    @Test
    void greedyPhasesNeverLowerTheSummedServingGainBelowAllOnZeroPhases() {
        int improved = 0;
        int slots = 0;
        for (Scenario s : List.of(ScenarioLoader.defaults(), ScenarioLoader.bundled("fig7"))) {
            ThzNetworkEnv env = new ThzNetworkEnv(s, 13);
            List<User> users = s.users();
            int bits = s.network().risBits();
            GreedyRisPhases greedy = new GreedyRisPhases();
            env.reset();
            for (int t = 0; t < 12; t++) {
                RisAction[] chosen = greedy.configure(env.channels(), users, bits);
                double objective = GreedyRisPhases.objective(env.channels(), users, List.of(chosen), bits);
                double zero = GreedyRisPhases.objective(env.channels(), users, List.of(allOnZero(s)), bits);
                assertThat(greedy.lastObjective()).isCloseTo(objective, within(1e-9 * objective));
                assertThat(objective).isGreaterThanOrEqualTo(zero * (1 - 1e-12));
                improved += objective > zero * (1 + 1e-9) ? 1 : 0;
                slots++;
                for (RisAction r : chosen) {
                    assertThat(r.on()).containsOnly(true);
                    for (int b : r.phase()) {
                        assertThat(b).isBetween(0, (1 << bits) - 1);
                    }
                }
                RisAction[] moved = copy(chosen);
                int j = moved.length - 1;
                int l = moved[j].phase().length - 1;
                for (int b = 0; b < (1 << bits); b++) {
                    moved[j].phase()[l] = b;
                    assertThat(GreedyRisPhases.objective(env.channels(), users, List.of(moved), bits))
                            .isLessThanOrEqualTo(objective * (1 + 1e-12));
                }
                env.step(env.defaultAction());
            }
        }
        assertThat(improved).as("slots where greedy strictly beats zero phases, of " + slots).isGreaterThan(slots / 2);
    }

    /**
     * By hand: one AP with N_A = 1, one user, one RIS with L = 2, B_R = 1 (levels 0 -> +1, 1 -> -1).
     * h~ = 1, f = [1, 1], G = [[1], [-1]]: all ON at level 0 gives h = 1 + 1 - 1 = 1 (O = 1).
     * Element 0: level 1 gives h = 1 - 1 - 1 = -1 (O = 1, not strictly better: kept at 0).
     * Element 1: level 1 gives h = 1 + 1 + 1 = 3 (O = 9): taken.
     */
    @Test
    void greedySweepByHand() {
        var direct = new org.ejml.data.ZMatrixRMaj[][] {{new org.ejml.data.ZMatrixRMaj(1, 1, true, 1, 0)}};
        var risUser = new org.ejml.data.ZMatrixRMaj[][] {{new org.ejml.data.ZMatrixRMaj(1, 2, true, 1, 0, 1, 0)}};
        var apRis = new org.ejml.data.ZMatrixRMaj[][] {{new org.ejml.data.ZMatrixRMaj(2, 1, true, 1, 0, -1, 0)}};
        var channels = new io.thz.core.channel.SlotChannels(1, 2, direct, risUser, apRis);
        List<User> users = List.of(new User(0, io.thz.core.model.UserType.SE));
        GreedyRisPhases greedy = new GreedyRisPhases();
        RisAction[] chosen = greedy.configure(channels, users, 1);
        assertThat(chosen[0].phase()).containsExactly(0, 1);
        assertThat(greedy.lastObjective()).isCloseTo(9.0, within(1e-12));
    }

    private static RisAction[] allOnZero(Scenario s) {
        RisAction[] r = new RisAction[s.network().rises()];
        for (int j = 0; j < r.length; j++) {
            boolean[] on = new boolean[s.network().risElements()];
            Arrays.fill(on, true);
            r[j] = new RisAction(on, new int[on.length]);
        }
        return r;
    }

    private static RisAction[] copy(RisAction[] a) {
        List<RisAction> out = new ArrayList<>();
        for (RisAction r : a) {
            out.add(new RisAction(r.on().clone(), r.phase().clone()));
        }
        return out.toArray(new RisAction[0]);
    }
}
