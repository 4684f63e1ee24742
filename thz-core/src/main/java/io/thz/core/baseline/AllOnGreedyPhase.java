package io.thz.core.baseline;

import io.thz.core.channel.SlotChannels;
import io.thz.core.env.JointAction;
import io.thz.core.env.Policy;
import io.thz.core.env.SlotView;
import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;
import io.thz.core.model.User;
import io.thz.core.model.UserType;
import io.thz.core.ris.RisConfiguration;
import org.ejml.data.ZMatrixRMaj;

/**
 * All RIS elements ON with phases set by a greedy rule; equal power, QoS-based clustering.
 *
 * <p>Greedy rule: RISs in index order each pick the SE user, not yet picked, with the weakest
 * direct channel ||h~_k|| from its own AP (the user most in need of a reflected path). With the
 * AP's matched-filter beam {@code w = h~_k^H / ||h~_k||}, element l's cascaded contribution is
 * {@code a_l = f_k(l) (G w)_l e^{j theta_l}}; theta_l is the phase level nearest to
 * {@code -arg(f_k(l) (G w)_l)}, which co-phases it with the direct path {@code h~_k w = ||h~_k||}.
 */
public final class AllOnGreedyPhase implements Policy {

    @Override
    public void reset(long seed) {
    }

    @Override
    public JointAction act(SlotView view) {
        SlotChannels ch = view.channels();
        int elements = view.config().risElements();
        int bits = view.config().risBits();
        int levels = RisConfiguration.levels(bits);
        boolean[] taken = new boolean[view.users().size()];
        RisAction[] ris = new RisAction[ch.rises()];
        for (int j = 0; j < ris.length; j++) {
            int target = -1;
            double weakest = Double.POSITIVE_INFINITY;
            for (int k = 0; k < view.users().size(); k++) {
                User u = view.users().get(k);
                if (u.type() != UserType.SE || taken[k]) {
                    continue;
                }
                double norm = norm(ch.direct()[u.ap()][k]);
                if (norm < weakest) {
                    weakest = norm;
                    target = k;
                }
            }
            boolean[] on = new boolean[elements];
            int[] phase = new int[elements];
            java.util.Arrays.fill(on, true);
            if (target >= 0) {
                taken[target] = true;
                int ap = view.users().get(target).ap();
                double[] beam = matchedFilter(ch.direct()[ap][target]);
                ZMatrixRMaj g = ch.apRis()[ap][j];
                ZMatrixRMaj f = ch.risUser()[j][target];
                int n = g.numCols;
                for (int l = 0; l < elements; l++) {
                    double gwRe = 0;
                    double gwIm = 0;
                    for (int c = 0; c < n; c++) {
                        double gr = g.data[2 * (l * n + c)];
                        double gi = g.data[2 * (l * n + c) + 1];
                        gwRe += gr * beam[2 * c] - gi * beam[2 * c + 1];
                        gwIm += gr * beam[2 * c + 1] + gi * beam[2 * c];
                    }
                    double fr = f.data[2 * l];
                    double fi = f.data[2 * l + 1];
                    double aRe = fr * gwRe - fi * gwIm;
                    double aIm = fr * gwIm + fi * gwRe;
                    double wanted = -Math.atan2(aIm, aRe);
                    double step = 2 * Math.PI / levels;
                    long level = Math.round(wanted / step);
                    phase[l] = (int) Math.floorMod(level, (long) levels);
                }
            }
            ris[j] = new RisAction(on, phase);
        }
        return new JointAction(BaselineActions.equalPower(view), ris, Clustering.QOS);
    }

    /** w = h^H / ||h|| as interleaved [re, im] (a column of N_A entries). */
    private static double[] matchedFilter(ZMatrixRMaj h) {
        int n = h.numCols;
        double norm = norm(h);
        double[] w = new double[2 * n];
        if (norm == 0) {
            w[0] = 1;
            return w;
        }
        for (int c = 0; c < n; c++) {
            w[2 * c] = h.data[2 * c] / norm;
            w[2 * c + 1] = -h.data[2 * c + 1] / norm;
        }
        return w;
    }

    private static double norm(ZMatrixRMaj row) {
        double sum = 0;
        for (int i = 0; i < row.getDataLength(); i++) {
            sum += row.data[i] * row.data[i];
        }
        return Math.sqrt(sum);
    }

    @Override
    public String name() {
        return "all-on-greedy";
    }
}
