package io.quotewire.api.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.SmallRateLimit;
import org.junit.jupiter.api.Test;

/**
 * The rate limiter with the {@link SmallRateLimit} quota, sharing that application with the other tests of the
 * limit; its client is a key no other test uses.
 */
@QuarkusTest
@TestProfile(SmallRateLimit.class)
class RateLimitTest {

    static final int QUOTA = SmallRateLimit.QUOTA;
    static final String KEY = SmallRateLimit.RATE_LIMIT_KEY;

    @Test
    void aClientPastItsQuotaGets429WithRetryAfterAndTheRateLimitHeaders() {
        SmallRateLimit.awayFromAWindowEnd();
        // an API key is its own client, apart from the anonymous callers at the same address
        for (int sent = 1; sent <= QUOTA; sent++) {
            given().header("Authorization", "Bearer " + KEY).when().get("/api/v1/tags")
                    .then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"default\";q=" + QUOTA + ";w=60"))
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

    @Test
    void forwardedHeadersFromAPeerThatIsNoTrustedProxyAreIgnored() {
        SmallRateLimit.awayFromAWindowEnd();
        // the suite's peer is 127.0.0.1, and the only trusted proxy of the test profile is 192.0.2.10: whatever the
        // headers claim, these requests come from one client and spend one quota
        int first = remaining(given().header("X-Forwarded-For", "203.0.113.1").when().get("/api/v1/tags").then().statusCode(200)
                .extract().header("RateLimit"));
        int second = remaining(given().header("X-Forwarded-For", "203.0.113.2").when().get("/api/v1/tags").then().statusCode(200)
                .extract().header("RateLimit"));
        int third = remaining(given().header("Forwarded", "for=203.0.113.3").when().get("/api/v1/tags").then().statusCode(200)
                .extract().header("RateLimit"));
        org.junit.jupiter.api.Assertions.assertEquals(first - 1, second);
        org.junit.jupiter.api.Assertions.assertEquals(second - 1, third);
    }

    static int remaining(String rateLimit) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(";r=(\\d+);").matcher(rateLimit);
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), rateLimit);
        return Integer.parseInt(m.group(1));
    }
}
