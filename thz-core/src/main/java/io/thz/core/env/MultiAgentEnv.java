package io.thz.core.env;

import io.thz.core.graph.AgentGraph;
import io.thz.core.policy.GraphObservation;

/**
 * The Dec-POMDP as the learner sees it (PyMARL's {@code MultiAgentEnv}): episodes of T slots,
 * a global reward, per-agent observations on the agent graph, a global state for the critics.
 */
public interface MultiAgentEnv {

    /** Sizes of the features and actions. */
    EnvInfo info();

    /** The agent graph (fixed: APs and RISs do not move). */
    AgentGraph graph();

    /**
     * Starts an episode; every random draw of the episode derives from {@code episodeSeed}.
     *
     * @return the first slot's observation
     */
    GraphObservation reset(long episodeSeed);

    /** The current slot's global state s(t). */
    float[] state();

    /** The current slot as a policy sees it. */
    SlotView view();

    /** Plays the current slot with the joint action and moves to the next slot. */
    StepResult step(JointAction action);

    /** Per-user reliability over the episode so far: the fraction of slots with q_k below q_max (24). */
    double[] reliability();
}
