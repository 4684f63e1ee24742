package io.thz.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rendering helper itself: typed parsing, and clear failures. */
class KustomizeTest {

    @Test
    void aMissingKubectlIsNamedWithWhatToDo() {
        Kustomize absent = new Kustomize("/nonexistent/bin/kubectl");
        assertThatThrownBy(() -> absent.render(RepoPaths.overlay("local")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kubectl not found")
                .hasMessageContaining("/nonexistent/bin/kubectl")
                .hasMessageContaining("KUBECTL");
    }

    @Test
    void aBrokenKustomizationReportsKubectlsError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - missing.yaml\n");
        assertThatThrownBy(() -> Kustomize.fromEnvironment().render(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed (exit")
                .hasMessageContaining("missing.yaml");
    }

    @Test
    void documentsBecomeTypedModelObjectsAndUnknownKindsGenericOnes() {
        List<KubernetesResource> parsed = Kustomize.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: a}
                spec: {replicas: 3}
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: b}
                spec: {maxUnavailable: 1}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: c}
                spec: {partitions: 6}
                """);
        assertThat(parsed).hasSize(3);
        assertThat(parsed.get(0)).isInstanceOfSatisfying(Deployment.class,
                d -> assertThat(d.getSpec().getReplicas()).isEqualTo(3));
        assertThat(parsed.get(1)).isInstanceOfSatisfying(PodDisruptionBudget.class,
                b -> assertThat(b.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1));
        assertThat(parsed.get(2)).isInstanceOf(GenericKubernetesResource.class);
    }
}
