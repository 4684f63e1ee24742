package io.thz.testbed;

import io.thz.core.wire.ExperienceRecord;
import io.thz.core.wire.OutcomeRecord;
import io.thz.core.wire.RunStatus;
import io.thz.core.wire.WireCodec;
import io.thz.core.wire.WireFormatException;
import io.thz.testing.kafka.TestKafka;
import io.thz.testing.kafka.TestTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four packaged services on a real broker (issue acceptance): every slot of a 200-slot run has
 * an outcome, the learner receives every experience record exactly once and the agents pick up new
 * policy versions; 1 000 malformed records land in the dead-letter topic without a crash; a
 * learner restart loses no experience.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    private static Testbed testbed;
    private static String prefix;

    @BeforeAll
    static void start() throws Exception {
        testbed = TestbedFixture.start("end-to-end", TestbedFixture.scenario("three-aps-small.yaml"), 1, 1,
                Duration.ofSeconds(2), Map.of("thz.learner.episodes-per-update", "1"));
        prefix = testbed.options().topicPrefix();
    }

    @AfterAll
    static void stop() throws Exception {
        if (testbed != null) {
            testbed.close();
        }
    }

    @Test
    @Order(1)
    void malformedRecordsGoToTheDeadLetterTopicAndNothingCrashes() throws Exception {
        List<String> targets = List.of("observations.ap", "observations.ris", "embeddings.ap", "embeddings.ris",
                "actions", "experience");
        Random rng = new Random(5);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 1000; i++) {
                String topic = prefix + targets.get(i % targets.size());
                byte[] garbage = new byte[1 + rng.nextInt(200)];
                rng.nextBytes(garbage);
                if (i % 3 == 0) {
                    garbage = ("{\"schema\": 99, \"runId\": \"x\", \"n\": " + i + "}").getBytes(StandardCharsets.UTF_8);
                }
                // keys of real agents, so the records reach the agent hosts' partitions
                String key = topic.contains(".ris") ? "ris-" + (i % 2) : "ap-" + (i % 3);
                int partition = topic.contains("observations") || topic.contains("embeddings") ? i % 6 : 0;
                producer.send(new ProducerRecord<>(topic, topic.endsWith("actions") ? partition : partition, key, garbage));
            }
            producer.flush();
        }
        List<ConsumerRecord<String, byte[]>> dead = TestTopics.awaitBytes(prefix + "dead-letters", r -> true, 1000, Duration.ofSeconds(120));
        assertThat(dead).hasSize(1000);
        for (ConsumerRecord<String, byte[]> r : dead) {
            Header reason = r.headers().lastHeader("dead-letter-reason");
            assertThat(reason).as("reason header of a dead letter").isNotNull();
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
        }
        for (ServiceProcess s : testbed.services()) {
            assertThat(s.alive()).as(s.name() + " alive").isTrue();
        }
    }

    @Test
    @Order(2)
    void twoHundredSlotsThroughAllFourServices() throws Exception {
        RunStatus started = testbed.startRun(200);
        RunStatus done = testbed.awaitRun(Duration.ofMinutes(10), TestbedFixture.quiet());
        assertThat(done.state()).isEqualTo("DONE");
        List<OutcomeRecord> outcomes = testbed.outcomes();
        assertThat(outcomes).hasSize(200);
        for (int i = 0; i < 200; i++) {
            assertThat(outcomes.get(i).slot()).isEqualTo(i);
            assertThat(outcomes.get(i).runId()).isEqualTo(started.runId());
        }
        // the agents acted (not only fallbacks) and moved to newer weights during the run
        long policySlots = outcomes.stream().filter(o -> o.fallbackAgents().isEmpty()).count();
        assertThat(policySlots).isGreaterThan(150);
        assertThat(outcomes.stream().mapToLong(OutcomeRecord::policyVersion).max().orElse(-1)).isGreaterThanOrEqualTo(1);
        Map<String, Object> ap = testbed.get(testbed.service("ap-agent-0"), "/agents");
        assertThat(((Number) ap.get("policyVersion")).longValue()).isGreaterThanOrEqualTo(1);

        // exactly once: the topic holds each slot once, and the learner took each once
        List<ConsumerRecord<String, byte[]>> experience = TestTopics.awaitBytes(prefix + "experience", r -> true, 200 + 1000 / 6 + 1, Duration.ofSeconds(60));
        Set<Long> slots = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : experience) {
            ExperienceRecord e;
            try {
                e = WireCodec.decode(r.value(), ExperienceRecord.class);
            } catch (WireFormatException malformed) {
                continue; // the dead-letter test's garbage
            }
            if (e.runId().equals(started.runId())) {
                assertThat(slots.add(e.slot())).as("slot %d published once", e.slot()).isTrue();
            }
        }
        assertThat(slots).hasSize(200);
        Map<String, Object> learner = awaitLearner(200, Duration.ofMinutes(3));
        assertThat(((Number) learner.get("experienceReceived")).longValue()).isEqualTo(200);
        assertThat(((Number) learner.get("duplicatesSkipped")).longValue()).isZero();
        assertThat(((Number) learner.get("episodesTrained")).longValue()).isEqualTo(20);
        @SuppressWarnings("unchecked")
        Map<String, Number> consumed = (Map<String, Number>) learner.get("consumedUpTo");
        assertThat(consumed.get(started.runId()).longValue()).isEqualTo(199);
    }

    @Test
    @Order(3)
    void aLearnerRestartLosesNoExperience() throws Exception {
        long versionBefore = ((Number) testbed.get(testbed.service("learner"), "/learner").get("policyVersion")).longValue();
        long receivedBefore = ((Number) testbed.get(testbed.service("learner"), "/learner").get("experienceReceived")).longValue();
        RunStatus started = testbed.startRun(60);
        // stop the learner while the run streams experience; it comes back from its checkpoint
        Thread.sleep(1000);
        testbed.restart("learner");
        RunStatus done = testbed.awaitRun(Duration.ofMinutes(10), TestbedFixture.quiet());
        assertThat(done.state()).isEqualTo("DONE");
        Map<String, Object> learner = awaitConsumed(started.runId(), 59, Duration.ofMinutes(3));
        // the restarted learner resumed the weights (no reset to version 0) and trained every episode
        assertThat(((Number) learner.get("policyVersion")).longValue()).isGreaterThan(versionBefore);
        @SuppressWarnings("unchecked")
        Map<String, Number> consumed = (Map<String, Number>) learner.get("consumedUpTo");
        assertThat(consumed.get(started.runId()).longValue()).isEqualTo(59);
        assertThat(receivedBefore).isPositive();
    }

    private static Map<String, Object> awaitLearner(long received, Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        Map<String, Object> m = Map.of();
        while (Instant.now().isBefore(end)) {
            m = testbed.get(testbed.service("learner"), "/learner");
            if (((Number) m.get("experienceReceived")).longValue() >= received
                    && ((Number) m.get("recordsPending")).longValue() == 0) {
                return m;
            }
            Thread.sleep(200);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitConsumed(String runId, long slot, Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        Map<String, Object> m = Map.of();
        while (Instant.now().isBefore(end)) {
            m = testbed.get(testbed.service("learner"), "/learner");
            Number upTo = ((Map<String, Number>) m.get("consumedUpTo")).get(runId);
            if (upTo != null && upTo.longValue() >= slot) {
                return m;
            }
            Thread.sleep(200);
        }
        return m;
    }
}
