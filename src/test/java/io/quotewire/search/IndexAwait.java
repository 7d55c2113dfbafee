package io.quotewire.search;

import static io.restassured.RestAssured.given;

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
        if (!until(IndexAwait::theIndexAnswers, Duration.ofSeconds(60))) {
            throw new AssertionError("the search index did not become current within 60 s");
        }
    }

    /** Polls {@code done} every 50 ms until it holds or {@code within} has passed; whether it held. */
    static boolean until(Condition done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (!done.holds()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(50);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError("could not tell whether the awaited condition holds", e);
        }
    }

    /** What a test waits for; it may fail as a read of the index can. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }
}
