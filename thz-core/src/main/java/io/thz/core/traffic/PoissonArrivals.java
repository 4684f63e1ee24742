package io.thz.core.traffic;

import io.thz.core.random.RandomStream;

/**
 * Traffic arrivals A_k(t) of equation (22): Poisson with the user type's mean per slot, in whole
 * Gbit (spec section 8: "A Poisson arrival mean per slot, SE / IoT = 10 / 0.2 Gbit").
 *
 * <p>Sampled by inversion of the cumulative distribution from one uniform per draw, so each
 * draw consumes exactly one number of its user's stream whatever the mean.
 */
public final class PoissonArrivals {

    /** Largest mean the inversion handles: e^{-mean} must stay a normal double. */
    public static final double MAX_MEAN = 700.0;

    private PoissonArrivals() {
    }

    /**
     * One Poisson sample.
     *
     * @param mean   the mean, in [0, {@value #MAX_MEAN}]
     * @param random the stream; exactly one uniform is drawn
     * @return the sample (a count; here Gbit)
     */
    public static int sample(double mean, RandomStream random) {
        if (!(mean >= 0 && mean <= MAX_MEAN)) {
            throw new IllegalArgumentException("mean=" + mean + " must be in 0.." + MAX_MEAN);
        }
        double u = random.nextDouble();
        double p = StrictMath.exp(-mean);
        double cdf = p;
        int k = 0;
        while (u >= cdf) {
            k++;
            p *= mean / k;
            if (p == 0 && k > mean) {
                break; // the tail beyond rounding: the cdf has saturated below u
            }
            cdf += p;
        }
        return k;
    }
}
