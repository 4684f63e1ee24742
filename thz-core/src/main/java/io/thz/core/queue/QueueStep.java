package io.thz.core.queue;

/**
 * What one slot did to the queues (spec section 8). Arrays are indexed by user k.
 *
 * @param throughputGbps      B R_k(t), in Gbit/s; one slot serves this many Gbit
 * @param lyapunovWeightsGbit Lambda_k(t) = Y_k(t) + 2 q_k(t) at the start of the slot, in Gbit
 * @param rateViolationGbps   delta(t) = sum_k max(R_min,k - B R_k(t), 0), in Gbit/s
 * @param lyapunovTerm        sum_k Lambda_k(t) B R_k(t), in Gbit x Gbit/s
 * @param queuesGbit          q_k(t+1) after the slot, equation (22), in Gbit
 * @param virtualQueuesGbit   Y_k(t+1) after the slot, equation (30), in Gbit
 * @param reliable            q_k(t+1) &lt; q_max,k: the slot counts toward reliability (24)
 */
public record QueueStep(double[] throughputGbps, double[] lyapunovWeightsGbit, double rateViolationGbps,
                        double lyapunovTerm, double[] queuesGbit, double[] virtualQueuesGbit, boolean[] reliable) {
}
