package io.thz.core.model;

/**
 * The physical constants that scoring one slot needs: the {@code config} object of the slot case
 * format (spec section 11). Powers in watts, bandwidth in hertz, noise in dBm/Hz.
 *
 * @param antennas      N_A, antennas per AP
 * @param rfChains      N_R, RF chains (= clusters) per AP
 * @param apPhaseBits   B_A, bits of the AP analog phase shifters
 * @param risElements   L, elements per RIS
 * @param risBits       B_R, bits of the RIS phase shifters
 * @param bandwidthHz   B, in hertz
 * @param noiseDbmPerHz sigma^2, noise power spectral density in dBm/Hz
 * @param pmaxW         P_max, maximum transmit power of one AP, in watts
 * @param xi            amplifier inefficiency (dimensionless, 1/0.38 by default)
 * @param pbbW          P_BB, baseband power of one AP, in watts
 * @param prfW          P_RF, power of one RF chain, in watts
 * @param ppsW          P_PS, power of one phase shifter, in watts
 * @param ppaW          P_PA, power of one power amplifier, in watts
 * @param pdW           P_D, circuit power per user, in watts
 * @param pRisPerBitW   power of one ON RIS element per phase bit, in watts
 * @param clustering    QoS-based (default) or CSI-based clustering
 */
public record SlotConfig(int antennas, int rfChains, int apPhaseBits, int risElements, int risBits,
                         double bandwidthHz, double noiseDbmPerHz, double pmaxW, double xi,
                         double pbbW, double prfW, double ppsW, double ppaW, double pdW,
                         double pRisPerBitW, Clustering clustering) {

    /** N_sub, antennas per RF chain. */
    public int antennasPerChain() {
        return antennas / rfChains;
    }

    /** Noise power N0 = sigma^2 B, in watts. */
    public double noiseW() {
        return Math.pow(10.0, (noiseDbmPerHz - 30.0) / 10.0) * bandwidthHz;
    }
}
