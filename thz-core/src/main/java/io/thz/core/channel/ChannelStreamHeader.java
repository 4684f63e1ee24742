package io.thz.core.channel;

import java.util.OptionalLong;

/**
 * The header of a channel stream.
 *
 * @param shape the network and record layout
 * @param seed  the simulator's master seed when the stream was simulated; empty for channels from
 *              elsewhere (e.g. measured)
 */
public record ChannelStreamHeader(ChannelStreamShape shape, OptionalLong seed) {
}
