package io.thz.core.env;

import io.thz.core.policy.GraphObservation;
import io.thz.core.queue.QueueStep;
import io.thz.core.queue.Reward;
import io.thz.core.slot.SlotOutcome;

/**
 * One environment step: what the slot just played gave, and the next slot's observation.
 *
 * @param observation    the observation of the next slot (after the last slot of an episode: the
 *                       bootstrap observation, see {@link ThzNetworkEnv})
 * @param state          the global state of the next slot
 * @param metrics        reward and report values of the slot just played
 * @param terminated     the episode ended by itself (never, in this network: no terminal state)
 * @param truncated      the episode was cut by its time limit of T slots
 * @param reward         the reward (35) with its parts (null in test environments)
 * @param outcome        the scored slot: per-user SINR and rates, clusters, precoders, power, energy
 *                       efficiency (null in test environments)
 * @param queues         what the slot did to the queues: throughput, Lambda, q(t+1), Y(t+1) (null in
 *                       test environments)
 * @param reliability    per user, the fraction of the episode's slots so far that left q_k &lt; q_max
 *                       (24) (null in test environments)
 * @param seReliability  mean of {@code reliability} over the SE users
 * @param iotReliability mean of {@code reliability} over the IoT users (NaN without IoT users)
 * @param episode        episode index of the slot just played
 * @param slotInEpisode  t of the slot just played, 0..T-1
 */
public record StepResult(GraphObservation observation, float[] state, SlotMetrics metrics, boolean terminated,
                         boolean truncated, Reward reward, SlotOutcome outcome, QueueStep queues,
                         double[] reliability, double seReliability, double iotReliability, long episode,
                         int slotInEpisode) {

    /** A step with the learner's essentials only (test environments). */
    public StepResult(GraphObservation observation, float[] state, SlotMetrics metrics, boolean terminated,
                      boolean truncated) {
        this(observation, state, metrics, terminated, truncated, null, null, null, null, Double.NaN, Double.NaN,
                0, 0);
    }
}
