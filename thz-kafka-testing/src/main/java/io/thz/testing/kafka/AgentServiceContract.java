package io.thz.testing.kafka;

import io.thz.core.graph.AgentGraph;
import io.thz.core.graph.Edge;
import io.thz.core.graph.NodeType;
import io.thz.core.policy.WeightBlob;
import io.thz.core.scenario.Scenario;
import io.thz.core.scenario.ScenarioLoader;
import io.thz.core.wire.ActionRecord;
import io.thz.core.wire.AgentId;
import io.thz.core.wire.EdgeFeature;
import io.thz.core.wire.ObservationRecord;
import io.thz.core.wire.PolicyRecord;
import io.thz.core.wire.WireCodec;
import io.thz.core.wire.WireRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every agent service must do over the real broker, run by ap-agent-service and
 * ris-agent-service with their agent type: take weights from the policy topic, answer an
 * observation with an action of the right shape, and send a malformed record to the dead-letter
 * topic. The services run the small scenario with vdac (no neighbour messages to wait for).
 */
public abstract class AgentServiceContract {

    /** Topic prefix of the concrete test (its profile sets thz.topics.prefix to it). */
    protected abstract String prefix();

    /** ap or ris. */
    protected abstract String type();

    /** The configuration a concrete test's profile must set. */
    public static Map<String, String> config(String prefix) {
        return Map.of("thz.topics.prefix", prefix, "thz.model.scenario", "small", "thz.model.algorithm", "vdac",
                "thz.agent.replica", "contract-test");
    }

    public static String newPrefix(String type) {
        return type + UUID.randomUUID().toString().substring(0, 6) + ".";
    }

    @Test
    void anObservationIsAnsweredWithAnActionUnderThePublishedPolicy() throws Exception {
        Scenario scenario = ScenarioLoader.bundled("small");
        WeightBlob blob = TestPolicies.random(scenario, "vdac", 4, 11);
        PolicyRecord policy = new PolicyRecord(WireRecord.SCHEMA, "test-learner", "vdac", 4, blob.toBytes());
        TestTopics.sendBytes(prefix() + "policy", -1, "vdac", WireCodec.encode(policy));
        awaitPolicyVersion(4, Duration.ofSeconds(60));

        AgentGraph graph = AgentGraph.of(scenario);
        boolean ris = "ris".equals(type());
        AgentId agent = ris ? AgentId.ris(0) : AgentId.ap(0);
        NodeType nodeType = ris ? NodeType.RIS : NodeType.AP;
        List<EdgeFeature> out = new ArrayList<>();
        for (int e : graph.outbound(nodeType, 0)) {
            Edge edge = graph.edges().get(e);
            String to = AgentId.of(edge.type().destination(), edge.destination()).toString();
            out.add(new EdgeFeature(to, edge.type().name(), new float[blob.shape().edgeDim(edge.type())]));
        }
        String runId = "run-" + UUID.randomUUID().toString().substring(0, 8);
        ObservationRecord obs = new ObservationRecord(WireRecord.SCHEMA, runId, 17, 1, 7, agent.toString(),
                new float[blob.shape().nodeDim(nodeType)], out, List.of(), System.currentTimeMillis() + 60_000);
        TestTopics.sendBytes(prefix() + "observations." + type(), 0, agent.toString(), WireCodec.encode(obs));

        List<ConsumerRecord<String, byte[]>> actions = TestTopics.awaitBytes(prefix() + "actions",
                r -> r.key().equals(agent.toString()), 1, Duration.ofSeconds(60));
        assertThat(actions).hasSize(1);
        ActionRecord action = WireCodec.decode(actions.get(0).value(), ActionRecord.class);
        assertThat(action.runId()).isEqualTo(runId);
        assertThat(action.slot()).isEqualTo(17);
        assertThat(action.policyVersion()).isEqualTo(4);
        assertThat(Double.isFinite(action.logProb())).isTrue();
        if (ris) {
            assertThat(action.choices()).hasSize(blob.shape().risElements());
            for (int c : action.choices()) {
                assertThat(c).isBetween(0, blob.shape().risChoices() - 1);
            }
        } else {
            assertThat(action.sample()).hasSize(blob.shape().apActions());
        }
    }

    @Test
    void aMalformedObservationGoesToTheDeadLetterTopic() {
        String key = (("ris".equals(type())) ? "ris-0" : "ap-0");
        byte[] junk = ("not an observation " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        TestTopics.sendBytes(prefix() + "observations." + type(), 0, key, junk);
        List<ConsumerRecord<String, byte[]>> dead = TestTopics.awaitBytes(prefix() + "dead-letters",
                r -> java.util.Arrays.equals(r.value(), junk), 1, Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);
        String reason = new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("ObservationRecord");
        given().get("/q/health/live").then().statusCode(200);
    }

    private static void awaitPolicyVersion(long version, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            Number v = given().get("/agents").then().statusCode(200).extract().path("policyVersion");
            if (v.longValue() >= version) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not take policy version " + version + " within " + timeout);
    }
}
