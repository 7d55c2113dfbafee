package io.quotewire.search;

import static io.restassured.RestAssured.given;

import io.quotewire.Await;
import java.time.Duration;

/** Reads readiness to learn which engine answers searches, and waits for the index when a test needs it. */
final class IndexAwait {

    private IndexAwait() {
    }

    static boolean theIndexAnswers() {
        String body = given().when().get("/q/health/ready").then().extract().asString();
        return body.replaceAll("\\s", "").contains("\"answeredBy\":\"index\"");
    }

    static void untilTheIndexAnswers() {
        if (!Await.until(IndexAwait::theIndexAnswers, Duration.ofSeconds(60))) {
            throw new AssertionError("the search index did not become current within 60 s");
        }
    }
}
