package io.thz.core.channel;

import io.thz.core.geometry.Vec3;

import java.util.List;
import java.util.Objects;

/**
 * One record of a channel stream: a slot the environment plays, or the bootstrap slot after an
 * episode's time limit (see {@link ChannelStreamFormat}). Users are in the stream's global order.
 *
 * @param slot          global slot index t; a bootstrap record has t of its episode's last slot + 1
 * @param episode       episode index
 * @param slotInEpisode 0..T-1, or T for a bootstrap record
 * @param lastInEpisode true for slot T-1, the episode's last played slot
 * @param bootstrap     true for the bootstrap record (slot T, never played)
 * @param arrivalsGbit  A_k(t), traffic arriving during the slot, in Gbit (all 0 in a bootstrap record)
 * @param positions     user positions, in metres; null when the stream carries no geometry
 * @param losDirect     [M][K] LoS indicators of the AP-user links; null without geometry
 * @param losRis        [J][K] LoS indicators of the RIS-user links; null without geometry
 * @param channels      the slot's channels (before RIS reconfiguration)
 */
public record ChannelStreamRecord(long slot, long episode, int slotInEpisode, boolean lastInEpisode, boolean bootstrap,
                                  double[] arrivalsGbit, List<Vec3> positions, boolean[][] losDirect,
                                  boolean[][] losRis, SlotChannels channels) {

    public ChannelStreamRecord {
        Objects.requireNonNull(arrivalsGbit, "arrivalsGbit");
        Objects.requireNonNull(channels, "channels");
    }

    /** Whether positions and LoS draws are present. */
    public boolean hasGeometry() {
        return positions != null;
    }
}
