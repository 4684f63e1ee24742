package io.thz.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The channel-service's view of a run ({@code GET /run}): how far the slot clock is and what the
 * last slots achieved.
 *
 * @param runId          the run's id
 * @param state          IDLE, RUNNING, PAUSED, DONE or FAILED
 * @param slot           slots completed
 * @param slotsTarget    slots asked for
 * @param episode        current episode
 * @param policyVersion  newest policy version the agents acted with
 * @param meanReward     mean reward (35) over the run
 * @param meanEeGbitPerJoule mean energy efficiency (21), Gbit/J
 * @param reliability    fraction of user-slots with q below q_max (24)
 * @param fallbackSlots  slots in which at least one agent missed the deadline
 * @param deadlineMisses agent actions replaced by a fallback
 * @param latencyP50Ms   median slot latency (observations out to outcome scored), ms
 * @param latencyP99Ms   99th percentile slot latency, ms
 * @param slotsPerSecond slots per second over the run
 * @param message        why the run failed, else null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunStatus(String runId, String state, long slot, long slotsTarget, int episode, long policyVersion,
                        double meanReward, double meanEeGbitPerJoule, double reliability, long fallbackSlots,
                        long deadlineMisses, double latencyP50Ms, double latencyP99Ms, double slotsPerSecond,
                        String message) {

    public boolean finished() {
        return "DONE".equals(state) || "FAILED".equals(state);
    }
}
