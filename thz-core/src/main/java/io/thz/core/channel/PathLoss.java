package io.thz.core.channel;

/**
 * THz path loss, spreading plus molecular absorption, equation (6):
 * {@code Lpath(f, d) = (c / (4 pi f d))^2 exp(-k(f) d)}, in dB
 * {@code 20 log10(c / (4 pi f d)) - 10 k(f) d log10(e)}.
 *
 * <p>Lpath is a power gain: below 1 (negative in dB) beyond a fraction of a wavelength.
 *
 * @see <a href="https://arxiv.org/abs/2107.07198">Xu et al., arXiv 2107.07198, equation (6)</a>
 */
public final class PathLoss {

    /** Speed of light in vacuum, in m/s (exact by definition of the metre). */
    public static final double SPEED_OF_LIGHT_MPS = 299_792_458.0;

    private final double carrierHz;
    private final double absorptionPerM;

    /**
     * @param carrierHz      f, the carrier frequency, in Hz
     * @param absorptionPerM k(f), the molecular absorption coefficient, in 1/m
     */
    public PathLoss(double carrierHz, double absorptionPerM) {
        this.carrierHz = carrierHz;
        this.absorptionPerM = absorptionPerM;
    }

    /** The power gain Lpath(f, d), linear, for a distance in metres. */
    public double linear(double distanceM) {
        double spreading = SPEED_OF_LIGHT_MPS / (4 * Math.PI * carrierHz * distanceM);
        return spreading * spreading * StrictMath.exp(-absorptionPerM * distanceM);
    }

    /** The power gain Lpath(f, d) in dB (negative), for a distance in metres. */
    public double db(double distanceM) {
        return 20 * StrictMath.log10(SPEED_OF_LIGHT_MPS / (4 * Math.PI * carrierHz * distanceM))
                - 10 * absorptionPerM * distanceM * StrictMath.log10(Math.E);
    }

    /** The carrier wavelength c / f, in metres. */
    public double wavelengthM() {
        return SPEED_OF_LIGHT_MPS / carrierHz;
    }
}
