package io.thz.testbed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to run the testbed.
 *
 * @param root            repository root (where the services' packaged jars are)
 * @param runDir          where logs, the report and plots go
 * @param scenario        scenario file, or null for the bundled default
 * @param replay          a recorded channel stream to replay instead of simulating, or null
 * @param slots           slots to run
 * @param seed            seed of the channel stream and of the agents' sampling
 * @param algorithm       ge-vdac, ie-vdac or vdac
 * @param apReplicas      replicas of ap-agent-service
 * @param risReplicas     replicas of ris-agent-service
 * @param bootstrap       an existing Kafka broker, or null to start the local one
 * @param topicPrefix     prefix of every topic name (isolates runs on a shared broker)
 * @param basePort        first HTTP port; services take consecutive ports
 * @param slotDeadline    per-slot deadline after which missing actions are replaced
 * @param learn           whether the learner trains and broadcasts weights
 * @param properties      further configuration for every service (e.g. thz.learner.episodes-per-update)
 */
public record TestbedOptions(Path root, Path runDir, Path scenario, Path replay, long slots, long seed, String algorithm,
                             int apReplicas, int risReplicas, String bootstrap, String topicPrefix, int basePort,
                             Duration slotDeadline, boolean learn, Map<String, String> properties) {
}
