package io.thz.core.channel;

import io.thz.core.random.RandomStream;

/**
 * Human-body blockage of a LoS path (spec section 3, the paper's ref. [7]): blockers are
 * cylinders of radius r_B and height h_B dropped as a Poisson point process of density lambda_B,
 * so a LoS path of horizontal length d2D between heights h_T and h_U is clear with probability
 * {@code P_LoS(d2D) = exp(-2 lambda_B r_B (h_B - h_U) / (h_T - h_U) d2D)}.
 * Blockers no taller than the user never block ({@code P_LoS = 1}).
 */
public final class HumanBlockage {

    private final double blockerDensityPerM2;
    private final double blockerRadiusM;
    private final double blockerHeightM;
    private final double userHeightM;

    /**
     * @param blockerDensityPerM2 lambda_B, blockers per square metre
     * @param blockerRadiusM      r_B, in metres
     * @param blockerHeightM      h_B, in metres
     * @param userHeightM         h_U, in metres
     */
    public HumanBlockage(double blockerDensityPerM2, double blockerRadiusM, double blockerHeightM,
                         double userHeightM) {
        this.blockerDensityPerM2 = blockerDensityPerM2;
        this.blockerRadiusM = blockerRadiusM;
        this.blockerHeightM = blockerHeightM;
        this.userHeightM = userHeightM;
    }

    /**
     * P_LoS, the probability that the LoS path is clear.
     *
     * @param horizontalDistanceM d2D, the transmitter-user distance projected on the floor, in m
     * @param transmitterHeightM  h_T, in metres (AP 3 m, RIS 2 m by default); must exceed h_U
     */
    public double losProbability(double horizontalDistanceM, double transmitterHeightM) {
        if (blockerHeightM <= userHeightM) {
            return 1.0;
        }
        double fraction = (blockerHeightM - userHeightM) / (transmitterHeightM - userHeightM);
        return StrictMath.exp(-2 * blockerDensityPerM2 * blockerRadiusM * fraction * horizontalDistanceM);
    }

    /** The Bernoulli draw 1_LoS: true (LoS present) with the given probability; one uniform. */
    public static boolean drawLos(double losProbability, RandomStream random) {
        return random.nextDouble() < losProbability;
    }
}
