package io.thz.core.wire;

/**
 * A message between agents (architecture, slot step 2); keyed by the destination {@code to}.
 * Under ge-vdac it is the learned embedding e_ii'^(n) of layer n (38); under ie-vdac the raw edge
 * feature d_ii' (layer 0); vdac sends none.
 *
 * @param schema  {@link WireRecord#SCHEMA}
 * @param runId   run id
 * @param slot    slot index
 * @param layer   message-passing layer (0-based); 0 for raw features
 * @param from    sender agent id
 * @param to      destination agent id
 * @param type    edge type name
 * @param vector  the message
 */
public record EmbeddingRecord(int schema, String runId, long slot, int layer, String from, String to, String type,
                              float[] vector) implements WireRecord {
}
