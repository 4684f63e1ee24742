package io.thz.testbed;

import io.thz.testing.kafka.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An impossible scenario or configuration refuses a service's start-up, naming the field. */
class StartupValidationTest {

    @TempDir
    Path dir;

    private String startAndFail(String module, Map<String, String> properties) throws Exception {
        Map<String, String> props = new java.util.HashMap<>(properties);
        props.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        props.put("thz.topics.prefix", "startup" + System.nanoTime() + ".");
        ServiceProcess p = ServiceProcess.start(TestbedFixture.root(), module, module, TestbedFixture.freePortBlock(),
                props, Map.of(), "256m", dir);
        Instant end = Instant.now().plus(Duration.ofSeconds(90));
        while (p.alive() && Instant.now().isBefore(end)) {
            Thread.sleep(200);
        }
        boolean refused = !p.alive();
        p.kill();
        assertThat(refused).as(module + " should have refused to start:\n" + p.tail(20)).isTrue();
        return String.join("\n", Files.readAllLines(p.log()));
    }

    @Test
    void anImpossibleScenarioIsNamed() throws Exception {
        Path scenario = dir.resolve("bad.yaml");
        Files.writeString(scenario, "network:\n  antennas: 62\n  rfChains: 4\n");
        String log = startAndFail("channel-service", Map.of("thz.model.scenario-file", scenario.toString()));
        assertThat(log).contains("network.antennas=62 is not a multiple of network.rfChains=4");
    }

    @Test
    void anUnknownAlgorithmIsNamed() throws Exception {
        String log = startAndFail("ap-agent-service", Map.of("thz.model.algorithm", "qmix-turbo"));
        assertThat(log).contains("thz.model.algorithm").contains("must be one of ge-vdac, ie-vdac, vdac");
    }
}
