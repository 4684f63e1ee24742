package io.thz.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The container files of the services (no image is built here: there is no container engine),
 * checked as text: the Quarkus fast-jar layout, the port the manifests use, a non-root user.
 */
class ContainerFilesTest {

    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\S+)\\s*$");

    /** The numeric user the image runs as: the last USER instruction of the Dockerfile. */
    static long user(Path dockerfile) throws IOException {
        Matcher m = USER.matcher(Files.readString(dockerfile));
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertThat(last).as("USER in " + dockerfile).isNotNull().matches("[0-9]+");
        return Long.parseLong(last);
    }

    private static String containerPort() {
        return Kustomize.base().configMap(configName()).orElseThrow().getData().get("QUARKUS_HTTP_PORT");
    }

    private static String configName() {
        return Kustomize.base().all(io.fabric8.kubernetes.api.model.ConfigMap.class).stream()
                .map(c -> c.getMetadata().getName()).filter(n -> n.startsWith("thz-config")).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel-service", "ap-agent-service", "ris-agent-service", "learner-service"})
    void jvmImageRunsTheQuarkusFastJarAsANonRootUserOnTheManifestsPort(String service) throws IOException {
        Path file = RepoPaths.dockerfile(service, "jvm");
        assertThat(file).exists();
        String text = Files.readString(file);
        assertThat(text).contains("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:");
        for (String layer : List.of("target/quarkus-app/lib/ /deployments/lib/", "target/quarkus-app/*.jar /deployments/",
                "target/quarkus-app/app/ /deployments/app/", "target/quarkus-app/quarkus/ /deployments/quarkus/")) {
            assertThat(text).as(service + " copies " + layer).contains(layer);
        }
        assertThat(text).contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
        assertThat(text).contains("/opt/jboss/container/java/run/run-java.sh");
        assertPortAndUser(service, file, text);
        assertThat(Files.readString(RepoPaths.root().resolve(service).resolve(".dockerignore")))
                .as(service + " .dockerignore lets the build output through").contains("!target/quarkus-app/*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel-service", "ap-agent-service", "ris-agent-service"})
    void nativeImageRunsTheRunnerAsANonRootUserOnTheManifestsPort(String service) throws IOException {
        Path file = RepoPaths.dockerfile(service, "native");
        assertThat(file).exists();
        String text = Files.readString(file);
        assertThat(text).contains("COPY --chown=1001:root --chmod=0755 target/*-runner /work/application");
        assertThat(text).contains("-Dquarkus.http.host=0.0.0.0");
        assertPortAndUser(service, file, text);
        assertThat(Files.readString(RepoPaths.root().resolve(service).resolve(".dockerignore")))
                .contains("!target/*-runner");
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel-service", "ap-agent-service", "ris-agent-service"})
    void nativeBuildBundlesTheScenarioDefaultsOfThzCore(String service) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(RepoPaths.root().resolve(service)
                .resolve("src/main/resources/application.properties"))) {
            props.load(in);
        }
        String includes = props.getProperty("quarkus.native.resources.includes");
        assertThat(includes).as(service + " quarkus.native.resources.includes").isNotBlank();
        assertThat(FileSystems.getDefault().getPathMatcher("glob:" + includes).matches(Path.of(ScenarioCopyTest.CORE_DEFAULT_RESOURCE)))
                .as(includes + " matches " + ScenarioCopyTest.CORE_DEFAULT_RESOURCE).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"learner-service"})
    void learnerIsJvmOnlyAndLoadsPyTorchFromItsOwnJars(String service) throws IOException {
        assertThat(RepoPaths.dockerfile(service, "native")).doesNotExist();
        String text = Files.readString(RepoPaths.dockerfile(service, "jvm"));
        assertThat(text).contains("-Dai.djl.offline=true").contains("no native image");
        Path pom = RepoPaths.root().resolve(service).resolve("pom.xml");
        assertThat(Files.readString(pom)).as("the PyTorch native library is a dependency, so offline mode finds it")
                .contains("<artifactId>pytorch-native-cpu</artifactId>");
    }

    private static void assertPortAndUser(String service, Path file, String text) throws IOException {
        String port = containerPort();
        assertThat(text).as(service + " EXPOSE").containsPattern("(?m)^EXPOSE " + port + "$");
        assertThat(text).as(service + " QUARKUS_HTTP_PORT").containsPattern("(?m)^ENV QUARKUS_HTTP_PORT=" + port + "$");
        assertThat(user(file)).as(service + " USER").isPositive();
    }
}
