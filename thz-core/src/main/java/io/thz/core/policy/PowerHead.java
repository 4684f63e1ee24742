package io.thz.core.policy;

import java.util.random.RandomGenerator;

/**
 * The AP action head (spec section 9): a diagonal Gaussian over K_m + 1 logits x; the power of
 * user k is {@code P_max softmax(x)_k} and the last softmax entry is unused power, so the powers are
 * non-negative and sum to at most P_max.
 */
public final class PowerHead {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private PowerHead() {
    }

    /** Draws x ~ N(mean, exp(logStd)^2), one standard normal per logit from {@code rng}. */
    public static float[] sample(float[] mean, float[] logStd, RandomGenerator rng) {
        float[] x = new float[mean.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) (mean[k] + Math.exp(logStd[k]) * rng.nextGaussian());
        }
        return x;
    }

    /** log N(x; mean, exp(logStd)^2), summed over the logits. */
    public static double logProb(float[] x, float[] mean, float[] logStd) {
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            double z = (x[k] - mean[k]) / Math.exp(logStd[k]);
            sum += -0.5 * z * z - logStd[k] - LOG_SQRT_2PI;
        }
        return sum;
    }

    /**
     * Powers of the K_m users from the logits.
     *
     * @param logits K_m + 1 values
     * @param pmaxW  P_max in watts
     * @return K_m powers in watts
     */
    public static double[] powers(float[] logits, double pmaxW) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] e = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            e[k] = Math.exp(logits[k] - max);
            sum += e[k];
        }
        double[] p = new double[logits.length - 1];
        for (int k = 0; k < p.length; k++) {
            p[k] = pmaxW * e[k] / sum;
        }
        return p;
    }
}
