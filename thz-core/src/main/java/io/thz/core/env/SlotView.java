package io.thz.core.env;

import io.thz.core.channel.SlotChannels;
import io.thz.core.model.SlotConfig;
import io.thz.core.model.User;
import io.thz.core.policy.GraphObservation;

import java.util.List;

/**
 * What a policy may look at to act in a slot: the learned policies read only the observation; the
 * non-learning baselines may read the channels.
 *
 * @param observation node and edge features
 * @param channels    the slot's channels (before RIS reconfiguration)
 * @param users       the users, each with its AP and type
 * @param config      the slot constants (P_max, RIS bits, ...)
 */
public record SlotView(GraphObservation observation, SlotChannels channels, List<User> users, SlotConfig config) {
}
