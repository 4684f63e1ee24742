package io.thz.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** overlays/local: images built on the machine and loaded into a kind/minikube node. */
class LocalOverlayTest {

    private final Manifests local = Kustomize.overlay("local");

    @Test
    void runsTheDevImagesWithoutEverPullingThem() {
        for (String service : OverlayManifestsTest.SERVICES) {
            Container c = Manifests.container(local.deployment(service));
            assertThat(c.getImage()).isEqualTo("thz/" + service + ":dev");
            assertThat(c.getImagePullPolicy()).as(service + " imagePullPolicy").isEqualTo("Never");
        }
    }

    @Test
    void runsOneReplicaOfEachService() {
        for (Deployment d : local.deployments()) {
            assertThat(d.getSpec().getReplicas()).as(d.getMetadata().getName()).isEqualTo(1);
        }
    }

    @Test
    void keepsTheBaseKafkaAddressAndHasNoTopicResources() {
        String baseBootstrap = Kustomize.base().environment(Kustomize.base().deployment("channel-service"))
                .get("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(baseBootstrap).isEqualTo("kafka-bootstrap.kafka:9092");
        for (Deployment d : local.deployments()) {
            assertThat(local.environment(d)).containsEntry("KAFKA_BOOTSTRAP_SERVERS", baseBootstrap);
        }
        assertThat(local.generic("KafkaTopic")).isEmpty();
    }
}
