package io.thz.core.wire;

import java.util.List;

/**
 * One agent's local observation of one slot (architecture, slot step 1); keyed by {@code agent}.
 *
 * @param schema        {@link WireRecord#SCHEMA}
 * @param runId         run id
 * @param slot          slot index in the run
 * @param episode       episode index
 * @param step          slot index in the episode (0 resets the GRU state)
 * @param agent         agent id, {@code ap-<i>} or {@code ris-<j>}
 * @param node          node feature o_i
 * @param outEdges      outbound edges with their features
 * @param inNeighbours  agents whose messages this agent waits for in each layer
 * @param deadlineEpochMs wall-clock deadline of the action, epoch ms
 */
public record ObservationRecord(int schema, String runId, long slot, int episode, int step, String agent,
                                float[] node, List<EdgeFeature> outEdges, List<String> inNeighbours,
                                long deadlineEpochMs) implements WireRecord {
}
