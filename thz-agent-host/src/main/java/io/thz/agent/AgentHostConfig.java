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

    /** A name for this replica in logs and status (default: the host name). */
    @WithDefault("${HOSTNAME:${quarkus.uuid}}")
    String replica();
}
