package io.thz.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resources of one rendered kustomization, with the look-ups the checks need. */
record Manifests(List<KubernetesResource> resources) {

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Deployment> deployments() {
        return all(Deployment.class);
    }

    List<Service> services() {
        return all(Service.class);
    }

    List<PodDisruptionBudget> disruptionBudgets() {
        return all(PodDisruptionBudget.class);
    }

    /** Resources of a kind the fabric8 model does not know, such as Strimzi's KafkaTopic. */
    List<GenericKubernetesResource> generic(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    Deployment deployment(String name) {
        return byName(Deployment.class, name)
                .orElseThrow(() -> new AssertionError("no Deployment " + name + " in " + names()));
    }

    <T extends HasMetadata> Optional<T> byName(Class<T> type, String name) {
        return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
    }

    Optional<ConfigMap> configMap(String name) {
        return byName(ConfigMap.class, name);
    }

    Optional<PersistentVolumeClaim> claim(String name) {
        return byName(PersistentVolumeClaim.class, name);
    }

    /** The one container of a Deployment's pods (every service runs one). */
    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(deployment.getMetadata().getName() + " has " + containers.size() + " containers");
        }
        return containers.get(0);
    }

    /**
     * The environment the container starts with as Kubernetes builds it: envFrom ConfigMaps
     * first, then env entries (which win). A reference to a ConfigMap missing from the output
     * is an error, as it would keep the pod from starting.
     */
    Map<String, String> environment(Deployment deployment) {
        Container container = container(deployment);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() == null) {
                throw new AssertionError("envFrom other than a ConfigMap in " + deployment.getMetadata().getName());
            }
            String name = source.getConfigMapRef().getName();
            ConfigMap map = configMap(name).orElseThrow(() -> new AssertionError(
                    deployment.getMetadata().getName() + " takes its environment from ConfigMap " + name
                            + ", which is not in the output"));
            env.putAll(map.getData());
        }
        for (EnvVar var : container.getEnv()) {
            if (var.getValueFrom() != null) {
                var ref = var.getValueFrom().getConfigMapKeyRef();
                if (ref == null) {
                    throw new AssertionError("env " + var.getName() + " is not a value or a ConfigMap key");
                }
                String value = configMap(ref.getName()).map(m -> m.getData().get(ref.getKey())).orElseThrow(
                        () -> new AssertionError("env " + var.getName() + " refers to missing " + ref.getName()));
                env.put(var.getName(), value);
            } else {
                env.put(var.getName(), var.getValue());
            }
        }
        return env;
    }

    /** The container port a Service's targetPort or a probe's port designates, by name or number. */
    static Optional<ContainerPort> port(Container container, IntOrString port) {
        return container.getPorts().stream()
                .filter(p -> port.getIntVal() != null
                        ? port.getIntVal().equals(p.getContainerPort())
                        : port.getStrVal().equals(p.getName()))
                .findFirst();
    }

    /** The pod volume a mount refers to. */
    static Volume volume(Deployment deployment, VolumeMount mount) {
        return deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(deployment.getMetadata().getName() + " mounts undeclared volume "
                        + mount.getName()));
    }

    /** The mount whose path holds the given file or directory (the longest matching mount path). */
    static Optional<VolumeMount> mountHolding(Container container, String path) {
        return container.getVolumeMounts().stream()
                .filter(m -> path.equals(m.getMountPath()) || path.startsWith(m.getMountPath() + "/"))
                .max((a, b) -> Integer.compare(a.getMountPath().length(), b.getMountPath().length()));
    }

    private List<String> names() {
        return resources.stream()
                .filter(HasMetadata.class::isInstance)
                .map(r -> ((HasMetadata) r).getKind() + "/" + ((HasMetadata) r).getMetadata().getName())
                .toList();
    }
}
