package io.thz.channel;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.thz.core.wire.ActionRecord;
import io.thz.core.wire.ObservationRecord;
import io.thz.core.wire.OutcomeRecord;
import io.thz.core.wire.WireCodec;
import io.thz.core.wire.WireRecord;
import io.thz.testing.kafka.KafkaBrokerResource;
import io.thz.testing.kafka.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The twin over the real broker: observations go out per agent, actions that this test answers
 * as fake agents come back through the actions channel, and every slot is scored without a
 * fallback; an agent that stays silent is replaced at the deadline.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestProfile(TwinOverKafkaTest.Profile.class)
class TwinOverKafkaTest {

    static final String PREFIX = "twin" + UUID.randomUUID().toString().substring(0, 6) + ".";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("thz.topics.prefix", PREFIX, "thz.model.scenario", "small", "thz.channel.deadline-ms", "3000");
        }
    }

    /** Answers every observation of the agents in {@code answering} with a valid action. */
    private static Thread fakeAgents(List<String> answering, AtomicBoolean stop, AtomicInteger answered) {
        Thread t = new Thread(() -> {
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "fake-agents-" + UUID.randomUUID());
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
                consumer.subscribe(List.of(PREFIX + "observations.ap", PREFIX + "observations.ris"));
                while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                        ObservationRecord obs = WireCodec.decode(r.value(), ObservationRecord.class);
                        if (!answering.contains(obs.agent())) {
                            continue;
                        }
                        boolean ris = obs.agent().startsWith("ris-");
                        // small scenario: K_m = 3 users per AP (4 logits), L = 4 RIS elements, 1 phase bit
                        ActionRecord a = new ActionRecord(WireRecord.SCHEMA, obs.runId(), obs.slot(), obs.agent(), 7,
                                ris ? new float[0] : new float[] {0f, 0f, 0f, -3f}, ris ? new int[] {1, 2, 0, 1} : new int[0],
                                -1.0, 0.0);
                        producer.send(new ProducerRecord<>(PREFIX + "actions", obs.agent(), WireCodec.encode(a)));
                        answered.incrementAndGet();
                    }
                }
            }
        }, "fake-agents");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void everySlotIsScoredWithTheAgentsActionsAndASilentAgentFallsBack() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        Thread agents = fakeAgents(List.of("ap-0", "ap-1", "ris-0"), stop, answered);
        try {
            Thread.sleep(2000); // the fake agents' consumer joins
            given().contentType("application/json").body(Map.of("slots", 25)).post("/run").then().statusCode(202);
            Map<String, Object> status = Runs.awaitDone(Duration.ofSeconds(120));
            assertThat(status.get("state")).isEqualTo("DONE");
            OutcomeRecord[] outcomes = given().get("/run/outcomes").then().statusCode(200).extract().as(OutcomeRecord[].class);
            assertThat(outcomes).hasSize(25);
            assertThat(java.util.Arrays.stream(outcomes).map(OutcomeRecord::fallbackAgents).toList())
                    .as("fallbacks per slot").allMatch(List::isEmpty);
            for (int i = 0; i < outcomes.length; i++) {
                assertThat(outcomes[i].slot()).isEqualTo(i);
                assertThat(outcomes[i].fallbackAgents()).as("slot %d", i).isEmpty();
                assertThat(outcomes[i].policyVersion()).isEqualTo(7);
                assertThat(outcomes[i].eeGbitPerJoule()).isPositive();
            }
        } finally {
            stop.set(true);
            agents.join(5000);
        }

        // now ris-0 stays silent: it is replaced at the deadline, the APs' actions still count
        stop.set(false);
        agents = fakeAgents(List.of("ap-0", "ap-1"), stop, answered);
        try {
            Thread.sleep(2000);
            given().contentType("application/json").body(Map.of("slots", 3)).post("/run").then().statusCode(202);
            Map<String, Object> status = Runs.awaitDone(Duration.ofSeconds(60));
            assertThat(status.get("state")).isEqualTo("DONE");
            OutcomeRecord[] outcomes = given().get("/run/outcomes").then().extract().as(OutcomeRecord[].class);
            assertThat(outcomes).hasSize(3).allSatisfy(o -> {
                assertThat(o.fallbackAgents()).containsExactly("ris-0");
                assertThat(o.latencyMs()).isGreaterThanOrEqualTo(2900);
            });
        } finally {
            stop.set(true);
            agents.join(5000);
        }
    }

    @Test
    void aSecondRunWhileOneRunsIsRefused() {
        given().contentType("application/json").body(Map.of("slots", 0)).post("/run").then().statusCode(400);
    }
}
