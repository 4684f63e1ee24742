package io.thz.core.wire;

/**
 * Weights the learner publishes (architecture, slot step 5) on the compacted policy topic, keyed by
 * the algorithm name so the newest version survives compaction.
 *
 * @param schema    {@link WireRecord#SCHEMA}
 * @param runId     the learner's run id
 * @param algorithm ge-vdac, ie-vdac or vdac
 * @param version   the learner's update counter (0: initial weights)
 * @param blob      the versioned weight blob ({@link io.thz.core.policy.WeightBlob#toBytes()}),
 *                  with its own format version, shape and checksum
 */
public record PolicyRecord(int schema, String runId, String algorithm, long version, byte[] blob) implements WireRecord {
}
