package io.thz.core.sim;

import io.thz.core.channel.SlotChannels;
import io.thz.core.geometry.Vec3;

import java.util.List;

/**
 * One simulated slot: where the users are, which LoS paths are clear, the channels and the
 * traffic that arrives during the slot. Arrays are fresh for every slot; users are in the
 * scenario's global order.
 *
 * @param slot           global slot index t = 0, 1, ... since the simulator's start
 * @param episode        episode index, t / T
 * @param slotInEpisode  t mod T; 0 is the first slot of an episode (users freshly dropped,
 *                       queues to be emptied)
 * @param lastInEpisode  true for the episode's last slot (slotInEpisode = T - 1): the episode is
 *                       truncated by its time limit after it
 * @param users          user positions, in metres
 * @param losDirect      [M][K] LoS indicators of the AP-user links
 * @param losRis         [J][K] LoS indicators of the RIS-user links
 * @param channels       the slot's channels
 * @param arrivalsGbit   A_k(t), traffic arriving during the slot, in Gbit
 */
public record NetworkSlot(long slot, long episode, int slotInEpisode, boolean lastInEpisode, List<Vec3> users,
                          boolean[][] losDirect, boolean[][] losRis, SlotChannels channels, double[] arrivalsGbit) {
}
