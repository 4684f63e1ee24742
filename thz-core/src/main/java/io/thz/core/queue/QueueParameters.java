package io.thz.core.queue;

/**
 * Per-user QoS constants of the queues and the rate constraint (spec section 8).
 *
 * @param queueMaxGbit  q_max,k, in Gbit
 * @param outageLimit   epsilon_k, dimensionless
 * @param minRateGbps   R_min,k, in Gbit/s
 * @param bandwidthHz   B, in Hz: a rate R_k in bit/s/Hz serves B R_k bit/s
 */
public record QueueParameters(double[] queueMaxGbit, double[] outageLimit, double[] minRateGbps,
                              double bandwidthHz) {

    public QueueParameters {
        if (queueMaxGbit.length != outageLimit.length || queueMaxGbit.length != minRateGbps.length) {
            throw new IllegalArgumentException("queueMaxGbit, outageLimit and minRateGbps need one entry per user: "
                    + queueMaxGbit.length + ", " + outageLimit.length + ", " + minRateGbps.length);
        }
        queueMaxGbit = queueMaxGbit.clone();
        outageLimit = outageLimit.clone();
        minRateGbps = minRateGbps.clone();
    }

    /** K, the number of users. */
    public int users() {
        return queueMaxGbit.length;
    }

    /** B R in Gbit/s for a rate in bit/s/Hz. */
    public double throughputGbps(double rateBpsHz) {
        return bandwidthHz * rateBpsHz / 1e9;
    }
}
