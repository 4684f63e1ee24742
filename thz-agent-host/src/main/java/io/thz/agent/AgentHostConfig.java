package io.thz.agent;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;

/** {@code thz.agent.*}: which agents this service hosts. */
@ConfigMapping(prefix = "thz.agent")
public interface AgentHostConfig {

    /** ap or ris: the agent type this service hosts (set by each service's application.properties). */
    @Pattern(regexp = "ap|ris", message = "must be ap or ris")
    String type();

    /**
     * How long before a slot's deadline an agent stops waiting for silent in-neighbours and acts
     * on the messages it has (ms): a crashed neighbour then costs accuracy, not the action.
     */
    @WithDefault("200")
    @jakarta.validation.constraints.Min(0)
    long stragglerSlackMs();

    /** A name for this replica in logs and status (default: the host name). */
    @WithDefault("${HOSTNAME:${quarkus.uuid}}")
    String replica();
}
