package io.thz.deploy;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders a kustomization with {@code kubectl kustomize DIR} (kustomize built into kubectl) and
 * reads the output into fabric8 model objects: Deployments, Services and the rest as their typed
 * classes, resources of unknown kinds (Strimzi's KafkaTopic) as GenericKubernetesResource.
 */
final class Kustomize {

    private static final long TIMEOUT_SECONDS = 120;
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Map<Path, Manifests> RENDERED = new ConcurrentHashMap<>();

    private final String kubectl;

    /** @param kubectl the kubectl executable: a name looked up on the PATH, or a path */
    Kustomize(String kubectl) {
        this.kubectl = kubectl;
    }

    /** The kubectl of the environment variable KUBECTL, else the one on the PATH. */
    static Kustomize fromEnvironment() {
        String fromEnv = System.getenv("KUBECTL");
        return new Kustomize(fromEnv == null || fromEnv.isBlank() ? "kubectl" : fromEnv);
    }

    /** The rendered overlay deploy/k8s/overlays/NAME, rendered once per test run. */
    static Manifests overlay(String name) {
        return RENDERED.computeIfAbsent(RepoPaths.overlay(name), dir -> fromEnvironment().render(dir));
    }

    /** The rendered base deploy/k8s/base. */
    static Manifests base() {
        return RENDERED.computeIfAbsent(RepoPaths.k8s().resolve("base"), dir -> fromEnvironment().render(dir));
    }

    Manifests render(Path kustomizationDir) {
        return new Manifests(parse(run(kustomizationDir)));
    }

    static List<KubernetesResource> parse(String yaml) {
        List<KubernetesResource> resources = new ArrayList<>();
        try (MappingIterator<KubernetesResource> docs = YAML.readerFor(KubernetesResource.class).readValues(yaml)) {
            while (docs.hasNextValue()) {
                KubernetesResource resource = docs.nextValue();
                if (resource != null) {
                    resources.add(resource);
                }
            }
        }
        return resources;
    }

    private String run(Path dir) {
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", dir.toString()).start();
        } catch (IOException e) {
            throw new IllegalStateException("kubectl not found (tried '" + kubectl + "'): the deploy tests render "
                    + "deploy/k8s with `kubectl kustomize`. Install kubectl "
                    + "(https://kubernetes.io/docs/tasks/tools/) or set KUBECTL to its path. Cause: " + e.getMessage(), e);
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "): "
                        + err.join().strip());
            }
            return out.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while rendering " + dir, e);
        }
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
