package io.thz.channel;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.thz.core.wire.OutcomeRecord;
import io.thz.testing.kafka.KafkaBrokerResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays through the service: a simulated run is recorded (thz.channel.record-to), the recording
 * is replayed to the same outcomes slot for slot, and bad replay paths are answered with 400 and
 * the reason. No agent answers: every slot is played with the deterministic fallback actions.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestProfile(ReplayRunTest.Profile.class)
class ReplayRunTest {

    /** The same in every class loader of the test (the profile is read before the test class is). */
    static final Path RECORDINGS = Path.of(System.getProperty("java.io.tmpdir"),
            "thz-replay-run-test-" + ProcessHandle.current().pid());
    static final String PREFIX = "replay" + ProcessHandle.current().pid() + ".";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("thz.topics.prefix", PREFIX, "thz.model.scenario", "small",
                    "thz.channel.deadline-ms", "20", "thz.channel.publish-experience", "false",
                    "thz.channel.recordings-dir", RECORDINGS.toString(),
                    "thz.channel.record-to", RECORDINGS.resolve("{run}.thzc").toString());
        }
    }

    private static String error(Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/run").then().statusCode(400)
                .extract().path("error");
    }

    @AfterAll
    static void deleteRecordings() throws IOException {
        if (Files.isDirectory(RECORDINGS)) {
            try (Stream<Path> files = Files.list(RECORDINGS)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(RECORDINGS);
        }
    }

    @Test
    void aRecordedRunReplaysToTheSameOutcomesAndBadReplayPathsAreRefused() throws Exception {
        assertThat(error(Map.of("slots", 5, "replay", "../../etc/passwd")))
                .isEqualTo("replay: ../../etc/passwd is outside the recordings directory " + RECORDINGS
                        + " (thz.channel.recordings-dir)");
        assertThat(error(Map.of("slots", 5, "replay", "missing.thzc")))
                .isEqualTo("replay: no such file: " + RECORDINGS.resolve("missing.thzc"));
        Files.createDirectories(RECORDINGS);
        Files.writeString(RECORDINGS.resolve("text.thzc"), "not a stream");
        assertThat(error(Map.of("slots", 5, "replay", "text.thzc"))).contains("not a channel stream")
                .contains("at byte offset 0");

        // small: T = 10; 20 slots = 2 episodes (the run then starts episode 2, whose slot 0 is recorded too)
        String runId = given().contentType("application/json").body(Map.of("slots", 20, "seed", 5, "replay", ""))
                .post("/run").then().statusCode(202).extract().path("runId");
        assertThat(Runs.awaitDone(Duration.ofSeconds(60)).get("state")).isEqualTo("DONE");
        OutcomeRecord[] live = given().get("/run/outcomes").then().statusCode(200).extract().as(OutcomeRecord[].class);
        assertThat(live).hasSize(20);
        Path recording = RECORDINGS.resolve(runId + ".thzc");
        assertThat(recording).exists();

        Map<String, Object> started = given().contentType("application/json")
                .body(Map.of("slots", 1000, "seed", 99, "replay", recording.getFileName().toString()))
                .post("/run").then().statusCode(202).extract().as(Map.class);
        assertThat(((Number) started.get("slotsTarget")).longValue()).as("the run ends with the recording").isEqualTo(20);
        Map<String, Object> done = Runs.awaitDone(Duration.ofSeconds(60));
        assertThat(done.get("state")).isEqualTo("DONE");
        OutcomeRecord[] replayed = given().get("/run/outcomes").then().statusCode(200).extract().as(OutcomeRecord[].class);
        assertThat(replayed).hasSize(20);
        assertThat(RECORDINGS.resolve(started.get("runId") + ".thzc")).as("a replay is not recorded").doesNotExist();
        for (int i = 0; i < 20; i++) {
            OutcomeRecord a = live[i];
            OutcomeRecord b = replayed[i];
            assertThat(b.slot()).isEqualTo(a.slot());
            assertThat(b.episode()).isEqualTo(a.episode());
            assertThat(b.step()).isEqualTo(a.step());
            assertThat(b.reward()).as("slot %d", i).isEqualTo(a.reward());
            assertThat(b.eeGbitPerJoule()).isEqualTo(a.eeGbitPerJoule());
            assertThat(b.sumRateGbps()).isEqualTo(a.sumRateGbps());
            assertThat(b.powerTotalW()).isEqualTo(a.powerTotalW());
            assertThat(b.rateViolationGbps()).isEqualTo(a.rateViolationGbps());
            assertThat(b.reliability()).isEqualTo(a.reliability());
        }
        assertThat(live[10].reward()).as("episodes differ, so the comparison can fail").isNotEqualTo(live[0].reward());
    }
}
