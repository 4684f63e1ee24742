package io.thz.core.wire;

import java.util.List;

/**
 * Everything the learner needs to recompute the whole graph's forward pass for one slot
 * (architecture, slot step 4); keyed by {@code runId} on a one-partition topic, so slots arrive in
 * order. The fields mirror the learner's episode: features and state of the slot, the sampled
 * actions in the networks' own terms, the reward and report values, the two end flags, and at the
 * end of an episode the observation the value bootstrap is computed on.
 *
 * @param schema            {@link WireRecord#SCHEMA}
 * @param runId             run id
 * @param slot              slot index in the run
 * @param episode           episode index in the run
 * @param step              slot index in the episode, 0..T-1
 * @param episodeSeed       the environment seed of the episode
 * @param policyVersion     the lowest policy version among the slot's actions
 * @param apNodes           [M][d] AP node features
 * @param risNodes          [J][d] RIS node features
 * @param edges             [E][d] edge features in the graph's canonical order
 * @param state             global state s(t)
 * @param apLogits          [M][K_m + 1] sampled Gaussian power logits
 * @param risChoices        [J][L] sampled element choices (0 = OFF, c = phase level c - 1)
 * @param logProbs          [M + J] the agents' log-probabilities of their actions (APs, then RISs)
 * @param fallbackAgents    agents whose action was a deadline fallback, not a policy sample
 * @param reward            reward (35)
 * @param eeGbitPerJoule    energy efficiency, Gbit/J
 * @param sumRateGbps       sum throughput, Gbit/s
 * @param powerW            total power, W
 * @param rateViolationGbps delta of (35), Gbit/s
 * @param seQueueOk         fraction of SE users with q below q_max after the slot
 * @param iotQueueOk        fraction of IoT users with q below q_max after the slot
 * @param terminated        the episode ended by itself after this slot (never in this network)
 * @param truncated         the time limit ended the episode after this slot
 * @param nextApNodes       at the episode's end: the bootstrap observation's AP nodes, else empty
 * @param nextRisNodes      likewise, RIS nodes
 * @param nextEdges         likewise, edges
 * @param nextState         likewise, the global state
 * @param reliability       at the episode's end: per user, the fraction of slots with q below q_max; else empty
 */
public record ExperienceRecord(int schema, String runId, long slot, long episode, int step, long episodeSeed,
                               long policyVersion, float[][] apNodes, float[][] risNodes, float[][] edges,
                               float[] state, float[][] apLogits, int[][] risChoices, double[] logProbs,
                               List<String> fallbackAgents, double reward, double eeGbitPerJoule, double sumRateGbps,
                               double powerW, double rateViolationGbps, double seQueueOk, double iotQueueOk,
                               boolean terminated, boolean truncated, float[][] nextApNodes, float[][] nextRisNodes,
                               float[][] nextEdges, float[] nextState, double[] reliability) implements WireRecord {

    /** Whether the episode ends with this slot (the bootstrap fields are then filled). */
    public boolean lastOfEpisode() {
        return terminated || truncated;
    }
}
