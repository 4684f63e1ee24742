package io.thz.messaging;

/**
 * The topics of the slot protocol (architecture: "One slot over Kafka"). Agent topics are keyed
 * by agent id and share one partition count, so they are co-partitioned.
 */
public enum Topic {
    /** channel -> AP agents: ObservationRecord, key = AP agent id. */
    OBSERVATIONS_AP("observations.ap", true, false),
    /** channel -> RIS agents: ObservationRecord, key = RIS agent id. */
    OBSERVATIONS_RIS("observations.ris", true, false),
    /** agents -> AP agents: EmbeddingRecord, key = destination AP agent id. */
    EMBEDDINGS_AP("embeddings.ap", true, false),
    /** agents -> RIS agents: EmbeddingRecord, key = destination RIS agent id. */
    EMBEDDINGS_RIS("embeddings.ris", true, false),
    /** agents -> channel: ActionRecord, key = agent id. */
    ACTIONS("actions", true, false),
    /** channel -> anyone: OutcomeRecord, key = run id. */
    OUTCOMES("outcomes", false, false),
    /** channel -> learner: ExperienceRecord, key = run id (one partition keeps slot order). */
    EXPERIENCE("experience", false, false),
    /** learner -> agents: PolicyRecord, key = algorithm; compacted: the newest weights survive. */
    POLICY("policy", false, true),
    /** any service: records that could not be decoded or handled, with the reason in headers. */
    DEAD_LETTERS("dead-letters", false, false);

    private final String suffix;
    private final boolean agentPartitioned;
    private final boolean compacted;

    Topic(String suffix, boolean agentPartitioned, boolean compacted) {
        this.suffix = suffix;
        this.agentPartitioned = agentPartitioned;
        this.compacted = compacted;
    }

    /** The topic's full name under a prefix such as {@code thz.}. */
    public String name(String prefix) {
        return prefix + suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** Keyed by agent id, with the agent partition count. */
    public boolean agentPartitioned() {
        return agentPartitioned;
    }

    public boolean compacted() {
        return compacted;
    }
}
