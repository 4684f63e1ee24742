package io.thz.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every overlay of deploy/k8s must give a cluster, checked on the output of
 * {@code kubectl kustomize}: each check is a way a real deployment would break or misbehave.
 */
class OverlayManifestsTest {

    static final List<String> SERVICES =
            List.of("channel-service", "ap-agent-service", "ris-agent-service", "learner-service");
    static final List<String> AGENTS = List.of("ap-agent-service", "ris-agent-service");
    static final String NAMESPACE = "thz";

    /** Every directory under deploy/k8s/overlays, so a new overlay is checked without asking. */
    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(RepoPaths.k8s().resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void theDocumentedOverlaysExist() throws IOException {
        assertThat(overlays()).contains("local", "scaled");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void deploysExactlyTheFourServicesInTheirNamespace(String overlay) {
        Manifests m = Kustomize.overlay(overlay);
        assertThat(m.deployments()).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        Namespace ns = m.byName(Namespace.class, NAMESPACE).orElseThrow(() -> new AssertionError("no Namespace thz"));
        assertThat(ns.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        for (KubernetesResource r : m.resources()) {
            HasMetadata resource = (HasMetadata) r;
            if (resource instanceof Namespace || "KafkaTopic".equals(resource.getKind())) {
                continue; // cluster-scoped, or living beside the Kafka cluster
            }
            assertThat(resource.getMetadata().getNamespace()).as(resource.getKind() + "/" + resource.getMetadata().getName())
                    .isEqualTo(NAMESPACE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyFieldIsOneTheKubernetesApiDefines(String overlay) {
        Manifests m = Kustomize.overlay(overlay);
        List<String> unknown = new java.util.ArrayList<>();
        for (KubernetesResource r : m.resources()) {
            HasMetadata resource = (HasMetadata) r;
            unknown.addAll(UnknownFields.in(resource, resource.getKind() + "/" + resource.getMetadata().getName()));
        }
        assertThat(unknown).as("fields unknown to the Kubernetes API").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDeploymentSelectsItsOwnPodsAndNoOtherDeployments(String overlay) {
        Manifests m = Kustomize.overlay(overlay);
        for (Deployment d : m.deployments()) {
            Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
            assertThat(d.getSpec().getSelector().getMatchExpressions()).as(d.getMetadata().getName()).isEmpty();
            assertThat(selector).as(d.getMetadata().getName() + " selector").isNotEmpty();
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).as(d.getMetadata().getName() + " pod labels")
                    .containsAllEntriesOf(selector);
            assertThat(selectedBy(m, selector)).as(d.getMetadata().getName() + " selector matches only its own pods")
                    .containsExactly(d);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceSelectsOneDeploymentAndTargetsOneOfItsPorts(String overlay) {
        Manifests m = Kustomize.overlay(overlay);
        assertThat(m.services()).extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (Service s : m.services()) {
            assertThat(s.getSpec().getType()).isEqualTo("ClusterIP");
            List<Deployment> selected = selectedBy(m, s.getSpec().getSelector());
            assertThat(selected).as("Deployments selected by Service " + s.getMetadata().getName()).hasSize(1);
            Container container = Manifests.container(selected.get(0));
            for (ServicePort port : s.getSpec().getPorts()) {
                assertThat(Manifests.port(container, port.getTargetPort()))
                        .as("Service " + s.getMetadata().getName() + " targetPort " + port.getTargetPort())
                        .isPresent();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void probesHitTheHealthEndpointsOnAPortThatAServiceTargets(String overlay) {
        Manifests m = Kustomize.overlay(overlay);
        for (Deployment d : m.deployments()) {
            Container c = Manifests.container(d);
            String name = d.getMetadata().getName();
            assertProbe(name + " liveness", c, c.getLivenessProbe(), "/q/health/live");
            assertProbe(name + " readiness", c, c.getReadinessProbe(), "/q/health/ready");
            assertProbe(name + " startup", c, c.getStartupProbe(), "/q/health/started");
            ContainerPort probed = Manifests.port(c, c.getReadinessProbe().getHttpGet().getPort()).orElseThrow();
            Service service = m.services().stream()
                    .filter(s -> selectedBy(m, s.getSpec().getSelector()).contains(d))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Service selects " + name));
            assertThat(service.getSpec().getPorts())
                    .as("a port of Service %s reaching the probed port of %s", service.getMetadata().getName(), name)
                    .anyMatch(p -> Manifests.port(c, p.getTargetPort()).filter(probed::equals).isPresent());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theHttpPortIsTheOneQuarkusListensOnAndPrometheusScrapes(String overlay) {
        Manifests m = Kustomize.overlay(overlay);
        for (Deployment d : m.deployments()) {
            Container c = Manifests.container(d);
            ContainerPort http = Manifests.port(c, new io.fabric8.kubernetes.api.model.IntOrString("http"))
                    .orElseThrow(() -> new AssertionError(d.getMetadata().getName() + " has no port named http"));
            Map<String, String> env = m.environment(d);
            assertThat(env.get("QUARKUS_HTTP_PORT")).as(d.getMetadata().getName() + " QUARKUS_HTTP_PORT")
                    .isEqualTo(String.valueOf(http.getContainerPort()));
            Map<String, String> annotations = d.getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(annotations).as(d.getMetadata().getName() + " scrape annotations")
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(http.getContainerPort()))
                    .containsEntry("prometheus.io/path", "/q/metrics");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceKnowsTheKafkaClusterTheAlgorithmAndTheRun(String overlay) {
        Manifests m = Kustomize.overlay(overlay);
        for (Deployment d : m.deployments()) {
            Map<String, String> env = m.environment(d);
            String name = d.getMetadata().getName();
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as(name + " KAFKA_BOOTSTRAP_SERVERS").isNotBlank();
            for (String server : env.get("KAFKA_BOOTSTRAP_SERVERS").split(",")) {
                assertThat(server).as(name + " bootstrap server").matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?:[0-9]{1,5}");
            }
            assertThat(env.get("THZ_MODEL_ALGORITHM")).as(name + " THZ_MODEL_ALGORITHM").isIn("ge-vdac", "ie-vdac", "vdac");
            assertThat(env.get("THZ_MODEL_SEED")).as(name + " THZ_MODEL_SEED").matches("-?[0-9]+");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theScenarioFileIsAKeyOfAMountedConfigMap(String overlay) {
        Manifests m = Kustomize.overlay(overlay);
        for (Deployment d : m.deployments()) {
            String file = m.environment(d).get("THZ_MODEL_SCENARIO_FILE");
            assertThat(file).as(d.getMetadata().getName() + " THZ_MODEL_SCENARIO_FILE").startsWith("/");
            VolumeMount mount = Manifests.mountHolding(Manifests.container(d), file)
                    .orElseThrow(() -> new AssertionError(d.getMetadata().getName() + ": nothing mounted at " + file));
            assertThat(mount.getReadOnly()).as("scenario mount read-only").isTrue();
            Volume volume = Manifests.volume(d, mount);
            assertThat(volume.getConfigMap()).as(d.getMetadata().getName() + " scenario volume is a ConfigMap").isNotNull();
            String key = file.substring(mount.getMountPath().length() + 1);
            assertThat(m.configMap(volume.getConfigMap().getName()))
                    .as("ConfigMap " + volume.getConfigMap().getName())
                    .hasValueSatisfying(cm -> assertThat(cm.getData()).containsKey(key));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyVolumeExistsAndEveryMountHasAVolume(String overlay) {
        Manifests m = Kustomize.overlay(overlay);
        for (Deployment d : m.deployments()) {
            for (VolumeMount mount : Manifests.container(d).getVolumeMounts()) {
                Manifests.volume(d, mount); // fails on an undeclared volume
            }
            for (Volume v : d.getSpec().getTemplate().getSpec().getVolumes()) {
                String what = d.getMetadata().getName() + " volume " + v.getName();
                if (v.getConfigMap() != null) {
                    assertThat(m.configMap(v.getConfigMap().getName())).as(what).isPresent();
                } else if (v.getPersistentVolumeClaim() != null) {
                    assertThat(m.claim(v.getPersistentVolumeClaim().getClaimName())).as(what).isPresent();
                } else {
                    assertThat(v.getEmptyDir()).as(what + " is a ConfigMap, a claim or an emptyDir").isNotNull();
                    assertThat(v.getEmptyDir().getSizeLimit()).as(what + " sizeLimit").isNotNull();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerHasRequestsWithinLimits(String overlay) {
        Manifests m = Kustomize.overlay(overlay);
        for (Deployment d : m.deployments()) {
            var resources = Manifests.container(d).getResources();
            for (String kind : List.of("cpu", "memory")) {
                String what = d.getMetadata().getName() + " " + kind;
                Quantity request = resources.getRequests().get(kind);
                Quantity limit = resources.getLimits().get(kind);
                assertThat(request).as(what + " request").isNotNull();
                assertThat(limit).as(what + " limit").isNotNull();
                assertThat(Quantity.getAmountInBytes(request)).as(what + " request <= limit")
                        .isPositive()
                        .isLessThanOrEqualTo(Quantity.getAmountInBytes(limit));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void podsMeetTheRestrictedPodSecurityStandardWithAWritableTmp(String overlay) {
        Manifests m = Kustomize.overlay(overlay);
        for (Deployment d : m.deployments()) {
            String name = d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name + " runAsUser").isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name + " seccomp").isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(name + " automountServiceAccountToken").isFalse();
            Container c = Manifests.container(d);
            var sc = c.getSecurityContext();
            assertThat(sc.getAllowPrivilegeEscalation()).as(name + " allowPrivilegeEscalation").isFalse();
            assertThat(sc.getCapabilities().getDrop()).as(name + " dropped capabilities").contains("ALL");
            assertThat(sc.getCapabilities().getAdd()).as(name + " added capabilities").isNullOrEmpty();
            assertThat(sc.getPrivileged()).as(name + " privileged").isNotEqualTo(Boolean.TRUE);
            assertThat(sc.getReadOnlyRootFilesystem()).as(name + " readOnlyRootFilesystem").isTrue();
            VolumeMount tmp = c.getVolumeMounts().stream().filter(v -> v.getMountPath().equals("/tmp")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no writable /tmp"));
            assertThat(Manifests.volume(d, tmp).getEmptyDir()).as(name + " /tmp is an emptyDir").isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void podsRunAsTheUserTheirImageDeclares(String overlay) throws IOException {
        Manifests m = Kustomize.overlay(overlay);
        for (Deployment d : m.deployments()) {
            String name = d.getMetadata().getName();
            String image = Manifests.container(d).getImage();
            assertThat(image).as(name + " image").startsWith("thz/" + name + ":");
            String flavour = image.endsWith("-native") ? "native" : "jvm";
            long declared = ContainerFilesTest.user(RepoPaths.dockerfile(name, flavour));
            assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
                    .as("%s runs %s image %s: the USER of Dockerfile.%s", name, flavour, image, flavour)
                    .isEqualTo(declared);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theLearnerIsOneRecreatedReplicaWithItsCheckpointsAndDjlCache(String overlay) {
        Manifests m = Kustomize.overlay(overlay);
        Deployment learner = m.deployment("learner-service");
        assertThat(learner.getSpec().getReplicas()).isEqualTo(1);
        assertThat(learner.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        Map<String, String> env = m.environment(learner);
        Container c = Manifests.container(learner);

        assertPersistentMount(m, learner, env.get("THZ_LEARNER_CHECKPOINT_DIR"), "thz-checkpoints");

        String djlCache = env.get("DJL_CACHE_DIR");
        VolumeMount cacheMount = Manifests.mountHolding(c, djlCache)
                .orElseThrow(() -> new AssertionError("DJL_CACHE_DIR " + djlCache + " is not on a volume"));
        Volume cache = Manifests.volume(learner, cacheMount);
        assertThat(cache.getEmptyDir()).as("DJL cache volume").isNotNull();
        assertThat(Quantity.getAmountInBytes(cache.getEmptyDir().getSizeLimit()))
                .as("room for the extracted PyTorch library (about 450 MB)")
                .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(new Quantity("1Gi")));

        int ompThreads = Integer.parseInt(env.get("OMP_NUM_THREADS"));
        BigDecimal cpuLimit = Quantity.getAmountInBytes(c.getResources().getLimits().get("cpu"));
        assertThat(ompThreads).as("OMP_NUM_THREADS").isBetween(1, 2);
        assertThat(BigDecimal.valueOf(ompThreads)).as("OMP_NUM_THREADS within the CPU limit").isLessThanOrEqualTo(cpuLimit);
        assertThat(Quantity.getAmountInBytes(c.getResources().getLimits().get("memory")))
                .as("learner memory limit above every agent's")
                .isGreaterThan(AGENTS.stream()
                        .map(a -> Quantity.getAmountInBytes(Manifests.container(m.deployment(a)).getResources().getLimits().get("memory")))
                        .max(BigDecimal::compareTo).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theChannelServiceIsOneRecreatedReplicaWithItsRecordings(String overlay) {
        Manifests m = Kustomize.overlay(overlay);
        Deployment channel = m.deployment("channel-service");
        assertThat(channel.getSpec().getReplicas()).as("one slot clock").isEqualTo(1);
        assertThat(channel.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertPersistentMount(m, channel, m.environment(channel).get("THZ_CHANNEL_RECORDINGS_DIR"), "thz-recordings");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void agentsHaveADisruptionBudgetAndNoAutoscaler(String overlay) {
        Manifests m = Kustomize.overlay(overlay);
        for (String agent : AGENTS) {
            Deployment d = m.deployment(agent);
            List<PodDisruptionBudget> budgets = m.disruptionBudgets().stream()
                    .filter(b -> selectedBy(m, b.getSpec().getSelector().getMatchLabels()).contains(d))
                    .toList();
            assertThat(budgets).as("PodDisruptionBudgets of " + agent).hasSize(1);
            assertThat(budgets.get(0).getSpec().getMaxUnavailable().getIntVal())
                    .as(agent + " maxUnavailable: a drain never takes every replica at once")
                    .isEqualTo(1);
        }
        assertThat(m.resources()).as("agent count is bound by partitions: no autoscaler")
                .noneMatch(r -> ((HasMetadata) r).getKind().equals("HorizontalPodAutoscaler"));
    }

    private static void assertPersistentMount(Manifests m, Deployment d, String dir, String claimName) {
        String name = d.getMetadata().getName();
        assertThat(dir).as(name + " directory").isNotBlank();
        VolumeMount mount = Manifests.mountHolding(Manifests.container(d), dir)
                .orElseThrow(() -> new AssertionError(name + ": " + dir + " is not on a volume"));
        assertThat(mount.getReadOnly()).as(name + " mount of " + dir + " writable").isNotEqualTo(Boolean.TRUE);
        Volume volume = Manifests.volume(d, mount);
        assertThat(volume.getPersistentVolumeClaim()).as(name + ": " + dir + " on a PersistentVolumeClaim").isNotNull();
        assertThat(volume.getPersistentVolumeClaim().getClaimName()).isEqualTo(claimName);
        assertThat(m.claim(claimName)).hasValueSatisfying(pvc -> {
            assertThat(pvc.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
            assertThat(pvc.getSpec().getResources().getRequests()).containsKey("storage");
        });
        assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getFsGroup())
                .as(name + " fsGroup: the volume writable by the non-root user").isNotNull();
    }

    private static void assertProbe(String what, Container c, Probe probe, String path) {
        if (probe == null) {
            fail(what + " probe missing");
        }
        assertThat(probe.getHttpGet()).as(what + " is an HTTP probe").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what + " path").isEqualTo(path);
        assertThat(Manifests.port(c, probe.getHttpGet().getPort())).as(what + " port " + probe.getHttpGet().getPort())
                .isPresent();
    }

    /** The Deployments whose pods carry every label of the selector. */
    static List<Deployment> selectedBy(Manifests m, Map<String, String> selector) {
        if (selector == null || selector.isEmpty()) {
            return List.of();
        }
        return m.deployments().stream()
                .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
    }
}
