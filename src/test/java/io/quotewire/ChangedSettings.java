package io.quotewire;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The one test profile besides the default: the application started a second time with every setting a test must see
 * changed at start. Each start of the application costs the suite about twenty seconds, so the tests of the rate
 * limit, the trusted proxy, the Quotable prefix and the read replica share this one, and none of its settings gets in
 * the way of another's test:
 * <ul>
 * <li>a rate limit small enough to reach, {@value #QUOTA} requests an hour per client; each test that probes it uses
 * a key of its own, so the quota one uses up is no other test's;</li>
 * <li>the test's own address (127.0.0.1) as the trusted proxy, so the client named by {@code X-Forwarded-For} is the
 * one limited (the default profile trusts only 192.0.2.10, so there a forwarded header is ignored);</li>
 * <li>the Quotable routes under {@value #QUOTABLE_PREFIX} instead of the default prefix;</li>
 * <li>a read replica: the same database, logged in as a read-only role that ReplicaRoutingTest creates (until then
 * reads fall back to the primary), with the scheduler off so that no scheduled check takes replica connections
 * while that test counts them, and the shared-read cache off so that every read reaches a database; with no
 * scheduler, an import runs only if its own wake-up starts it (ImportWakeUpTest).</li>
 * </ul>
 */
public class ChangedSettings implements QuarkusTestProfile {

    public static final int QUOTA = 200;
    /** The key of the OWASP API4 probe. */
    public static final String FLOOD_KEY = "test-owasp-flood-key-5e1b07";
    /** The key of the rate limiter's own test. */
    public static final String RATE_LIMIT_KEY = "test-rate-limit-key-c41d92";
    /** The window: an hour, so that a probe on a busy machine (200 requests can take half a minute) fits in one. */
    public static final int WINDOW_SECONDS = 3600;
    public static final String QUOTABLE_PREFIX = "/compat/quotable-v1";
    /** The read-only role of the replica datasource. */
    public static final String REPLICA_READER = "quotewire_test_reader";

    /**
     * Rate-limit windows are fixed spans of the clock, shared by every instance; a probe that sends a quota's worth
     * must not straddle the end of one, or the next window's quota would let it through. Waits out the current
     * window when less than two minutes of it are left.
     */
    public static void awayFromAWindowEnd() {
        long window = WINDOW_SECONDS * 1000L;
        long left = window - System.currentTimeMillis() % window;
        if (left < 120_000) {
            try {
                Thread.sleep(left + 500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quotewire.rate-limit.requests", Integer.toString(QUOTA));
        settings.put("quotewire.rate-limit.window", "PT1H");
        settings.put("quotewire.auth.keys", Fixtures.EDITOR_KEY_ENTRY
                + ",test-admin:admin:c4e5ef0b89f259141de099628e45e66da90a9deb2ead9093a4e543a7c61c0a01"
                + ",test-flood:editor:6728cf967bb746334499fe6e7e65956565569c34e1490ad24f48a4a2613933b5"
                + ",test-rate-limit:editor:3f5770a1e5dc8d7ec615dfcd83116774add5ad69821669cbb45d6d9875468d5d");
        settings.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        settings.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        settings.put("quotewire.quotable.prefix", QUOTABLE_PREFIX);
        // no user in the primary's URL (see EmbeddedPostgresResource), so the replica can name its own
        settings.put("quarkus.datasource.replica.jdbc.url", "${quarkus.datasource.jdbc.url}");
        settings.put("quarkus.datasource.replica.username", REPLICA_READER);
        settings.put("quotewire.replica.read-your-writes-window", "PT1M");
        settings.put("quarkus.scheduler.enabled", "false");
        settings.put("quotewire.http.cache.enabled", "false");
        return settings;
    }
}
