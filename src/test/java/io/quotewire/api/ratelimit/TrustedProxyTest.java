package io.quotewire.api.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the test's own address configured as the trusted proxy, the client it names is the one limited. */
@QuarkusTest
@TestProfile(TrustedProxyTest.LoopbackIsTheProxy.class)
class TrustedProxyTest {

    static final int QUOTA = 3;

    public static class LoopbackIsTheProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quotewire.rate-limit.requests", Integer.toString(QUOTA),
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @Test
    void eachClientNamedByTheTrustedProxyHasAQuotaOfItsOwn() {
        for (int sent = 1; sent <= QUOTA; sent++) {
            given().header("X-Forwarded-For", "203.0.113.7").when().get("/api/v1/tags").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.7").when().get("/api/v1/tags").then().statusCode(429);
        // another client behind the same proxy is not held back by the first one's quota
        given().header("X-Forwarded-For", "203.0.113.8").when().get("/api/v1/tags").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"default\";r=" + (QUOTA - 1) + ";t=\\d+"));
        given().header("Forwarded", "for=203.0.113.9").when().get("/api/v1/tags").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"default\";r=" + (QUOTA - 1) + ";t=\\d+"));
    }
}
