package io.thz.core.ris;

import io.thz.core.channel.RankOne;
import io.thz.core.channel.SlotChannels;
import org.ejml.data.ZMatrixRMaj;

import java.util.List;

/**
 * The reconfigured (equivalent) channel from AP i to user k, equation (4):
 * {@code h = h~ + sum_j f_j Theta_j G_ij}, 1 x N_A, dimensionless (square root of a power gain).
 *
 * <p>Two evaluations of the same equation are offered: the full 1 x N_A row
 * ({@link #channels}), and its product with a sub-connected analog precoder V
 * ({@link #projection}), which needs only {@code G_ij V} (L x N_R) instead of the L x N_A
 * matrix. Rank-one AP-to-RIS matrices ({@link SlotChannels#apRisFactor}) are used factored and
 * the L x N_A product is never formed.
 *
 * <p>An instance is a reusable workspace: {@link #prepare} once per slot, then any number of
 * queries. Not thread-safe; confine an instance to one thread.
 */
public final class EquivalentChannel {

    private SlotChannels channels;
    private int rises;
    private int users;
    private int antennas;
    private int elements;
    /** Cascade coefficients f_jk[l] Theta_j[l], [j][k * L + l], split real/imaginary. */
    private double[][] cascadeRe = new double[0][];
    private double[][] cascadeIm = new double[0][];
    /** Whether element l of RIS j is ON, [j][l]. */
    private boolean[][] elementOn = new boolean[0][];
    /** One row of a G matrix, split real/imaginary (the loops vectorise on split arrays). */
    private double[] rowRe = new double[0];
    private double[] rowIm = new double[0];
    /** G_ij V_i for the analog precoder last given to {@link #prepareProjection}: [i][j][n * L + l]. */
    private double[][][] projectedRe = new double[0][][];
    private double[][][] projectedIm = new double[0][][];
    /** For rank-one G_ij = column row: row V_i (1 x N_R), [i][j][n]; unused for full matrices. */
    private double[][][] rowProjectedRe = new double[0][][];
    private double[][][] rowProjectedIm = new double[0][][];
    /** V_i as a length-N_A vector (block n of column n stacked), per AP, and its chain count. */
    private double[][] analogRe = new double[0][];
    private double[][] analogIm = new double[0][];
    private int[] analogChains = new int[0];

    /** h^{ap}_{user} as a new 1 x N_A matrix. */
    public static ZMatrixRMaj of(SlotChannels channels, List<RisConfiguration> ris, int ap, int user) {
        EquivalentChannel equivalent = new EquivalentChannel();
        equivalent.prepare(channels, ris);
        return equivalent.channel(ap, user);
    }

    /** Every equivalent channel of the slot, {@code [i][k]} = h^{ik}, each 1 x N_A. */
    public static ZMatrixRMaj[][] all(SlotChannels channels, List<RisConfiguration> ris) {
        EquivalentChannel equivalent = new EquivalentChannel();
        equivalent.prepare(channels, ris);
        ZMatrixRMaj[][] out = new ZMatrixRMaj[channels.aps()][channels.users()];
        for (int i = 0; i < out.length; i++) {
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] = equivalent.channel(i, k);
            }
        }
        return out;
    }

    /**
     * Prepares the slot: the per-user cascade coefficients {@code f_jk Theta_j}. Keeps a reference
     * to {@code channels}, which must not change until the next call.
     *
     * @param ris one configuration per RIS, in the order of {@code channels.risUser()}
     */
    public void prepare(SlotChannels channels, List<RisConfiguration> ris) {
        if (ris.size() != channels.rises()) {
            throw new IllegalArgumentException("expected " + channels.rises()
                    + " RIS configurations, got " + ris.size());
        }
        this.channels = channels;
        this.rises = channels.rises();
        this.users = channels.users();
        this.antennas = channels.antennas();
        this.elements = channels.risElements();
        if (cascadeRe.length < rises || (rises > 0
                && (cascadeRe[0].length < users * elements || elementOn[0].length < elements))) {
            cascadeRe = new double[rises][users * elements];
            cascadeIm = new double[rises][users * elements];
            elementOn = new boolean[rises][elements];
        }
        if (rowRe.length < antennas) {
            rowRe = new double[antennas];
            rowIm = new double[antennas];
        }
        for (int j = 0; j < rises; j++) {
            RisConfiguration configuration = ris.get(j);
            if (configuration.elements() != elements) {
                throw new IllegalArgumentException("RIS " + j + " has " + configuration.elements()
                        + " coefficients, expected " + elements);
            }
            double[] thetaRe = configuration.re();
            double[] thetaIm = configuration.im();
            boolean[] on = elementOn[j];
            for (int l = 0; l < elements; l++) {
                on[l] = thetaRe[l] != 0.0 || thetaIm[l] != 0.0;
            }
            double[] outRe = cascadeRe[j];
            double[] outIm = cascadeIm[j];
            ZMatrixRMaj[] risUser = channels.risUser()[j];
            for (int k = 0; k < users; k++) {
                double[] f = risUser[k].data;
                int base = k * elements;
                for (int l = 0; l < elements; l++) {
                    double fr = f[2 * l];
                    double fi = f[2 * l + 1];
                    outRe[base + l] = fr * thetaRe[l] - fi * thetaIm[l];
                    outIm[base + l] = fr * thetaIm[l] + fi * thetaRe[l];
                }
            }
        }
    }

    /** h^{ap}_{user} as a new 1 x N_A matrix. */
    public ZMatrixRMaj channel(int ap, int user) {
        double[][] re = {new double[antennas]};
        double[][] im = {new double[antennas]};
        channels(ap, new int[] {user}, 1, re, im);
        ZMatrixRMaj out = new ZMatrixRMaj(1, antennas);
        for (int c = 0; c < antennas; c++) {
            out.data[2 * c] = re[0][c];
            out.data[2 * c + 1] = im[0][c];
        }
        return out;
    }

    /**
     * Writes {@code h^{ap}_{k}} for {@code k = userIndex[u]}, u = 0..count-1, into
     * {@code re[u]}/{@code im[u]} (length at least N_A). Several users at once so that each row of
     * G_ij is read once for all of them.
     */
    public void channels(int ap, int[] userIndex, int count, double[][] re, double[][] im) {
        int n = antennas;
        ZMatrixRMaj[] direct = channels.direct()[ap];
        for (int u = 0; u < count; u++) {
            double[] d = direct[userIndex[u]].data;
            double[] hr = re[u];
            double[] hi = im[u];
            for (int c = 0; c < n; c++) {
                hr[c] = d[2 * c];
                hi[c] = d[2 * c + 1];
            }
        }
        for (int j = 0; j < rises; j++) {
            double[] casRe = cascadeRe[j];
            double[] casIm = cascadeIm[j];
            boolean[] on = elementOn[j];
            RankOne factor = channels.apRisFactor(ap, j);
            if (factor != null) {
                // f Theta (column row) = (f Theta column) row: L + N_A operations per user
                double[] column = factor.column().data;
                splitRow(factor.row().data, 0, n);
                for (int u = 0; u < count; u++) {
                    int base = userIndex[u] * elements;
                    double sr = 0.0;
                    double si = 0.0;
                    for (int l = 0; l < elements; l++) {
                        double ar = casRe[base + l];
                        double ai = casIm[base + l];
                        double cr = column[2 * l];
                        double ci = column[2 * l + 1];
                        sr += ar * cr - ai * ci;
                        si += ar * ci + ai * cr;
                    }
                    addScaledRow(sr, si, re[u], im[u], n);
                }
            } else {
                double[] g = channels.apRis()[ap][j].data;
                for (int l = 0; l < elements; l++) {
                    if (!on[l]) {
                        continue; // an OFF element contributes exactly nothing
                    }
                    splitRow(g, 2 * l * n, n);
                    for (int u = 0; u < count; u++) {
                        int index = userIndex[u] * elements + l;
                        addScaledRow(casRe[index], casIm[index], re[u], im[u], n);
                    }
                }
            }
        }
    }

    /**
     * Prepares {@link #projection} for AP {@code ap} with the analog precoder {@code V_ap}, given
     * as the length-N_A vector of its block-diagonal entries (chain n owns entries
     * n N_sub .. (n+1) N_sub - 1): computes {@code G_ap,j V_ap}, L x N_R, for every RIS j.
     * The vectors are kept by reference until the next call for the same AP.
     */
    public void prepareProjection(int ap, double[] vRe, double[] vIm, int chains) {
        int aps = channels.aps();
        if (chains <= 0 || antennas % chains != 0) {
            throw new IllegalArgumentException(chains + " chains do not split " + antennas + " antennas");
        }
        if (projectedRe.length < aps) {
            projectedRe = new double[aps][][];
            projectedIm = new double[aps][][];
            rowProjectedRe = new double[aps][][];
            rowProjectedIm = new double[aps][][];
            analogRe = new double[aps][];
            analogIm = new double[aps][];
            analogChains = new int[aps];
        }
        if (projectedRe[ap] == null || projectedRe[ap].length < rises
                || (rises > 0 && projectedRe[ap][0].length < elements * chains)) {
            projectedRe[ap] = new double[rises][elements * chains];
            projectedIm[ap] = new double[rises][elements * chains];
        }
        if (rowProjectedRe[ap] == null || rowProjectedRe[ap].length < rises
                || (rises > 0 && rowProjectedRe[ap][0].length < chains)) {
            rowProjectedRe[ap] = new double[rises][chains];
            rowProjectedIm[ap] = new double[rises][chains];
        }
        analogRe[ap] = vRe;
        analogIm[ap] = vIm;
        analogChains[ap] = chains;
        int n = antennas;
        int sub = n / chains;
        for (int j = 0; j < rises; j++) {
            double[] outRe = projectedRe[ap][j];
            double[] outIm = projectedIm[ap][j];
            RankOne factor = channels.apRisFactor(ap, j);
            if (factor != null) {
                // (column row) V = column (row V)
                double[] column = factor.column().data;
                double[] row = factor.row().data;
                for (int b = 0; b < chains; b++) {
                    double pr = 0.0;
                    double pi = 0.0;
                    for (int c = b * sub; c < (b + 1) * sub; c++) {
                        double gr = row[2 * c];
                        double gi = row[2 * c + 1];
                        pr += gr * vRe[c] - gi * vIm[c];
                        pi += gr * vIm[c] + gi * vRe[c];
                    }
                    rowProjectedRe[ap][j][b] = pr;
                    rowProjectedIm[ap][j][b] = pi;
                    for (int l = 0; l < elements; l++) {
                        double cr = column[2 * l];
                        double ci = column[2 * l + 1];
                        outRe[b * elements + l] = cr * pr - ci * pi;
                        outIm[b * elements + l] = cr * pi + ci * pr;
                    }
                }
            } else {
                double[] g = channels.apRis()[ap][j].data;
                for (int l = 0; l < elements; l++) {
                    int rowStart = 2 * l * n;
                    for (int b = 0; b < chains; b++) {
                        // two interleaved partial sums: shorter dependency chains
                        double pr0 = 0.0;
                        double pi0 = 0.0;
                        double pr1 = 0.0;
                        double pi1 = 0.0;
                        int c = b * sub;
                        int end = (b + 1) * sub;
                        for (; c + 1 < end; c += 2) {
                            int x = rowStart + 2 * c;
                            double gr0 = g[x];
                            double gi0 = g[x + 1];
                            double gr1 = g[x + 2];
                            double gi1 = g[x + 3];
                            pr0 += gr0 * vRe[c] - gi0 * vIm[c];
                            pi0 += gr0 * vIm[c] + gi0 * vRe[c];
                            pr1 += gr1 * vRe[c + 1] - gi1 * vIm[c + 1];
                            pi1 += gr1 * vIm[c + 1] + gi1 * vRe[c + 1];
                        }
                        for (; c < end; c++) {
                            double gr = g[rowStart + 2 * c];
                            double gi = g[rowStart + 2 * c + 1];
                            pr0 += gr * vRe[c] - gi * vIm[c];
                            pi0 += gr * vIm[c] + gi * vRe[c];
                        }
                        outRe[b * elements + l] = pr0 + pr1;
                        outIm[b * elements + l] = pi0 + pi1;
                    }
                }
            }
        }
    }

    /**
     * Writes {@code h^{ap}_{user} V_ap} (1 x N_R) into {@code outRe}/{@code outIm}, with the
     * precoder given to {@link #prepareProjection} for this AP; no 1 x N_A row is formed.
     */
    public void projection(int ap, int user, double[] outRe, double[] outIm) {
        int chains = analogChains[ap];
        int sub = antennas / chains;
        double[] vRe = analogRe[ap];
        double[] vIm = analogIm[ap];
        double[] d = channels.direct()[ap][user].data;
        for (int b = 0; b < chains; b++) {
            // h~ V: two interleaved partial sums, shorter dependency chains
            double pr0 = 0.0;
            double pi0 = 0.0;
            double pr1 = 0.0;
            double pi1 = 0.0;
            int c = b * sub;
            int end = (b + 1) * sub;
            for (; c + 1 < end; c += 2) {
                double dr0 = d[2 * c];
                double di0 = d[2 * c + 1];
                double dr1 = d[2 * c + 2];
                double di1 = d[2 * c + 3];
                pr0 += dr0 * vRe[c] - di0 * vIm[c];
                pi0 += dr0 * vIm[c] + di0 * vRe[c];
                pr1 += dr1 * vRe[c + 1] - di1 * vIm[c + 1];
                pi1 += dr1 * vIm[c + 1] + di1 * vRe[c + 1];
            }
            for (; c < end; c++) {
                double dr = d[2 * c];
                double di = d[2 * c + 1];
                pr0 += dr * vRe[c] - di * vIm[c];
                pi0 += dr * vIm[c] + di * vRe[c];
            }
            outRe[b] = pr0 + pr1;
            outIm[b] = pi0 + pi1;
        }
        int base = user * elements;
        for (int j = 0; j < rises; j++) {
            double[] casRe = cascadeRe[j];
            double[] casIm = cascadeIm[j];
            RankOne factor = channels.apRisFactor(ap, j);
            if (factor != null) {
                // f Theta (column row) V = (f Theta column) (row V)
                double[] column = factor.column().data;
                double sr = 0.0;
                double si = 0.0;
                for (int l = 0; l < elements; l++) {
                    double ar = casRe[base + l];
                    double ai = casIm[base + l];
                    double cr = column[2 * l];
                    double ci = column[2 * l + 1];
                    sr += ar * cr - ai * ci;
                    si += ar * ci + ai * cr;
                }
                double[] rowRe = rowProjectedRe[ap][j];
                double[] rowIm = rowProjectedIm[ap][j];
                for (int b = 0; b < chains; b++) {
                    outRe[b] += sr * rowRe[b] - si * rowIm[b];
                    outIm[b] += sr * rowIm[b] + si * rowRe[b];
                }
                continue;
            }
            double[] gvRe = projectedRe[ap][j];
            double[] gvIm = projectedIm[ap][j];
            for (int b = 0; b < chains; b++) {
                // (f_jk Theta_j) (G V)[:, b]; OFF elements have a zero coefficient
                double pr0 = 0.0;
                double pi0 = 0.0;
                double pr1 = 0.0;
                double pi1 = 0.0;
                int column = b * elements;
                int l = 0;
                for (; l + 1 < elements; l += 2) {
                    double ar0 = casRe[base + l];
                    double ai0 = casIm[base + l];
                    double ar1 = casRe[base + l + 1];
                    double ai1 = casIm[base + l + 1];
                    double gr0 = gvRe[column + l];
                    double gi0 = gvIm[column + l];
                    double gr1 = gvRe[column + l + 1];
                    double gi1 = gvIm[column + l + 1];
                    pr0 += ar0 * gr0 - ai0 * gi0;
                    pi0 += ar0 * gi0 + ai0 * gr0;
                    pr1 += ar1 * gr1 - ai1 * gi1;
                    pi1 += ar1 * gi1 + ai1 * gr1;
                }
                for (; l < elements; l++) {
                    double ar = casRe[base + l];
                    double ai = casIm[base + l];
                    double gr = gvRe[column + l];
                    double gi = gvIm[column + l];
                    pr0 += ar * gr - ai * gi;
                    pi0 += ar * gi + ai * gr;
                }
                outRe[b] += pr0 + pr1;
                outIm[b] += pi0 + pi1;
            }
        }
    }

    private void splitRow(double[] interleaved, int start, int n) {
        double[] r = rowRe;
        double[] i = rowIm;
        for (int c = 0; c < n; c++) {
            r[c] = interleaved[start + 2 * c];
            i[c] = interleaved[start + 2 * c + 1];
        }
    }

    /** h += a * row, the row taken from the split scratch. */
    private void addScaledRow(double ar, double ai, double[] hr, double[] hi, int n) {
        double[] r = rowRe;
        double[] i = rowIm;
        for (int c = 0; c < n; c++) {
            double gr = r[c];
            double gi = i[c];
            hr[c] += ar * gr - ai * gi;
            hi[c] += ar * gi + ai * gr;
        }
    }
}
