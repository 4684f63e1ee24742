package io.thz.testing.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource giving the application under test a real Kafka broker (see
 * {@link TestKafka}). Setting {@code kafka.bootstrap.servers} also turns Dev Services off.
 * Use it with {@code @WithTestResource(KafkaBrokerResource.class)}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestKafka.bootstrapServers(),
                "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // The broker lives for the whole JVM: TestKafka stops it at exit if it started it.
    }
}
