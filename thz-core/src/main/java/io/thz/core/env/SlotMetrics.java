package io.thz.core.env;

/**
 * The outcome of one slot, for reports.
 *
 * @param reward             r(s, a) of (35)
 * @param eeGbitPerJoule     energy efficiency B sum R / P_total, in Gbit/J
 * @param sumRateGbps        sum throughput, in Gbit/s
 * @param powerW             P_total of (20), in watts
 * @param rateViolationGbps  delta, the summed shortfall below R_min, in Gbit/s
 * @param seQueueOk          fraction of SE users whose queue is below q_max after the slot
 * @param iotQueueOk         fraction of IoT users whose queue is below q_max after the slot
 */
public record SlotMetrics(double reward, double eeGbitPerJoule, double sumRateGbps, double powerW,
                          double rateViolationGbps, double seQueueOk, double iotQueueOk) {
}
