package io.thz.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** {@code thz.topics.*}: where the slot protocol's topics live. Shared by every service. */
@ConfigMapping(prefix = "thz.topics")
public interface TopicsConfig {

    /** Prefix of every topic name; distinct prefixes isolate runs on a shared broker. */
    @WithDefault("thz.")
    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may only hold letters, digits, '.', '_' and '-'")
    String prefix();

    /** Partitions of the agent-keyed topics; more replicas than this cannot share the agents. */
    @WithDefault("6")
    @Min(1)
    int agentPartitions();

    /** Replication factor of the topics this deployment creates. */
    @WithDefault("1")
    @Min(1)
    short replicationFactor();

    /** Retention of the non-compacted topics, ms (default one day). */
    @WithDefault("86400000")
    @Min(60000)
    long retentionMs();

    default TopicLayout layout() {
        return new TopicLayout(prefix(), agentPartitions(), replicationFactor(), retentionMs());
    }
}
