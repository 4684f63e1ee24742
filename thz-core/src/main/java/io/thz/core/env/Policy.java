package io.thz.core.env;

/**
 * A joint policy for the whole network, learned or not: what evaluation runs. Recurrent policies
 * reset their state at every episode start.
 */
public interface Policy {

    /** Called at the start of every episode with a seed for the policy's own draws (stochastic policies). */
    void reset(long seed);

    /** The joint action of one slot. */
    JointAction act(SlotView view);

    /** Short name for reports. */
    String name();
}
