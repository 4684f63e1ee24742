package io.thz.testing.kafka;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The one real Kafka broker of a test JVM, chosen once:
 * <ol>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} (environment) or {@code kafka.bootstrap.servers} (system
 *       property) when set: an existing broker is reused as is;</li>
 *   <li>else, where a Docker engine answers, Testcontainers' Kafka module;</li>
 *   <li>else the project's local KRaft broker ({@code deploy/local/kafka.sh}, Maven Central jars).</li>
 * </ol>
 * {@code THZ_TEST_KAFKA=local|testcontainers} forces the second or third way. A broker this
 * class started is stopped when the JVM exits; one that was already running is left alone.
 */
public final class TestKafka {

    private static final Logger LOG = Logger.getLogger(TestKafka.class.getName());
    /** Image for the Testcontainers path; matches the kafka-clients version of the Quarkus BOM. */
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private static String bootstrap;
    private static String origin;

    private TestKafka() {
    }

    /** The bootstrap address of the test broker, starting one on first use. */
    public static synchronized String bootstrapServers() {
        if (bootstrap == null) {
            bootstrap = resolve();
            LOG.info(() -> "test Kafka broker: " + bootstrap + " (" + origin + ")");
        }
        return bootstrap;
    }

    /** How the broker was obtained: "given", "testcontainers" or "local". */
    public static synchronized String origin() {
        bootstrapServers();
        return origin;
    }

    private static String resolve() {
        String given = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (given == null || given.isBlank()) {
            given = System.getProperty("kafka.bootstrap.servers");
        }
        if (given != null && !given.isBlank()) {
            origin = "given";
            return given.trim();
        }
        String mode = System.getenv().getOrDefault("THZ_TEST_KAFKA", "auto").toLowerCase(Locale.ROOT);
        switch (mode) {
            case "local":
                return startLocal();
            case "testcontainers":
                return startContainer();
            case "auto":
                return dockerAvailable() ? startContainer() : startLocal();
            default:
                throw new IllegalStateException("THZ_TEST_KAFKA=" + mode
                        + " is not one of auto, local, testcontainers");
        }
    }

    private static boolean dockerAvailable() {
        // Without a socket or DOCKER_HOST there is nothing to ask; skip Testcontainers' noisy probe.
        String dockerHost = System.getenv("DOCKER_HOST");
        if ((dockerHost == null || dockerHost.isBlank()) && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String startContainer() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "test-kafka-container-stop"));
        origin = "testcontainers";
        return kafka.getBootstrapServers();
    }

    private static String startLocal() {
        Path script = repositoryRoot().resolve("deploy/local/kafka.sh");
        boolean wasRunning = run(script, "status") == 0;
        if (!wasRunning) {
            int rc = run(script, "start");
            if (rc != 0) {
                throw new IllegalStateException("deploy/local/kafka.sh start failed with exit code " + rc
                        + "; see deploy/local/run/logs/server.log");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> run(script, "stop"), "test-kafka-local-stop"));
        }
        origin = wasRunning ? "local, already running" : "local, started for these tests";
        return "127.0.0.1:" + System.getenv().getOrDefault("THZ_KAFKA_PORT", "9092");
    }

    private static int run(Path script, String command) {
        try {
            Process p = new ProcessBuilder(List.of("bash", script.toString(), command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(script + " " + command + " did not finish in 5 minutes");
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }

    /** The repository root: the nearest parent of the working directory holding deploy/local/kafka.sh. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy/local/kafka.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("no deploy/local/kafka.sh above " + dir
                + "; set KAFKA_BOOTSTRAP_SERVERS to use an existing broker");
    }
}
