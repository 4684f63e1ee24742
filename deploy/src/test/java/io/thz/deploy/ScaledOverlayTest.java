package io.thz.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** overlays/scaled: two native replicas per agent service, topics as Strimzi KafkaTopics. */
class ScaledOverlayTest {

    private static final List<String> TOPICS = List.of("thz.observations.ap", "thz.observations.ris",
            "thz.embeddings.ap", "thz.embeddings.ris", "thz.actions", "thz.outcomes", "thz.experience",
            "thz.policy", "thz.dead-letters");

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
    void declaresEveryTopicOfTheSlotProtocolOnce() {
        assertThat(topics().keySet()).containsExactlyInAnyOrderElementsOf(TOPICS);
        assertThat(scaled.generic("KafkaTopic")).hasSize(TOPICS.size());
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
        int partitions = partitions(topics.get("thz.observations.ap"));
        for (String topic : List.of("thz.observations.ap", "thz.embeddings.ap", "thz.observations.ris",
                "thz.embeddings.ris", "thz.actions")) {
            assertThat(partitions(topics.get(topic))).as(topic + " partitions").isEqualTo(partitions);
        }
        for (String agent : OverlayManifestsTest.AGENTS) {
            assertThat(partitions).as("partitions per agent topic >= replicas of " + agent)
                    .isGreaterThanOrEqualTo(scaled.deployment(agent).getSpec().getReplicas());
        }
    }

    @Test
    void thePolicyTopicIsCompactedAndReplicationLeavesAnInSyncMargin() {
        Map<String, GenericKubernetesResource> topics = topics();
        assertThat(config(topics.get("thz.policy"))).containsEntry("cleanup.policy", "compact");
        for (GenericKubernetesResource topic : topics.values()) {
            int replicas = ((Number) spec(topic).get("replicas")).intValue();
            int minInSync = ((Number) config(topic).get("min.insync.replicas")).intValue();
            assertThat(minInSync).as(topic.getMetadata().getName() + " min.insync.replicas").isBetween(1, replicas - 1);
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
