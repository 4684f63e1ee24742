package io.thz.core.slot;

import org.ejml.data.ZMatrixRMaj;

/**
 * The scored slot (spec section 11). Per-user arrays are indexed by input (global) user index,
 * per-AP arrays by AP index.
 *
 * @param cluster        per user, the index of its cluster's head among its AP's heads (input order)
 * @param decodeRank     per user, 1 = decoded first in its cluster, the head = K_n
 * @param sinr           per user, linear SINR (16)/(17)
 * @param rateBpsHz      per user, R_k = log2(1 + SINR) in bit/s/Hz (18)
 * @param rateGbps       per user, B R_k in Gbit/s
 * @param sicFail        per user, the SIC failure indicator fail_k (8); false for heads
 * @param phaseLevels    per AP, per RF chain, the N_sub quantised analog levels in 0..2^B_A - 1
 * @param precoders      per AP, the N_R x N_R digital precoder W (columns normalised by (14))
 * @param powerTotalW    total power (20), in watts
 * @param eeGbitPerJoule energy efficiency B Σ R / P_total (21), in Gbit/J
 * @param eeBpsHzPerW    Σ R / P_total, in bit/s/Hz/W
 * @param sumRateGbps    B Σ R, in Gbit/s
 */
public record SlotOutcome(int[] cluster, int[] decodeRank, double[] sinr, double[] rateBpsHz,
                          double[] rateGbps, boolean[] sicFail, int[][][] phaseLevels,
                          ZMatrixRMaj[] precoders, double powerTotalW, double eeGbitPerJoule,
                          double eeBpsHzPerW, double sumRateGbps) {

    /** K, the number of users. */
    public int users() {
        return sinr.length;
    }

    /** M, the number of APs. */
    public int aps() {
        return precoders.length;
    }
}
