package io.thz.learner.components;

import io.thz.core.env.SlotMetrics;
import io.thz.core.policy.GraphObservation;

import java.util.List;

/**
 * One on-policy episode of T slots, as the learner needs it to recompute the whole graph's forward
 * pass: T + 1 observations and states (the last one for the value bootstrap), the sampled actions
 * in the networks' own terms, the global rewards and the two end flags.
 *
 * @param index        the environment's episode index
 * @param observations T + 1 graph observations
 * @param states       T + 1 global states
 * @param apLogits     [T][M][K_m + 1] the sampled Gaussian logits x of each AP
 * @param risChoices   [T][J][L] the sampled choice of each RIS element (0 = OFF, c = phase c - 1)
 * @param metrics      [T] per-slot reward and report values
 * @param terminated   [T] the episode ended by itself after slot t
 * @param truncated    [T] the time limit cut the episode after slot t
 * @param reliability  per user, the fraction of slots with the queue below q_max (24)
 */
public record Episode(long index, List<GraphObservation> observations, List<float[]> states,
                      float[][][] apLogits, int[][][] risChoices, SlotMetrics[] metrics,
                      boolean[] terminated, boolean[] truncated, double[] reliability) {

    /** T, the number of slots played. */
    public int length() {
        return metrics.length;
    }

    /** The global reward of slot t. */
    public double reward(int t) {
        return metrics[t].reward();
    }
}
