package io.thz.core.env;

import io.thz.core.policy.GraphObservation;

/**
 * One environment step.
 *
 * @param observation the observation of the next slot (after the last slot of an episode: the
 *                    observation the value bootstrap is computed on)
 * @param state       the global state of the next slot
 * @param metrics     reward and report values of the slot just played
 * @param terminated  the episode ended by itself (never, in this network: no terminal state)
 * @param truncated   the episode was cut by its time limit of T slots
 */
public record StepResult(GraphObservation observation, float[] state, SlotMetrics metrics, boolean terminated,
                         boolean truncated) {
}
