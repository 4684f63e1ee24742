package io.thz.core.scenario;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.Range;

/**
 * The radio environment (spec sections 1 and 3).
 *
 * @param carrierHz      f, carrier frequency, in Hz
 * @param absorptionPerM k(f), molecular absorption coefficient, in 1/m
 * @param bandwidthHz    B, in Hz
 * @param apGainDbi      Upsilon, antenna gain of an AP-user link (both ends), in dBi
 * @param risGainDbi     Upsilon_R, gain of each RIS hop, in dBi
 * @param noiseDbmPerHz  sigma^2, noise power spectral density, in dBm/Hz
 * @param nlosPaths      n_NL, wall-reflected paths per AP-user and RIS-user link (side walls: at
 *                       most 4 for an AP, 3 for a RIS, which is not reflected by its own wall)
 * @param wallIndexReal  real part of the walls' complex refractive index
 * @param wallIndexImag  imaginary part of the walls' refractive index (&le; 0: lossy)
 * @param wallRoughnessM sigma_r, rms roughness of the walls, in metres
 */
public record RadioSettings(
        @Positive(message = "must be > 0") double carrierHz,
        @PositiveOrZero(message = "must be >= 0") double absorptionPerM,
        @Positive(message = "must be > 0") double bandwidthHz,
        double apGainDbi,
        double risGainDbi,
        double noiseDbmPerHz,
        @Range(min = 0, max = 4, message = "must be in {min}..{max} (first-order side-wall reflections)") int nlosPaths,
        @Positive(message = "must be > 0") double wallIndexReal,
        @DecimalMax(value = "0", message = "must be <= 0 (a lossy wall has n = n' - j n'')") double wallIndexImag,
        @PositiveOrZero(message = "must be >= 0") double wallRoughnessM) {
}
