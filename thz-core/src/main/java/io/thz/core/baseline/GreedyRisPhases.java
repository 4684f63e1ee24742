package io.thz.core.baseline;

import io.thz.core.channel.SlotChannels;
import io.thz.core.model.RisAction;
import io.thz.core.model.User;
import io.thz.core.ris.EquivalentChannel;
import io.thz.core.ris.RisConfiguration;

import java.util.ArrayList;
import java.util.List;

/**
 * The greedy phase rule of the all-ON baseline: every RIS element ON, phases chosen to raise
 * {@code O = sum_k ||h^{m(k) k}||^2}, the summed gain of every user's equivalent channel (4) from
 * its serving AP m(k).
 *
 * <p>Rule: start from every element ON at phase level 0; sweep once over the RISs in index order and,
 * within a RIS, over its elements in index order; for each element take the level that maximises O
 * with every other element fixed, keeping the current level unless another one is strictly better.
 * Each move can only raise O, so the result is never below the all-ON zero-phase configuration.
 *
 * <p>Changing element l of RIS j from coefficient c to c' adds {@code D f_jkl G_{m(k)j}[l, :]} to
 * h_k, with D = c' - c, so O changes by
 * {@code sum_k |D|^2 |f_jkl|^2 ||G[l,:]||^2 + 2 Re(conj(D) conj(f_jkl) sum_n h_k[n] conj(G[l,n]))}:
 * one pass costs O(J L K N_A).
 *
 * <p>A reusable workspace; not thread-safe.
 */
public final class GreedyRisPhases {

    private final EquivalentChannel equivalent = new EquivalentChannel();
    private double[][] hRe = new double[0][];
    private double[][] hIm = new double[0][];
    private double lastObjective = Double.NaN;

    /**
     * One greedy sweep on a slot's channels.
     *
     * @param channels the slot's channels (before RIS reconfiguration)
     * @param users    the users in channel order, each with its serving AP
     * @param risBits  B_R
     * @return one all-ON action per RIS with the chosen phase levels
     */
    public RisAction[] configure(SlotChannels channels, List<User> users, int risBits) {
        int rises = channels.rises();
        int elements = channels.risElements();
        int antennas = channels.antennas();
        int k = users.size();
        int levels = RisConfiguration.levels(risBits);
        RisAction[] actions = new RisAction[rises];
        List<RisConfiguration> start = new ArrayList<>(rises);
        for (int j = 0; j < rises; j++) {
            boolean[] on = new boolean[elements];
            java.util.Arrays.fill(on, true);
            actions[j] = new RisAction(on, new int[elements]);
            start.add(RisConfiguration.of(actions[j], risBits));
        }
        if (hRe.length < k || (k > 0 && hRe[0].length < antennas)) {
            hRe = new double[k][antennas];
            hIm = new double[k][antennas];
        }
        equivalent.prepare(channels, start);
        int[] one = new int[1];
        double[][] rowRe = new double[1][];
        double[][] rowIm = new double[1][];
        double objective = 0;
        for (int u = 0; u < k; u++) {
            one[0] = u;
            rowRe[0] = hRe[u];
            rowIm[0] = hIm[u];
            equivalent.channels(users.get(u).ap(), one, 1, rowRe, rowIm);
            objective += normSquared(hRe[u], hIm[u], antennas);
        }
        double[] phasorRe = new double[levels];
        double[] phasorIm = new double[levels];
        for (int b = 0; b < levels; b++) {
            double theta = RisConfiguration.phaseRad(b, risBits);
            phasorRe[b] = Math.cos(theta);
            phasorIm[b] = Math.sin(theta);
        }
        double[] innerRe = new double[k];
        double[] innerIm = new double[k];
        double[] cascadeNorm = new double[k];
        for (int j = 0; j < rises; j++) {
            int[] phase = actions[j].phase();
            for (int l = 0; l < elements; l++) {
                // <h_k, u_k> = conj(f) sum_n h_k[n] conj(G[l,n]) and ||u_k||^2 = |f|^2 ||G[l,:]||^2
                for (int u = 0; u < k; u++) {
                    double[] g = channels.apRis()[users.get(u).ap()][j].data;
                    double[] f = channels.risUser()[j][u].data;
                    int row = 2 * l * antennas;
                    double ar = 0;
                    double ai = 0;
                    double g2 = 0;
                    for (int n = 0; n < antennas; n++) {
                        double gr = g[row + 2 * n];
                        double gi = g[row + 2 * n + 1];
                        ar += hRe[u][n] * gr + hIm[u][n] * gi;
                        ai += hIm[u][n] * gr - hRe[u][n] * gi;
                        g2 += gr * gr + gi * gi;
                    }
                    double fr = f[2 * l];
                    double fi = f[2 * l + 1];
                    innerRe[u] = fr * ar + fi * ai;
                    innerIm[u] = fr * ai - fi * ar;
                    cascadeNorm[u] = (fr * fr + fi * fi) * g2;
                }
                int current = phase[l];
                int best = current;
                double bestGain = 0;
                for (int b = 0; b < levels; b++) {
                    if (b == current) {
                        continue;
                    }
                    double dr = phasorRe[b] - phasorRe[current];
                    double di = phasorIm[b] - phasorIm[current];
                    double d2 = dr * dr + di * di;
                    double gain = 0;
                    for (int u = 0; u < k; u++) {
                        gain += d2 * cascadeNorm[u] + 2 * (dr * innerRe[u] + di * innerIm[u]);
                    }
                    if (gain > bestGain) {
                        bestGain = gain;
                        best = b;
                    }
                }
                if (best != current) {
                    double dr = phasorRe[best] - phasorRe[current];
                    double di = phasorIm[best] - phasorIm[current];
                    for (int u = 0; u < k; u++) {
                        double[] g = channels.apRis()[users.get(u).ap()][j].data;
                        double[] f = channels.risUser()[j][u].data;
                        double fr = f[2 * l];
                        double fi = f[2 * l + 1];
                        double sr = dr * fr - di * fi; // D f
                        double si = dr * fi + di * fr;
                        int row = 2 * l * antennas;
                        for (int n = 0; n < antennas; n++) {
                            double gr = g[row + 2 * n];
                            double gi = g[row + 2 * n + 1];
                            hRe[u][n] += sr * gr - si * gi;
                            hIm[u][n] += sr * gi + si * gr;
                        }
                    }
                    phase[l] = best;
                    objective += bestGain;
                }
            }
        }
        lastObjective = objective;
        return actions;
    }

    /** O of the configuration returned by the last {@link #configure}, tracked incrementally. */
    public double lastObjective() {
        return lastObjective;
    }

    /**
     * O = sum_k ||h^{m(k) k}||^2 of a configuration, computed afresh from (4): the rule's objective,
     * dimensionless (a sum of power gains).
     */
    public static double objective(SlotChannels channels, List<User> users, List<RisAction> ris, int risBits) {
        List<RisConfiguration> configurations = new ArrayList<>(ris.size());
        for (RisAction action : ris) {
            configurations.add(RisConfiguration.of(action, risBits));
        }
        EquivalentChannel equivalent = new EquivalentChannel();
        equivalent.prepare(channels, configurations);
        double sum = 0;
        for (int k = 0; k < users.size(); k++) {
            double[] d = equivalent.channel(users.get(k).ap(), k).data;
            for (double v : d) {
                sum += v * v;
            }
        }
        return sum;
    }

    private static double normSquared(double[] re, double[] im, int n) {
        double s = 0;
        for (int c = 0; c < n; c++) {
            s += re[c] * re[c] + im[c] * im[c];
        }
        return s;
    }
}
