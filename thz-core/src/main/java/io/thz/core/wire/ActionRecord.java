package io.thz.core.wire;

/**
 * An agent's decision for one slot (architecture, slot step 3); keyed by {@code agent}.
 *
 * @param schema        {@link WireRecord#SCHEMA}
 * @param runId         run id
 * @param slot          slot index
 * @param agent         agent id
 * @param policyVersion version of the weights that chose the action (0: initial weights)
 * @param sample        AP agents: the Gaussian sample over the K_m + 1 power logits; empty for RIS
 * @param choices       RIS agents: per element 0 = OFF, 1 + beta = ON with phase level beta; empty for AP
 * @param logProb       log-probability of the sample under the policy
 * @param value         the agent's local value V_i (informational)
 */
public record ActionRecord(int schema, String runId, long slot, String agent, long policyVersion, float[] sample,
                           int[] choices, double logProb, double value) implements WireRecord {
}
