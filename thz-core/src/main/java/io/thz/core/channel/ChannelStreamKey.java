package io.thz.core.channel;

/**
 * Where a record sits in its episode: the first {@link ChannelStreamFormat#RECORD_KEY_BYTES} bytes
 * of a record, enough to index a stream without decoding its channels.
 *
 * @param slot          global slot index t
 * @param episode       episode index
 * @param slotInEpisode 0..T-1, or T for a bootstrap record
 * @param lastInEpisode true for slot T-1
 * @param bootstrap     true for slot T, the bootstrap record
 */
public record ChannelStreamKey(long slot, long episode, int slotInEpisode, boolean lastInEpisode, boolean bootstrap) {
}
