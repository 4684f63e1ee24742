package io.thz.core.energy;

import io.thz.core.model.SlotConfig;

/**
 * Power consumption and energy efficiency of the network, equations (19)-(21) (spec section 7).
 * Powers in watts.
 */
public final class EnergyModel {

    private EnergyModel() {
    }

    /** Circuit power of one AP, {@code P_AP = P_BB + N_R P_RF + N_A (P_PS + P_PA)} (19), in watts. */
    public static double apCircuitPowerW(SlotConfig config) {
        return config.pbbW() + config.rfChains() * config.prfW()
                + config.antennas() * (config.ppsW() + config.ppaW());
    }

    /** Power of one ON RIS element, {@code P_RIS(B_R) = B_R pRisPerBit}, in watts. */
    public static double risElementPowerW(SlotConfig config) {
        return config.risBits() * config.pRisPerBitW();
    }

    /**
     * Total power (20): {@code ξ Σ_m Σ_n P^m_n + K P_D + M P_AP + Σ_j Σ_l ω_jl P_RIS(B_R)}, in watts.
     *
     * @param transmitW  Σ of every user's transmit power, in watts
     * @param users      K
     * @param aps        M
     * @param onElements Σ_j Σ_l ω_jl, the RIS elements switched ON
     */
    public static double totalPowerW(SlotConfig config, double transmitW, int users, int aps,
                                     int onElements) {
        return config.xi() * transmitW + users * config.pdW() + aps * apCircuitPowerW(config)
                + onElements * risElementPowerW(config);
    }

    /** Energy efficiency {@code η = B Σ_k R_k / P_total} (21), in Gbit/J. */
    public static double efficiencyGbitPerJoule(double sumRateBpsHz, double bandwidthHz, double totalPowerW) {
        return bandwidthHz * sumRateBpsHz / totalPowerW / 1e9;
    }

    /** The paper's form of (21) without B, {@code Σ_k R_k / P_total}, in bit/s/Hz/W. */
    public static double efficiencyBpsHzPerW(double sumRateBpsHz, double totalPowerW) {
        return sumRateBpsHz / totalPowerW;
    }
}
