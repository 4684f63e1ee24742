package io.thz.core.channel;

/**
 * What the channel generator needs besides positions: array sizes and the radio environment.
 *
 * @param antennas       N_A, antennas per AP
 * @param risElements    L, elements per RIS
 * @param carrierHz      f, in Hz
 * @param absorptionPerM k(f), in 1/m
 * @param apGainDbi      Upsilon, antenna gain of an AP-user link (both ends), in dBi
 * @param risGainDbi     Upsilon_R, gain of each RIS hop, in dBi
 * @param nlosPaths      n_NL, wall-reflected paths per AP-user and RIS-user link
 * @param wallIndexReal  real part of the walls' refractive index
 * @param wallIndexImag  imaginary part of the walls' refractive index (&le; 0)
 * @param wallRoughnessM sigma_r, rms wall roughness, in metres
 */
public record ChannelParameters(int antennas, int risElements, double carrierHz, double absorptionPerM,
                                double apGainDbi, double risGainDbi, int nlosPaths,
                                double wallIndexReal, double wallIndexImag, double wallRoughnessM) {

    /** G = 10^(Upsilon / 10), linear. */
    public double apGain() {
        return StrictMath.pow(10.0, apGainDbi / 10.0);
    }

    /** G_R = 10^(Upsilon_R / 10), linear. */
    public double risGain() {
        return StrictMath.pow(10.0, risGainDbi / 10.0);
    }
}
