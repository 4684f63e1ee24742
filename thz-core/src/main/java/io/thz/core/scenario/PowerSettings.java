package io.thz.core.scenario;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Transmit and circuit powers (spec section 7), all in watts.
 *
 * @param pmaxW               P_max, maximum transmit power of one AP
 * @param amplifierEfficiency power-amplifier efficiency; the paper's inefficiency xi is its inverse
 * @param pbbW                P_BB, baseband power of one AP
 * @param prfW                P_RF, power of one RF chain
 * @param ppsW                P_PS, power of one phase shifter
 * @param ppaW                P_PA, power of one power amplifier
 * @param pdW                 P_D, circuit power per user
 * @param pRisPerBitW         power of one ON RIS element per phase bit (P_RIS(B_R) = B_R x this)
 */
public record PowerSettings(
        @Positive(message = "must be > 0") double pmaxW,
        @Positive(message = "must be in (0, 1]") @DecimalMax(value = "1", message = "must be in (0, 1]") double amplifierEfficiency,
        @PositiveOrZero(message = "must be >= 0") double pbbW,
        @PositiveOrZero(message = "must be >= 0") double prfW,
        @PositiveOrZero(message = "must be >= 0") double ppsW,
        @PositiveOrZero(message = "must be >= 0") double ppaW,
        @PositiveOrZero(message = "must be >= 0") double pdW,
        @PositiveOrZero(message = "must be >= 0") double pRisPerBitW) {

    /** xi = 1 / amplifier efficiency, the paper's amplifier inefficiency. */
    public double xi() {
        return 1.0 / amplifierEfficiency;
    }
}
