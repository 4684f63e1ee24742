package io.thz.core.noma;

/**
 * Channel correlation used to join NOMA clusters, equation (7):
 * {@code C(h_k, h_head) = |h_k h_head^H| / (‖h_k‖ ‖h_head‖)}, dimensionless in [0, 1].
 */
public final class ChannelCorrelation {

    private ChannelCorrelation() {
    }

    /**
     * C(a, b) of two rows of {@code n} complex entries (7), given their norms. Defined as 0 when
     * either channel is zero (a user nobody can reach correlates with no head).
     */
    public static double of(double[] aRe, double[] aIm, double aNorm,
                            double[] bRe, double[] bIm, double bNorm, int n) {
        if (aNorm == 0.0 || bNorm == 0.0) {
            return 0.0;
        }
        double sr = 0.0;
        double si = 0.0;
        for (int c = 0; c < n; c++) { // a_c conj(b_c)
            sr += aRe[c] * bRe[c] + aIm[c] * bIm[c];
            si += aIm[c] * bRe[c] - aRe[c] * bIm[c];
        }
        return Math.hypot(sr, si) / (aNorm * bNorm);
    }

    /** Euclidean norm ‖h‖ of a row of {@code n} complex entries. */
    public static double norm(double[] re, double[] im, int n) {
        double sum = 0.0;
        for (int c = 0; c < n; c++) {
            sum += re[c] * re[c] + im[c] * im[c];
        }
        return Math.sqrt(sum);
    }
}
