package io.thz.testbed;

import io.thz.core.wire.RunStatus;
import io.thz.testing.kafka.TestKafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A testbed of the packaged services on the test broker, each test class on topics of its own. */
final class TestbedFixture {

    private TestbedFixture() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy/local/kafka.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found above " + dir);
    }

    static Path scenario(String name) {
        return root().resolve("thz-testbed/src/test/resources/scenarios/" + name);
    }

    /** A block of free ports: the first one found free, the services take the next ones. */
    static int freePortBlock() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort() > 60000 ? 20000 + s.getLocalPort() % 10000 : s.getLocalPort();
        }
    }

    static Testbed start(String name, Path scenario, int apReplicas, int risReplicas, Duration deadline,
                         Map<String, String> properties) throws Exception {
        Path runDir = root().resolve("thz-testbed/target/e2e/" + name);
        if (Files.exists(runDir)) { // a fresh learner: no checkpoint of an earlier test run
            try (var walk = Files.walk(runDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(runDir);
        String prefix = "e2e" + UUID.randomUUID().toString().substring(0, 6) + ".";
        TestbedOptions options = new TestbedOptions(root(), runDir, scenario, null, 0, 3, "ge-vdac", apReplicas,
                risReplicas, TestKafka.bootstrapServers(), prefix, freePortBlock(), deadline, true, properties);
        Testbed testbed = new Testbed(options);
        testbed.start(quiet());
        return testbed;
    }

    static Testbed.ProgressSink quiet() {
        return new Testbed.ProgressSink() {
            @Override
            public void line(String text) {
                System.out.println("testbed: " + text);
            }

            @Override
            public void status(RunStatus status) {
            }
        };
    }
}
