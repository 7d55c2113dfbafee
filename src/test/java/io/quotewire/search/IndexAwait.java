package io.quotewire.search;

import static io.restassured.RestAssured.given;

/** Reads readiness to learn which engine answers searches, and waits for the index when a test needs it. */
final class IndexAwait {

    private IndexAwait() {
    }

    static boolean theIndexAnswers() {
        String body = given().when().get("/q/health/ready").then().extract().asString();
        return body.replaceAll("\\s", "").contains("\"answeredBy\":\"index\"");
    }

    static void untilTheIndexAnswers() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!theIndexAnswers()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the search index did not become current within 60 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
