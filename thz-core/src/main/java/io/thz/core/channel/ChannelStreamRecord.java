package io.thz.core.channel;

/**
 * One slot read back from a channel stream.
 *
 * @param slot     the slot index written with it
 * @param channels its channels
 */
public record ChannelStreamRecord(long slot, SlotChannels channels) {
}
