package io.thz.core.env;

import io.thz.core.model.Clustering;
import io.thz.core.model.RisAction;

import java.util.Arrays;
import java.util.Objects;

/**
 * What every agent decided for one slot (spec section 9, equation 28).
 *
 * @param powersW    [M][K_m] transmit power of each AP's users in watts (AP m's users in the order
 *                   of the scenario: its SE users, then its IoT users), each row summing to at most
 *                   P_max
 * @param ris        [J] RIS configurations (ON/OFF and phase level per element)
 * @param clustering user clustering the APs apply (QoS-based for the learned policies; the
 *                   CSI-based baseline chooses CSI)
 */
public record JointAction(double[][] powersW, RisAction[] ris, Clustering clustering) {

    /**
     * Relative slack allowed on {@code sum p <= P_max}: powers computed as {@code P_max softmax(.)}
     * may exceed P_max by rounding.
     */
    public static final double POWER_SUM_TOLERANCE = 1e-9;

    public JointAction {
        Objects.requireNonNull(powersW, "powersW");
        Objects.requireNonNull(ris, "ris");
        Objects.requireNonNull(clustering, "clustering");
    }

    /**
     * Equal power allocation, P_max / K_m to every user, and every RIS element OFF: the action of
     * the no-RIS baselines and the environment's "previous action" at an episode start.
     */
    public static JointAction equalPowerRisOff(EnvInfo info, Clustering clustering) {
        double[][] powers = new double[info.aps()][info.usersPerAp()];
        for (double[] row : powers) {
            Arrays.fill(row, info.pmaxW() / info.usersPerAp());
        }
        RisAction[] ris = new RisAction[info.rises()];
        for (int j = 0; j < ris.length; j++) {
            ris[j] = new RisAction(new boolean[info.risElements()], new int[info.risElements()]);
        }
        return new JointAction(powers, ris, clustering);
    }

    /**
     * Checks the action against the environment's sizes.
     *
     * @return this action
     * @throws IllegalArgumentException naming the first bad field, e.g. {@code powersW[1][2]} or
     *                                  {@code ris[0].phase[3]}
     */
    public JointAction validate(EnvInfo info) {
        if (powersW.length != info.aps()) {
            throw new IllegalArgumentException("powersW has " + powersW.length + " rows, expected one per AP (M="
                    + info.aps() + ")");
        }
        for (int m = 0; m < powersW.length; m++) {
            double[] row = powersW[m];
            if (row == null) {
                throw new IllegalArgumentException("powersW[" + m + "] is missing");
            }
            if (row.length != info.usersPerAp()) {
                throw new IllegalArgumentException("powersW[" + m + "] has " + row.length
                        + " entries, expected one per user of the AP (K_m=" + info.usersPerAp() + ")");
            }
            double sum = 0;
            for (int k = 0; k < row.length; k++) {
                if (!(row[k] >= 0) || Double.isInfinite(row[k])) {
                    throw new IllegalArgumentException("powersW[" + m + "][" + k + "]=" + row[k]
                            + " W must be finite and >= 0");
                }
                sum += row[k];
            }
            if (sum > info.pmaxW() * (1 + POWER_SUM_TOLERANCE)) {
                throw new IllegalArgumentException("powersW[" + m + "] sums to " + sum + " W, above P_max="
                        + info.pmaxW() + " W");
            }
        }
        if (ris.length != info.rises()) {
            throw new IllegalArgumentException("ris has " + ris.length + " entries, expected one per RIS (J="
                    + info.rises() + ")");
        }
        int levels = info.risPhaseLevels();
        for (int j = 0; j < ris.length; j++) {
            RisAction action = ris[j];
            if (action == null || action.on() == null || action.phase() == null) {
                throw new IllegalArgumentException("ris[" + j + "] is missing" + (action == null ? ""
                        : action.on() == null ? " its on flags" : " its phase levels"));
            }
            if (action.on().length != info.risElements()) {
                throw new IllegalArgumentException("ris[" + j + "].on has " + action.on().length
                        + " elements, expected L=" + info.risElements());
            }
            if (action.phase().length != info.risElements()) {
                throw new IllegalArgumentException("ris[" + j + "].phase has " + action.phase().length
                        + " elements, expected L=" + info.risElements());
            }
            for (int l = 0; l < action.phase().length; l++) {
                if (action.phase()[l] < 0 || action.phase()[l] >= levels) {
                    throw new IllegalArgumentException("ris[" + j + "].phase[" + l + "]=" + action.phase()[l]
                            + " is outside the phase levels 0.." + (levels - 1));
                }
            }
        }
        return this;
    }

    /** A deep copy (the arrays of a record are shared otherwise). */
    public JointAction copy() {
        double[][] powers = new double[powersW.length][];
        for (int m = 0; m < powers.length; m++) {
            powers[m] = powersW[m].clone();
        }
        RisAction[] copies = new RisAction[ris.length];
        for (int j = 0; j < copies.length; j++) {
            copies[j] = new RisAction(ris[j].on().clone(), ris[j].phase().clone());
        }
        return new JointAction(powers, copies, clustering);
    }
}
