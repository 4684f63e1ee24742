package io.thz.core.wire;

import java.util.List;

/**
 * One scored slot (architecture, slot step 4); keyed by {@code runId}.
 *
 * @param schema             {@link WireRecord#SCHEMA}
 * @param runId              run id
 * @param slot               slot index in the run
 * @param episode            episode index
 * @param step               slot index in the episode
 * @param policyVersion      the lowest policy version among the agents' actions
 * @param reward             reward (35)
 * @param eeGbitPerJoule     energy efficiency (21), Gbit/J
 * @param sumRateGbps        sum throughput, Gbit/s
 * @param powerTotalW        total power (20), W
 * @param rateViolationGbps  delta of (35), Gbit/s
 * @param reliability        fraction of users whose queue is below q_max after this slot (24)
 * @param fallbackAgents     agents whose action missed the deadline and was replaced
 * @param latencyMs          observations published to slot scored, ms
 */
public record OutcomeRecord(int schema, String runId, long slot, int episode, int step, long policyVersion,
                            double reward, double eeGbitPerJoule, double sumRateGbps, double powerTotalW,
                            double rateViolationGbps, double reliability, List<String> fallbackAgents,
                            double latencyMs) implements WireRecord {
}
