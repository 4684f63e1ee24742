package io.thz.messaging;

import io.thz.testing.kafka.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Topic creation against the real test broker. */
class TopicLayoutTest {

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }

    @Test
    void createsEveryTopicCoPartitionedAndIsIdempotent() throws Exception {
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
        TopicLayout layout = new TopicLayout(prefix, 4, (short) 1, 3_600_000L);
        layout.ensure(TestKafka.bootstrapServers(), TopicLayout.all());
        layout.ensure(TestKafka.bootstrapServers(), TopicLayout.all());
        try (Admin admin = admin()) {
            List<String> names = TopicLayout.all().stream().map(layout::name).toList();
            Map<String, TopicDescription> d = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(d.get(prefix + "observations.ap").partitions()).hasSize(4);
            assertThat(d.get(prefix + "embeddings.ap").partitions()).hasSize(4);
            assertThat(d.get(prefix + "embeddings.ris").partitions()).hasSize(4);
            assertThat(d.get(prefix + "experience").partitions()).hasSize(1);
            ConfigResource policy = new ConfigResource(ConfigResource.Type.TOPIC, prefix + "policy");
            Config config = admin.describeConfigs(List.of(policy)).all().get(30, TimeUnit.SECONDS).get(policy);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void refusesAnAgentTopicWithAnotherPartitionCount() throws Exception {
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(prefix + "embeddings.ap", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        TopicLayout layout = new TopicLayout(prefix, 4, (short) 1, 3_600_000L);
        assertThatThrownBy(() -> layout.ensure(TestKafka.bootstrapServers(), Set.of(Topic.EMBEDDINGS_AP, Topic.OBSERVATIONS_AP)))
                .hasMessageContaining("topic " + prefix + "embeddings.ap has 2 partitions but thz.topics.agent-partitions=4");
    }

    @Test
    void agentsAreSpreadSoRangeAssignmentSplitsThem() {
        TopicLayout layout = new TopicLayout("x.", 6, (short) 1, 3_600_000L);
        // 3 AP agents over 6 partitions: 0, 2, 4; two replicas get 0-2 and 3-5: ap-0, ap-1 | ap-2
        assertThat(List.of(layout.agentPartition(0, 3), layout.agentPartition(1, 3), layout.agentPartition(2, 3)))
                .containsExactly(0, 2, 4);
        // 4 RIS agents: 0, 1, 3, 4: two replicas get ris-0, ris-1 | ris-2, ris-3
        assertThat(List.of(layout.agentPartition(0, 4), layout.agentPartition(1, 4), layout.agentPartition(2, 4),
                layout.agentPartition(3, 4))).containsExactly(0, 1, 3, 4);
        // more agents than partitions: several share a partition, none falls outside
        for (int i = 0; i < 20; i++) {
            assertThat(layout.agentPartition(i, 20)).isBetween(0, 5);
        }
        assertThatThrownBy(() -> layout.agentPartition(3, 3)).hasMessageContaining("not in 0..2");
    }
}
