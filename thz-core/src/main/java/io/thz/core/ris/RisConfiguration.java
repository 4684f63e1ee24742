package io.thz.core.ris;

import io.thz.core.model.RisAction;

/**
 * The reflection coefficients {@code omega_l e^{j theta_l}} of one RIS for one slot, equations
 * (1)-(3): the diagonal of {@code Theta_j}. An OFF element reflects nothing (coefficient 0).
 *
 * @param re real parts, one per element (dimensionless)
 * @param im imaginary parts, one per element (dimensionless)
 */
public record RisConfiguration(double[] re, double[] im) {

    /** Number of elements L. */
    public int elements() {
        return re.length;
    }

    /** The coefficients of a RIS action with {@code risBits} phase bits B_R. */
    public static RisConfiguration of(RisAction action, int risBits) {
        int elements = action.on().length;
        double[] re = new double[elements];
        double[] im = new double[elements];
        fill(action, risBits, re, im);
        return new RisConfiguration(re, im);
    }

    /**
     * Writes the coefficients of {@code action} into {@code re}/{@code im} (length at least L),
     * without allocating.
     *
     * @throws IllegalArgumentException when the arrays of the action differ in length or a phase
     *                                  level is outside 0..2^B_R - 1
     */
    public static void fill(RisAction action, int risBits, double[] re, double[] im) {
        boolean[] on = action.on();
        int[] phase = action.phase();
        if (phase.length != on.length) {
            throw new IllegalArgumentException("RIS action has " + on.length + " on flags but "
                    + phase.length + " phase levels");
        }
        int levels = levels(risBits);
        for (int l = 0; l < on.length; l++) {
            if (phase[l] < 0 || phase[l] >= levels) {
                throw new IllegalArgumentException("phase level " + phase[l] + " of element " + l
                        + " outside 0.." + (levels - 1));
            }
            if (on[l]) { // omega_jl = 1 (1)
                double theta = phaseRad(phase[l], risBits);
                re[l] = Math.cos(theta);
                im[l] = Math.sin(theta);
            } else {     // omega_jl = 0
                re[l] = 0.0;
                im[l] = 0.0;
            }
        }
    }

    /** Number of phase levels 2^B_R. */
    public static int levels(int risBits) {
        return 1 << risBits;
    }

    /** theta = 2^(1 - B_R) pi beta (2)-(3), in radians, for phase level beta. */
    public static double phaseRad(int level, int risBits) {
        return Math.scalb(Math.PI, 1 - risBits) * level;
    }

    /** Number of ON elements (omega_jl = 1) of an action. */
    public static int onElements(RisAction action) {
        int count = 0;
        for (boolean on : action.on()) {
            if (on) {
                count++;
            }
        }
        return count;
    }
}
