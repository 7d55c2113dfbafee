package io.quotewire.api.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.ChangedSettings;
import org.junit.jupiter.api.Test;

/**
 * The rate limiter with the {@link ChangedSettings} quota; its client is a key no other test uses.
 */
@QuarkusTest
@TestProfile(ChangedSettings.class)
class RateLimitTest {

    static final int QUOTA = ChangedSettings.QUOTA;
    static final String KEY = ChangedSettings.RATE_LIMIT_KEY;

    @Test
    void aClientPastItsQuotaGets429WithRetryAfterAndTheRateLimitHeaders() {
        ChangedSettings.awayFromAWindowEnd();
        // an API key is its own client, apart from the anonymous callers at the same address
        for (int sent = 1; sent <= QUOTA; sent++) {
            given().header("Authorization", "Bearer " + KEY).when().get("/api/v1/tags")
                    .then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"default\";q=" + QUOTA + ";w=" + ChangedSettings.WINDOW_SECONDS))
                    .header("RateLimit", matchesPattern("\"default\";r=" + (QUOTA - sent) + ";t=\\d+"));
        }
        given().header("Authorization", "Bearer " + KEY).when().get("/api/v1/tags")
                .then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("/problems/too-many-requests"))
                .body("instance", equalTo("/api/v1/tags"))
                .header("Retry-After", matchesPattern("[1-9]\\d*"))
                .header("RateLimit", matchesPattern("\"default\";r=0;t=\\d+"));
        // health and metrics are never limited
        given().header("Authorization", "Bearer " + KEY).when().get("/q/health/live").then().statusCode(200);
        // anonymous callers from the same address have a quota of their own (IP-based)
        given().when().get("/api/v1/tags").then().statusCode(200).header("RateLimit", matchesPattern("\"default\";r=\\d+;t=\\d+"));
    }
}
