package io.thz.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** {@code GET /run} polled until the run is DONE or FAILED, or the timeout passes. */
final class Runs {

    private Runs() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> awaitDone(Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        Map<String, Object> status = Map.of();
        while (Instant.now().isBefore(end)) {
            status = given().get("/run").then().statusCode(200).extract().as(Map.class);
            if ("DONE".equals(status.get("state")) || "FAILED".equals(status.get("state"))) {
                return status;
            }
            Thread.sleep(50);
        }
        return status;
    }
}
