package io.thz.core.baseline;

import io.thz.core.env.JointAction;
import io.thz.core.env.SlotView;
import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.model.RisAction;
import io.thz.core.model.User;
import io.thz.core.model.UserType;
import io.thz.core.scenario.ScenarioLoader;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BaselinesTest {

    @Test
    void equalPowerSplitsPmaxAndSwitchesRisOff() {
        ThzNetworkEnv env = new ThzNetworkEnv(ScenarioLoader.bundled("small"), 1);
        env.reset(0);
        JointAction a = Baselines.create("equal-power-csi").act(env.view());
        assertThat(a.clustering()).isEqualTo(io.thz.core.model.Clustering.CSI);
        assertThat(a.powersW()[0]).containsExactly(new double[] {5.0 / 3, 5.0 / 3, 5.0 / 3}, within(1e-12));
        assertThat(a.ris()[0].on()).containsOnly(false);
    }

    @Test
    void greedyPhasesCoPhaseTheTargetUsersCascade() {
        ThzNetworkEnv env = new ThzNetworkEnv(ScenarioLoader.bundled("small"), 5);
        SplittableRandom rng = new SplittableRandom(1);
        for (long episode = 0; episode < 5; episode++) {
            env.reset(episode);
            SlotView view = env.view();
            RisAction greedy = new AllOnGreedyPhase().act(view).ris()[0];
            int target = weakestSeUser(view);
            int ap = view.users().get(target).ap();
            double best = gain(view, ap, target, greedy);
            // greedy co-phasing beats every one of 50 random all-ON configurations
            for (int trial = 0; trial < 50; trial++) {
                int[] phase = new int[greedy.on().length];
                for (int l = 0; l < phase.length; l++) {
                    phase[l] = rng.nextInt(2);
                }
                boolean[] on = greedy.on().clone();
                assertThat(best).isGreaterThanOrEqualTo(gain(view, ap, target, new RisAction(on, phase)) - 1e-15);
            }
        }
    }

    @Test
    void unknownSchemeListsTheValidOnes() {
        assertThatThrownBy(() -> Baselines.create("greedy"))
                .hasMessageContaining("unknown scheme 'greedy'").hasMessageContaining("equal-power-qos");
    }

    private static int weakestSeUser(SlotView view) {
        int target = -1;
        double weakest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < view.users().size(); k++) {
            User u = view.users().get(k);
            double n = norm(view.channels().direct()[u.ap()][k]);
            if (u.type() == UserType.SE && n < weakest) {
                weakest = n;
                target = k;
            }
        }
        return target;
    }

    /** |(h~ + f Theta G) w| with the matched filter w of the direct channel, by hand. */
    private static double gain(SlotView view, int ap, int k, RisAction ris) {
        ZMatrixRMaj h = view.channels().direct()[ap][k];
        ZMatrixRMaj g = view.channels().apRis()[ap][0];
        ZMatrixRMaj f = view.channels().risUser()[0][k];
        int n = h.numCols;
        double norm = norm(h);
        double re = norm;
        double im = 0;
        for (int l = 0; l < g.numRows; l++) {
            if (!ris.on()[l]) {
                continue;
            }
            double theta = Math.PI * ris.phase()[l];
            double gwRe = 0;
            double gwIm = 0;
            for (int c = 0; c < n; c++) {
                double wr = h.data[2 * c] / norm;
                double wi = -h.data[2 * c + 1] / norm;
                double gr = g.getReal(l, c);
                double gi = g.getImag(l, c);
                gwRe += gr * wr - gi * wi;
                gwIm += gr * wi + gi * wr;
            }
            double fr = f.data[2 * l] * Math.cos(theta) - f.data[2 * l + 1] * Math.sin(theta);
            double fi = f.data[2 * l] * Math.sin(theta) + f.data[2 * l + 1] * Math.cos(theta);
            re += fr * gwRe - fi * gwIm;
            im += fr * gwIm + fi * gwRe;
        }
        return Math.hypot(re, im);
    }

    private static double norm(ZMatrixRMaj row) {
        double s = 0;
        for (int i = 0; i < row.getDataLength(); i++) {
            s += row.data[i] * row.data[i];
        }
        return Math.sqrt(s);
    }
}
