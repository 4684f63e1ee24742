package io.thz.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.thz.messaging.ServiceTopics;
import io.thz.messaging.Topic;
import io.thz.messaging.TopicLayout;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** overlays/scaled: two native replicas per agent service, topics as Strimzi KafkaTopics. */
class ScaledOverlayTest {

    private final Manifests scaled = Kustomize.overlay("scaled");

    @Test
    void runsTwoReplicasOfEachAgentServiceAndOneOfTheOthers() {
        assertThat(scaled.deployment("ap-agent-service").getSpec().getReplicas()).isEqualTo(2);
        assertThat(scaled.deployment("ris-agent-service").getSpec().getReplicas()).isEqualTo(2);
        assertThat(scaled.deployment("channel-service").getSpec().getReplicas()).isEqualTo(1);
        assertThat(scaled.deployment("learner-service").getSpec().getReplicas()).isEqualTo(1);
    }

    @Test
    void runsTheAgentsAsNativeImagesWithLessMemoryThanTheirJvmImages() {
        Manifests base = Kustomize.base();
        for (String agent : OverlayManifestsTest.AGENTS) {
            var nativeAgent = Manifests.container(scaled.deployment(agent));
            var jvmAgent = Manifests.container(base.deployment(agent));
            assertThat(nativeAgent.getImage()).isEqualTo("thz/" + agent + ":0.1.0-SNAPSHOT-native");
            assertThat(jvmAgent.getImage()).isEqualTo("thz/" + agent + ":0.1.0-SNAPSHOT");
            assertThat(Quantity.getAmountInBytes(nativeAgent.getResources().getLimits().get("memory")))
                    .isLessThan(Quantity.getAmountInBytes(jvmAgent.getResources().getLimits().get("memory")));
        }
        assertThat(Manifests.container(scaled.deployment("learner-service")).getImage())
                .as("the learner has no native image").doesNotEndWith("-native");
    }

    @Test
    void declaresExactlyTheTopicsTheServicesWouldCreate() {
        TopicLayout layout = layout();
        assertThat(topics().keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Topic.values()).map(layout::name).toList());
        assertThat(scaled.generic("KafkaTopic")).as("one KafkaTopic per topic").hasSize(Topic.values().length);
        for (Topic t : Topic.values()) {
            NewTopic created = ServiceTopics.created(layout, t);
            GenericKubernetesResource declared = topics().get(created.name());
            assertThat(partitions(declared)).as(created.name() + " partitions").isEqualTo(created.numPartitions());
            assertThat(((Number) spec(declared).get("replicas")).shortValue()).as(created.name() + " replicas")
                    .isEqualTo(created.replicationFactor());
            Map<String, String> config = new HashMap<>();
            config(declared).forEach((k, v) -> config.put(k, String.valueOf(v)));
            String minInSync = config.remove("min.insync.replicas");
            assertThat(config).as(created.name() + " config, besides min.insync.replicas").isEqualTo(created.configs());
            assertThat(Integer.parseInt(minInSync)).as(created.name() + " min.insync.replicas leaves one replica spare")
                    .isBetween(1, created.replicationFactor() - 1);
        }
        assertThat(config(topics().get(layout.name(Topic.POLICY)))).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void topicsUseOnlyFieldsOfStrimzisKafkaTopicSpec() {
        for (GenericKubernetesResource topic : scaled.generic("KafkaTopic")) {
            assertThat(topic.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(spec(topic).keySet()).as(topic.getMetadata().getName() + " spec")
                    .containsOnly("topicName", "partitions", "replicas", "config");
            assertThat(topic.getAdditionalProperties().keySet()).as(topic.getMetadata().getName())
                    .containsOnly("spec");
        }
    }

    @Test
    void agentTopicsAreCoPartitionedWithEnoughPartitionsForEveryReplica() {
        Map<String, GenericKubernetesResource> topics = topics();
        TopicLayout layout = layout();
        List<Topic> agentTopics = Arrays.stream(Topic.values()).filter(Topic::agentPartitioned).toList();
        assertThat(agentTopics).extracting(layout::name).contains("thz.observations.ap", "thz.embeddings.ap",
                "thz.observations.ris", "thz.embeddings.ris");
        int partitions = partitions(topics.get(layout.name(Topic.OBSERVATIONS_AP)));
        for (Topic t : agentTopics) {
            assertThat(partitions(topics.get(layout.name(t)))).as(layout.name(t) + " partitions").isEqualTo(partitions);
        }
        for (String agent : OverlayManifestsTest.AGENTS) {
            assertThat(partitions).as("partitions per agent topic >= replicas of " + agent)
                    .isGreaterThanOrEqualTo(scaled.deployment(agent).getSpec().getReplicas());
        }
    }

    @Test
    void servicesPointAtTheBootstrapServiceOfTheStrimziClusterThatOwnsTheTopics() {
        List<GenericKubernetesResource> topics = scaled.generic("KafkaTopic");
        List<String> clusters = topics.stream().map(t -> t.getMetadata().getLabels().get("strimzi.io/cluster"))
                .distinct().toList();
        List<String> namespaces = topics.stream().map(t -> t.getMetadata().getNamespace()).distinct().toList();
        assertThat(clusters).as("one Strimzi cluster").hasSize(1).doesNotContainNull();
        assertThat(namespaces).as("one Kafka namespace").hasSize(1).doesNotContainNull();
        String expected = clusters.get(0) + "-kafka-bootstrap." + namespaces.get(0) + ":9092";
        for (Deployment d : scaled.deployments()) {
            assertThat(scaled.environment(d)).as(d.getMetadata().getName())
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", expected);
        }
    }

    /** The topic layout every service of the overlay is configured with (thz.topics.* from its environment). */
    private TopicLayout layout() {
        List<TopicLayout> layouts = scaled.deployments().stream().map(scaled::environment)
                .map(env -> new TopicLayout(env.get("THZ_TOPICS_PREFIX"),
                        Integer.parseInt(env.get("THZ_TOPICS_AGENT_PARTITIONS")),
                        Short.parseShort(env.get("THZ_TOPICS_REPLICATION_FACTOR")),
                        Long.parseLong(env.get("THZ_TOPICS_RETENTION_MS"))))
                .distinct().toList();
        assertThat(layouts).as("one topic layout for all services").hasSize(1);
        return layouts.get(0);
    }

    private Map<String, GenericKubernetesResource> topics() {
        return scaled.generic("KafkaTopic").stream()
                .collect(Collectors.toMap(t -> (String) spec(t).get("topicName"), Function.identity()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource topic) {
        return (Map<String, Object>) topic.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(GenericKubernetesResource topic) {
        return (Map<String, Object>) spec(topic).get("config");
    }

    private static int partitions(GenericKubernetesResource topic) {
        return ((Number) spec(topic).get("partitions")).intValue();
    }
}
