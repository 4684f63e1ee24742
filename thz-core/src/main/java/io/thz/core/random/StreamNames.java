package io.thz.core.random;

/**
 * Names of the random-stream subtrees under a master seed (see {@link RandomStreams}). A concern
 * that needs randomness takes its own name here, so adding it shifts nothing else.
 */
public final class StreamNames {

    /** User positions at each episode start. */
    public static final String USER_DROP = "user-drop";
    /** Random-walk steps of the users. */
    public static final String MOBILITY = "mobility";
    /** Human-blockage (LoS) draws of the AP-user and RIS-user links. */
    public static final String BLOCKAGE = "blockage";
    /** Poisson traffic arrivals. */
    public static final String TRAFFIC = "traffic";
    /**
     * The extra slot an environment generates after an episode's time limit, to bootstrap the
     * value of the truncated episode (one more random-walk step and blockage draw).
     */
    public static final String BOOTSTRAP = "bootstrap";
    /** Spare: stochastic policies (action sampling). */
    public static final String POLICY = "policy";
    /** Spare: exploration noise of learners. */
    public static final String EXPLORATION = "exploration";
    /** Spare: network weight initialisation. */
    public static final String INITIALISATION = "initialisation";

    private StreamNames() {
    }
}
