package io.thz.core.slot;

import io.thz.core.channel.SlotChannels;
import io.thz.core.model.RisAction;
import io.thz.core.model.SlotConfig;
import io.thz.core.model.User;

import java.util.List;

/**
 * One slot to score, as the slot case format (spec section 11) describes it.
 *
 * @param config   physical constants
 * @param users    the K users, in input order
 * @param channels the slot's channels before RIS reconfiguration
 * @param ris      one action per RIS (J entries)
 * @param powerW   per user, the transmit power p_k in watts
 */
public record SlotCase(SlotConfig config, List<User> users, SlotChannels channels,
                       List<RisAction> ris, double[] powerW) {
}
