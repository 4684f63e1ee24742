package io.thz.learner.service;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.thz.core.baseline.Baselines;
import io.thz.core.env.JointAction;
import io.thz.core.env.StepResult;
import io.thz.core.env.ThzNetworkEnv;
import io.thz.core.policy.GraphObservation;
import io.thz.core.policy.PolicyNetwork;
import io.thz.core.policy.RisHead;
import io.thz.core.policy.WeightBlob;
import io.thz.core.scenario.ScenarioLoader;
import io.thz.core.wire.ExperienceRecord;
import io.thz.core.wire.PolicyRecord;
import io.thz.core.wire.WireCodec;
import io.thz.core.wire.WireRecord;
import io.thz.testing.kafka.KafkaBrokerResource;
import io.thz.testing.kafka.TestTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learner over the real broker: one episode of experience in, a trained policy version out on
 * the policy topic (a blob the agents' plain-Java forward pass loads), each record taken once; a
 * malformed record goes to the dead-letter topic.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestProfile(OnlineLearnerKafkaTest.Profile.class)
class OnlineLearnerKafkaTest {

    static final String PREFIX = "learn" + UUID.randomUUID().toString().substring(0, 6) + ".";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("thz.topics.prefix", PREFIX, "thz.model.scenario", "small",
                    "thz.learner.episodes-per-update", "1",
                    "thz.learner.checkpoint-dir", "target/online-learner-test-" + UUID.randomUUID());
        }
    }

    /** One episode of the small scenario played with equal power, as the channel-service would publish it. */
    static List<ExperienceRecord> episode(String runId) {
        ThzNetworkEnv env = new ThzNetworkEnv(ScenarioLoader.bundled("small"), 1);
        GraphObservation obs = env.reset(0);
        float[] state = env.state();
        JointAction action = Baselines.create("equal-power-qos", env.info()).act(env.view());
        int t = env.info().episodeSlots();
        ExperienceRecord[] records = new ExperienceRecord[t];
        for (int k = 0; k < t; k++) {
            StepResult r = env.step(action);
            boolean last = r.truncated();
            float[][] logits = new float[env.info().aps()][env.info().apActionDim()];
            int[][] choices = new int[env.info().rises()][];
            for (int j = 0; j < choices.length; j++) {
                choices[j] = RisHead.toChoice(action.ris()[j]);
            }
            records[k] = new ExperienceRecord(WireRecord.SCHEMA, runId, k, 0, k, 0, 0, obs.apNodes(), obs.risNodes(),
                    obs.edges(), state, logits, choices, new double[env.info().agents()], List.of(),
                    r.metrics().reward(), r.metrics().eeGbitPerJoule(), r.metrics().sumRateGbps(), r.metrics().powerW(),
                    r.metrics().rateViolationGbps(), r.metrics().seQueueOk(), r.metrics().iotQueueOk(), false, last,
                    last ? r.observation().apNodes() : new float[0][], last ? r.observation().risNodes() : new float[0][],
                    last ? r.observation().edges() : new float[0][], last ? r.state() : new float[0],
                    last ? env.reliability() : new double[0]);
            obs = r.observation();
            state = r.state();
        }
        return List.of(records);
    }

    @Test
    void anEpisodeOfExperienceYieldsANewPolicyVersion() throws Exception {
        String runId = "run-" + UUID.randomUUID().toString().substring(0, 8);
        List<ExperienceRecord> episode = episode(runId);
        for (ExperienceRecord r : episode) {
            TestTopics.sendBytes(PREFIX + "experience", 0, runId, WireCodec.encode(r));
        }
        TestTopics.sendBytes(PREFIX + "experience", 0, runId, WireCodec.encode(episode.get(3))); // a duplicate

        List<ConsumerRecord<String, byte[]>> policies = TestTopics.awaitBytes(PREFIX + "policy",
                r -> WireCodec.decode(r.value(), PolicyRecord.class).version() >= 1, 1, Duration.ofSeconds(120));
        assertThat(policies).hasSize(1);
        PolicyRecord policy = WireCodec.decode(policies.get(0).value(), PolicyRecord.class);
        assertThat(policy.algorithm()).isEqualTo("ge-vdac");
        PolicyNetwork network = PolicyNetwork.of(WeightBlob.fromBytes(policy.blob()));
        assertThat(network.policyVersion()).isEqualTo(1);

        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        Map<String, Object> status = Map.of();
        while (Instant.now().isBefore(end)) {
            status = given().get("/learner").then().statusCode(200).extract().as(Map.class);
            if (((Number) status.get("duplicatesSkipped")).longValue() >= 1) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(((Number) status.get("experienceReceived")).longValue()).isEqualTo(episode.size());
        assertThat(((Number) status.get("duplicatesSkipped")).longValue()).isEqualTo(1);
        assertThat(((Number) status.get("episodesTrained")).longValue()).isEqualTo(1);
    }

    @Test
    void malformedExperienceGoesToTheDeadLetterTopic() {
        byte[] junk = ("broken experience " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        TestTopics.sendBytes(PREFIX + "experience", 0, "x", junk);
        List<ConsumerRecord<String, byte[]>> dead = TestTopics.awaitBytes(PREFIX + "dead-letters",
                r -> java.util.Arrays.equals(r.value(), junk), 1, Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("ExperienceRecord");
    }
}
