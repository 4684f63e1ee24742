package io.thz.testing.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/local/kafka.sh on its own ports and state directory, so it never touches the broker
 * the other tests use: idempotent start, a real broker answering, clean stop, port conflicts.
 */
class LocalBrokerScriptTest {

    private static final int PORT = 19092;
    private static final int CONTROLLER_PORT = 19093;

    @TempDir
    static Path state;

    private static Path script;

    @BeforeAll
    static void locate() throws IOException {
        script = TestKafka.repositoryRoot().resolve("deploy/local/kafka.sh");
        // Reuse the jars fetched for the main broker when they are there (no second download).
        Path jars = TestKafka.repositoryRoot().resolve("deploy/local/run/lib");
        if (Files.isRegularFile(jars.resolve(".complete"))) {
            Files.createSymbolicLink(state.resolve("lib"), jars);
        }
    }

    @AfterAll
    static void stopAnyway() throws Exception {
        run("stop");
    }

    @Test
    void startTwiceRunsOneBrokerAndStopLeavesNone() throws Exception {
        Result first = run("start");
        assertThat(first.code).as(first.out).isZero();
        Result second = run("start");
        assertThat(second.code).as(second.out).isZero();
        assertThat(second.out).contains("already running");
        assertThat(brokerProcesses()).hasSize(1);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + PORT))) {
            assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isEqualTo("MkU3OEVBNTcwNTJENDM2Qg");
        }
        assertThat(run("status").code).isZero();

        Result stop = run("stop");
        assertThat(stop.code).as(stop.out).isZero();
        assertThat(brokerProcesses()).isEmpty();
        assertThat(run("status").code).isEqualTo(3);
        assertThat(state.resolve("kafka.pid")).doesNotExist();
        assertThat(state.resolve("logs/server.log")).exists();
    }

    @Test
    void takenPortIsReportedWithItsOwner() throws Exception {
        try (ServerSocket squatter = new ServerSocket(PORT, 1, InetAddress.getLoopbackAddress())) {
            Result r = run("start");
            assertThat(r.code).isNotZero();
            assertThat(r.out).contains("port " + PORT + " on 127.0.0.1 is taken by pid " + ProcessHandle.current().pid());
        }
        assertThat(brokerProcesses()).isEmpty();
    }

    /** Broker JVMs whose command line names this test's state directory. */
    private static List<ProcessHandle> brokerProcesses() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("kafka.Kafka") && c.contains(state.toString())).orElse(false))
                .toList();
    }

    private record Result(int code, String out) {
    }

    private static Result run(String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), command).redirectErrorStream(true);
        pb.environment().put("THZ_KAFKA_DIR", state.toString());
        pb.environment().put("THZ_KAFKA_PORT", Integer.toString(PORT));
        pb.environment().put("THZ_KAFKA_CONTROLLER_PORT", Integer.toString(CONTROLLER_PORT));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
