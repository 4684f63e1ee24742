package io.thz.messaging;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Names, partitions and retention of the topics, and their creation. Every service calls
 * {@link #ensure} at start-up for the topics it uses, so the first one up creates them and the
 * others find them; a topic that exists with another partition count than the agent topics is an
 * error (agents would not be co-partitioned).
 *
 * @param prefix            prefix of every topic name, e.g. {@code thz.}
 * @param agentPartitions   partitions of the agent-keyed topics (bounds how many replicas help)
 * @param replicationFactor replication factor of new topics
 * @param retentionMs       retention of non-compacted topics, ms
 */
public record TopicLayout(String prefix, int agentPartitions, short replicationFactor, long retentionMs) {

    private static final Logger LOG = Logger.getLogger(TopicLayout.class);

    public TopicLayout {
        if (agentPartitions < 1) {
            throw new IllegalArgumentException("thz.topics.agent-partitions=" + agentPartitions + " must be at least 1");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("thz.topics.replication-factor=" + replicationFactor + " must be at least 1");
        }
    }

    public String name(Topic topic) {
        return topic.name(prefix);
    }

    public int partitions(Topic topic) {
        return topic.agentPartitioned() ? agentPartitions : 1;
    }

    /**
     * The partition of an agent on the agent topics: agents of one type are spread evenly over the
     * partitions ({@code floor(index * P / count)}), so the range assignor, which gives each replica
     * a contiguous block of partitions, also gives each replica a contiguous, even share of the
     * agents (with Kafka's key hash, three AP keys may all fall in one replica's block).
     *
     * @param index          the agent's index within its type
     * @param agentsOfType   M for AP agents, J for RIS agents
     */
    public int agentPartition(int index, int agentsOfType) {
        if (index < 0 || index >= agentsOfType) {
            throw new IllegalArgumentException("agent index " + index + " is not in 0.." + (agentsOfType - 1));
        }
        return (int) ((long) index * agentPartitions / agentsOfType);
    }

    NewTopic newTopic(Topic topic) {
        Map<String, String> config = topic.compacted()
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                         TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "16777216")
                : Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs),
                         TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "16777216");
        return new NewTopic(name(topic), partitions(topic), replicationFactor).configs(config);
    }

    /** Creates the missing topics and checks the partition counts of all. */
    public void ensure(String bootstrapServers, Set<Topic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60000))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> create = new ArrayList<>();
            for (Topic t : topics) {
                if (!existing.contains(name(t))) {
                    create.add(newTopic(t));
                }
            }
            if (!create.isEmpty()) {
                for (var e : admin.createTopics(create).values().entrySet()) {
                    try {
                        e.getValue().get(60, TimeUnit.SECONDS);
                        LOG.infof("created topic %s", e.getKey());
                    } catch (ExecutionException ex) {
                        if (!(ex.getCause() instanceof TopicExistsException)) {
                            throw ex;
                        }
                    }
                }
            }
            List<String> names = topics.stream().map(this::name).toList();
            Map<String, TopicDescription> described = describe(admin, names);
            for (Topic t : topics) {
                int actual = described.get(name(t)).partitions().size();
                if (t.agentPartitioned() && actual != agentPartitions) {
                    throw new IllegalStateException("topic " + name(t) + " has " + actual + " partitions but "
                            + "thz.topics.agent-partitions=" + agentPartitions + ": agent topics must be co-partitioned; "
                            + "delete the topic or use another thz.topics.prefix");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the topics on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    /**
     * Describes the topics, retrying while a topic another service has just created is not yet
     * known to the broker's metadata (services start at the same time and race to create them).
     */
    private static Map<String, TopicDescription> describe(Admin admin, List<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /** Every topic of the protocol. */
    public static Set<Topic> all() {
        return EnumSet.allOf(Topic.class);
    }
}
