package io.quotewire;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The one test profile with a rate limit small enough to reach: {@value #QUOTA} requests a minute per client. Every
 * test that probes the limit uses it, so they share one start of the application; each probes with a key of its own,
 * so the quota one uses up is no other test's.
 */
public class SmallRateLimit implements QuarkusTestProfile {

    public static final int QUOTA = 200;
    /** The key of the OWASP API4 probe. */
    public static final String FLOOD_KEY = "test-owasp-flood-key-5e1b07";
    /** The key of the rate limiter's own test. */
    public static final String RATE_LIMIT_KEY = "test-rate-limit-key-c41d92";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quotewire.rate-limit.requests", Integer.toString(QUOTA), "quotewire.rate-limit.window", "PT1M",
                "quotewire.auth.keys", Fixtures.EDITOR_KEY_ENTRY
                        + ",test-admin:admin:c4e5ef0b89f259141de099628e45e66da90a9deb2ead9093a4e543a7c61c0a01"
                        + ",test-flood:editor:6728cf967bb746334499fe6e7e65956565569c34e1490ad24f48a4a2613933b5"
                        + ",test-rate-limit:editor:3f5770a1e5dc8d7ec615dfcd83116774add5ad69821669cbb45d6d9875468d5d");
    }
}
