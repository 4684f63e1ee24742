package io.thz.learner;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thz.testing.kafka.KafkaBrokerResource;
import io.thz.testing.kafka.TestTopics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A record produced to the real broker reaches this service's {@code experience} channel. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ExperienceKafkaTest {

    @Test
    void recordCrossesTheBroker() throws InterruptedException {
        String key = UUID.randomUUID().toString();
        TestTopics.send("thz.experience", key, "{\"probe\":\"" + key + "\"}");
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        int code = 404;
        while (code != 200 && Instant.now().isBefore(end)) {
            code = given().get("/status/received/" + key).statusCode();
            if (code != 200) {
                Thread.sleep(100);
            }
        }
        given().get("/status/received/" + key).then().statusCode(200)
                .body("value", equalTo("{\"probe\":\"" + key + "\"}"));
    }

    @Test
    void healthIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
