package io.quotewire.api.ratelimit;

import static io.restassured.RestAssured.given;
import static io.quotewire.api.ratelimit.UntrustedForwardingTest.remaining;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.ChangedSettings;
import org.junit.jupiter.api.Test;

/**
 * With the test's own address configured as the trusted proxy ({@link ChangedSettings}), the client its forwarding
 * headers name is the one limited, each with a quota of its own. (The untrusted side is
 * {@link UntrustedForwardingTest}.)
 */
@QuarkusTest
@TestProfile(ChangedSettings.class)
class TrustedProxyTest {

    @Test
    void eachClientNamedByTheTrustedProxyHasAQuotaOfItsOwn() {
        ChangedSettings.awayFromAWindowEnd();
        int quota = ChangedSettings.QUOTA;
        for (int sent = 1; sent <= 3; sent++) {
            assertEquals(quota - sent, remaining(given().header("X-Forwarded-For", "203.0.113.7").when().get("/api/v1/tags")));
        }
        // other clients behind the same proxy, named either way, spend quotas of their own, not the first one's
        assertEquals(quota - 1, remaining(given().header("X-Forwarded-For", "203.0.113.8").when().get("/api/v1/tags")));
        assertEquals(quota - 1, remaining(given().header("Forwarded", "for=203.0.113.9").when().get("/api/v1/tags")));
    }
}
