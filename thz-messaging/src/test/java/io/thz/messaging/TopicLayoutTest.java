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
}
