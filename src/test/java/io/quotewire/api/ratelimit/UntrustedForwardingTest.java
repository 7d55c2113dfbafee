package io.quotewire.api.ratelimit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * In the default test profile the only trusted proxy is 192.0.2.10, and the suite's peer is 127.0.0.1: whatever the
 * forwarding headers of its requests claim, they come from one client and spend one quota. (The trusted side is
 * {@link TrustedProxyTest}.)
 */
@QuarkusTest
class UntrustedForwardingTest {

    private static final Pattern REMAINING = Pattern.compile(";r=(\\d+);");
    /** quotewire.rate-limit.window of the default profile. */
    private static final long WINDOW_MILLIS = 60_000;

    @Test
    void forwardedHeadersFromAPeerThatIsNoTrustedProxyAreIgnored() throws InterruptedException {
        // the three requests must fall in one window of the clock, or the second window's quota would start afresh
        long left = WINDOW_MILLIS - System.currentTimeMillis() % WINDOW_MILLIS;
        if (left < 5_000) {
            Thread.sleep(left + 200);
        }
        int first = remaining(given().header("X-Forwarded-For", "203.0.113.1").when().get("/api/v1/tags"));
        int second = remaining(given().header("X-Forwarded-For", "203.0.113.2").when().get("/api/v1/tags"));
        int third = remaining(given().header("Forwarded", "for=203.0.113.3").when().get("/api/v1/tags"));
        assertEquals(first - 1, second);
        assertEquals(second - 1, third);
    }

    static int remaining(Response response) {
        String rateLimit = response.then().statusCode(200).extract().header("RateLimit");
        Matcher m = REMAINING.matcher(rateLimit);
        assertTrue(m.find(), rateLimit);
        return Integer.parseInt(m.group(1));
    }
}
