package io.thz.core.env;

/**
 * A joint policy for the whole network, learned or not: what evaluation runs. Recurrent policies
 * reset their state at every episode start.
 */
public interface Policy {

    /** Called at the start of every episode with that episode's seed (for stochastic policies). */
    void reset(long episodeSeed);

    /** The joint action of one slot. */
    JointAction act(SlotView view);

    /** Short name for reports. */
    String name();
}
