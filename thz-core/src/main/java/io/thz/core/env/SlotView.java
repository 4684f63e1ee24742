package io.thz.core.env;

import io.thz.core.channel.SlotChannels;
import io.thz.core.graph.AgentGraph;
import io.thz.core.model.SlotConfig;
import io.thz.core.model.User;
import io.thz.core.policy.GraphObservation;
import io.thz.core.scenario.Scenario;

import java.util.List;

/**
 * What a policy may look at to act in a slot, a read-only view of the environment: the learned
 * policies read only the observation; the non-learning baselines may read the channels. Arrays are
 * copies or must be treated as read-only (the channels are the environment's own).
 *
 * @param observation       node and edge features
 * @param channels          the slot's channels (before RIS reconfiguration)
 * @param users             the users, each with its AP and type, in scenario order
 * @param config            the slot constants (P_max, RIS bits, ...), with the scenario's clustering
 * @param scenario          the scenario (null in test environments without one)
 * @param graph             the agent graph (null in test environments without one)
 * @param episode           episode index
 * @param slotInEpisode     t, 0..T-1
 * @param queuesGbit        q_k at the start of the slot, per user, in Gbit (null when unknown)
 * @param virtualQueuesGbit Y_k at the start of the slot, per user, in Gbit (null when unknown)
 * @param previousAction    the previous slot's joint action (the environment's default at t = 0)
 */
public record SlotView(GraphObservation observation, SlotChannels channels, List<User> users, SlotConfig config,
                       Scenario scenario, AgentGraph graph, long episode, int slotInEpisode,
                       double[] queuesGbit, double[] virtualQueuesGbit, JointAction previousAction) {

    /** A view with the observation and the physics only (test environments). */
    public SlotView(GraphObservation observation, SlotChannels channels, List<User> users, SlotConfig config) {
        this(observation, channels, users, config, null, null, 0, 0, null, null, null);
    }
}
