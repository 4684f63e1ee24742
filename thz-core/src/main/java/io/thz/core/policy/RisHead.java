package io.thz.core.policy;

import io.thz.core.model.RisAction;

import java.util.random.RandomGenerator;

/**
 * The RIS action head (spec section 9): per element an independent categorical over
 * {@code 1 + 2^B_R} choices; choice 0 switches the element OFF, choice c >= 1 switches it ON with
 * phase level beta = c - 1. Logits are element-major: element l's choices are
 * {@code logits[l*C .. l*C+C)}.
 */
public final class RisHead {

    private RisHead() {
    }

    /** Samples one choice per element. */
    public static int[] sample(float[] logits, int elements, int choices, RandomGenerator rng) {
        int[] c = new int[elements];
        double[] p = new double[choices];
        for (int l = 0; l < elements; l++) {
            softmax(logits, l * choices, choices, p);
            double u = rng.nextDouble();
            int pick = choices - 1;
            double cumulative = 0;
            for (int k = 0; k < choices; k++) {
                cumulative += p[k];
                if (u < cumulative) {
                    pick = k;
                    break;
                }
            }
            c[l] = pick;
        }
        return c;
    }

    /** The most likely choice per element (lowest index on ties). */
    public static int[] greedy(float[] logits, int elements, int choices) {
        int[] c = new int[elements];
        for (int l = 0; l < elements; l++) {
            int best = 0;
            for (int k = 1; k < choices; k++) {
                if (logits[l * choices + k] > logits[l * choices + best]) {
                    best = k;
                }
            }
            c[l] = best;
        }
        return c;
    }

    /** Sum over elements of log softmax(logits_l)[choice_l]. */
    public static double logProb(float[] logits, int[] choice, int choices) {
        double sum = 0;
        double[] p = new double[choices];
        for (int l = 0; l < choice.length; l++) {
            softmax(logits, l * choices, choices, p);
            sum += Math.log(p[choice[l]]);
        }
        return sum;
    }

    /** The RIS configuration (1)-(3) of a choice vector. */
    public static RisAction toAction(int[] choice) {
        boolean[] on = new boolean[choice.length];
        int[] phase = new int[choice.length];
        for (int l = 0; l < choice.length; l++) {
            on[l] = choice[l] > 0;
            phase[l] = choice[l] > 0 ? choice[l] - 1 : 0;
        }
        return new RisAction(on, phase);
    }

    /** The choice vector of a RIS configuration (inverse of {@link #toAction}). */
    public static int[] toChoice(RisAction action) {
        int[] c = new int[action.on().length];
        for (int l = 0; l < c.length; l++) {
            c[l] = action.on()[l] ? action.phase()[l] + 1 : 0;
        }
        return c;
    }

    private static void softmax(float[] logits, int offset, int n, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, logits[offset + k]);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            out[k] = Math.exp(logits[offset + k] - max);
            sum += out[k];
        }
        for (int k = 0; k < n; k++) {
            out[k] /= sum;
        }
    }
}
