package io.thz.core.noma;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_ZDRM;
import org.ejml.dense.row.linsol.svd.SolvePseudoInverseSvd_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Sub-connected hybrid beamforming of one AP, equations (10)-(14) (spec section 5).
 *
 * <p>Analog part V (N_A x N_R, block diagonal): chain n drives antennas n N_sub .. (n+1) N_sub - 1
 * with {@code v_n(i) = N_sub^{-1/2} e^{j 2 pi w_i / 2^B_A}}, w_i the B_A-bit level nearest on the
 * circle to the phase of {@code conj(h_head(n N_sub + i))}. V is handled as the length-N_A vector
 * of its block entries. Digital part W (N_R x N_R): zero forcing on the cluster-centre effective
 * channels C, columns normalised so that {@code ‖V w_n‖ = 1}.
 *
 * <p>An instance holds EJML workspaces: not thread-safe.
 */
public final class HybridBeamformer {

    /** C counts as singular above this 2-norm condition number; ZF then uses the pseudo-inverse (spec section 5). */
    public static final double MAX_CONDITION = 1e12;

    /**
     * Distance in radians from a decision boundary below which {@link #analogLevel} leaves the
     * decision to {@code Math.atan2}: over three times the error bound of its phase estimate.
     */
    static final double FAST_PHASE_GUARD = 5e-3;

    private static final double TWO_PI = 2.0 * Math.PI;
    private static final double HALF_PI = 0.5 * Math.PI;
    private static final double QUARTER_PI = 0.25 * Math.PI;

    private int size = -1;
    private LinearSolverDense<ZMatrixRMaj> lu;
    private ZMatrixRMaj luInput;
    private SingularValueDecomposition_F64<DMatrixRMaj> svd;
    private SolvePseudoInverseSvd_DDRM pseudoInverse;
    private DMatrixRMaj embedding;
    private DMatrixRMaj embeddingInverse;

    /**
     * The analog level w in 0..2^bits - 1 for one antenna (11)-(12): the quantised phase nearest
     * on the circle to the phase of {@code conj(h)}, h = re + j im; an exact half-way phase goes
     * to the next level counter-clockwise. Returns exactly {@link #analogLevelExact}: a cheap
     * phase estimate decides only when the phase is farther than {@link #FAST_PHASE_GUARD} from
     * every decision boundary, otherwise {@code Math.atan2} decides.
     */
    public static int analogLevel(double re, double im, int bits) {
        int levels = 1 << bits;
        double x = re;
        double y = -im; // conj(h)
        double ax = Math.abs(x);
        double ay = Math.abs(y);
        double max = Math.max(ax, ay);
        if (max > 0.0) {
            double t = Math.min(ax, ay) / max;
            // atan(t) on [0, 1], |error| <= 1.5e-3 rad
            double phase = QUARTER_PI * t - t * (t - 1.0) * (0.2447 + 0.0663 * t);
            if (ay > ax) {
                phase = HALF_PI - phase;
            }
            if (x < 0.0) {
                phase = Math.PI - phase;
            }
            if (y < 0.0) {
                phase = -phase;
            }
            double scaled = phase * levels / TWO_PI + 0.5;
            double floor = Math.floor(scaled);
            double guard = FAST_PHASE_GUARD * levels / TWO_PI;
            if (scaled - floor > guard && floor + 1.0 - scaled > guard) {
                return Math.floorMod((int) floor, levels);
            }
        }
        return analogLevelExact(re, im, bits);
    }

    /** {@link #analogLevel} computed directly from {@code Math.atan2}. */
    public static int analogLevelExact(double re, double im, int bits) {
        int levels = 1 << bits;
        double phase = Math.atan2(-im, re); // phase of conj(h), in [-pi, pi]
        int nearest = (int) Math.floor(phase * levels / TWO_PI + 0.5);
        return Math.floorMod(nearest, levels);
    }

    /**
     * The analog precoder (10)-(12) from each cluster head's channel: {@code levels[n][i]}
     * (n = 0..chains-1, i = 0..N_sub-1) and the block entries {@code vRe/vIm} (length N_A).
     *
     * @param head local indices of the heads, one per chain
     */
    public static void analog(ServedUsers users, int[] head, int chains, int bits,
                              int[][] levels, double[] vRe, double[] vIm) {
        int antennas = users.antennas();
        int sub = antennas / chains;
        double amplitude = 1.0 / Math.sqrt(sub);
        double step = 2.0 * Math.PI / (1 << bits);
        for (int n = 0; n < chains; n++) {
            double[] hRe = users.re(head[n]);
            double[] hIm = users.im(head[n]);
            for (int i = 0; i < sub; i++) {
                int c = n * sub + i;
                int level = analogLevel(hRe[c], hIm[c], bits);
                levels[n][i] = level;
                vRe[c] = amplitude * Math.cos(step * level);
                vIm[c] = amplitude * Math.sin(step * level);
            }
        }
    }

    /** The effective channel {@code h V} (1 x N_R) of a full 1 x N_A row h. */
    public static void project(double[] hRe, double[] hIm, double[] vRe, double[] vIm,
                               int antennas, int chains, double[] outRe, double[] outIm) {
        int sub = antennas / chains;
        for (int n = 0; n < chains; n++) {
            double pr = 0.0;
            double pi = 0.0;
            for (int c = n * sub; c < (n + 1) * sub; c++) {
                pr += hRe[c] * vRe[c] - hIm[c] * vIm[c];
                pi += hRe[c] * vIm[c] + hIm[c] * vRe[c];
            }
            outRe[n] = pr;
            outIm[n] = pi;
        }
    }

    /**
     * The digital precoder: zero forcing (13) then column normalisation (14).
     *
     * @param centres C, N_R x N_R, row n the cluster-centre effective channel c_n (not modified)
     * @param w       output, N_R x N_R
     * @return true when C was singular (condition number above {@link #MAX_CONDITION}) and the
     * pseudo-inverse was used
     */
    public boolean digital(ZMatrixRMaj centres, double[] vRe, double[] vIm, int antennas,
                           ZMatrixRMaj w) {
        boolean singular = zeroForcing(centres, w);
        normaliseColumns(w, vRe, vIm, antennas);
        return singular;
    }

    /**
     * Zero forcing (13): {@code Ŵ = C^H (C C^H)^{-1}}. C is square, so for a regular C this is
     * {@code C^{-1}}, computed by LU (EJML) without forming C C^H, whose condition number is the
     * square of C's. When the 2-norm condition number of C exceeds {@link #MAX_CONDITION}, Ŵ is
     * the Moore-Penrose pseudo-inverse with singular values below σ_max / MAX_CONDITION taken as 0.
     *
     * @return true when the pseudo-inverse was used
     */
    public boolean zeroForcing(ZMatrixRMaj centres, ZMatrixRMaj w) {
        int n = centres.numRows;
        if (centres.numCols != n) {
            throw new IllegalArgumentException("C must be square, got " + n + " x " + centres.numCols);
        }
        ensureSize(n);
        w.reshape(n, n);
        luInput.setTo(centres);
        boolean inverted = lu.setA(luInput);
        if (inverted) {
            lu.invert(w);
            // cond_2 <= ‖C‖_F ‖C^-1‖_F: below the limit no SVD is needed
            double frobeniusBound = frobenius(centres) * frobenius(w);
            if (frobeniusBound <= MAX_CONDITION) {
                return false;
            }
            if (Double.isFinite(frobeniusBound) && conditionNumber(centres) <= MAX_CONDITION) {
                return false;
            }
        }
        embed(centres, embedding);
        pseudoInverse.setA(embedding);
        pseudoInverse.invert(embeddingInverse);
        // pinv of the real embedding [[Re, -Im], [Im, Re]] is the embedding of the complex pinv
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                w.set(r, c, embeddingInverse.get(r, c), embeddingInverse.get(n + r, c));
            }
        }
        return true;
    }

    /** The 2-norm condition number σ_max / σ_min of a square complex matrix (infinite if singular). */
    public double conditionNumber(ZMatrixRMaj matrix) {
        int n = matrix.numRows;
        ensureSize(n);
        embed(matrix, embedding);
        if (!svd.decompose(embedding)) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0.0;
        double min = Double.POSITIVE_INFINITY;
        for (double s : svd.getSingularValues()) { // each singular value of C appears twice
            max = Math.max(max, s);
            min = Math.min(min, s);
        }
        return min == 0.0 ? Double.POSITIVE_INFINITY : max / min;
    }

    /**
     * Column normalisation (14): {@code w_n = ŵ_n / ‖V ŵ_n‖₂}. V's columns have disjoint supports,
     * so {@code ‖V ŵ_n‖² = Σ_r |ŵ_rn|² ‖v_r‖²}. A zero column (a cluster the pseudo-inverse
     * cannot reach) stays zero.
     */
    public static void normaliseColumns(ZMatrixRMaj w, double[] vRe, double[] vIm, int antennas) {
        int chains = w.numRows;
        int sub = antennas / chains;
        double[] data = w.data;
        for (int col = 0; col < w.numCols; col++) {
            double sum = 0.0;
            for (int r = 0; r < chains; r++) {
                double chainNorm2 = 0.0;
                for (int c = r * sub; c < (r + 1) * sub; c++) {
                    chainNorm2 += vRe[c] * vRe[c] + vIm[c] * vIm[c];
                }
                int index = 2 * (r * w.numCols + col);
                sum += (data[index] * data[index] + data[index + 1] * data[index + 1]) * chainNorm2;
            }
            if (sum == 0.0) {
                continue;
            }
            double scale = 1.0 / Math.sqrt(sum);
            for (int r = 0; r < chains; r++) {
                int index = 2 * (r * w.numCols + col);
                data[index] *= scale;
                data[index + 1] *= scale;
            }
        }
    }

    private static double frobenius(ZMatrixRMaj m) {
        double sum = 0.0;
        int length = m.getDataLength();
        for (int i = 0; i < length; i++) {
            sum += m.data[i] * m.data[i];
        }
        return Math.sqrt(sum);
    }

    /** The real 2n x 2n embedding [[Re, -Im], [Im, Re]] of an n x n complex matrix. */
    private static void embed(ZMatrixRMaj m, DMatrixRMaj out) {
        int n = m.numRows;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double re = m.getReal(r, c);
                double im = m.getImag(r, c);
                out.set(r, c, re);
                out.set(r, n + c, -im);
                out.set(n + r, c, im);
                out.set(n + r, n + c, re);
            }
        }
    }

    private void ensureSize(int n) {
        if (n == size) {
            return;
        }
        size = n;
        lu = LinearSolverFactory_ZDRM.lu(n);
        luInput = new ZMatrixRMaj(n, n);
        svd = DecompositionFactory_DDRM.svd(2 * n, 2 * n, false, false, true);
        pseudoInverse = new SolvePseudoInverseSvd_DDRM(2 * n, 2 * n);
        // EJML drops singular values below threshold * max(rows, cols) * σ_max
        pseudoInverse.setThreshold(1.0 / (MAX_CONDITION * 2 * n));
        embedding = new DMatrixRMaj(2 * n, 2 * n);
        embeddingInverse = new DMatrixRMaj(2 * n, 2 * n);
    }
}
