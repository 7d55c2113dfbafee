package io.quotewire.api.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "quotewire.rate-limit")
public interface RateLimitConfig {

    /** Whether requests are limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** Requests one client (an API key, else an IP address) may send per window. */
    @WithDefault("600")
    long requests();

    /** The window in which {@link #requests()} are allowed; the whole quota returns when it ends. */
    @WithDefault("PT1M")
    Duration window();

    /**
     * The share of the quota one instance may allow for a client before the shared count knows of it. N instances
     * together allow at most {@code requests * (1 + N * share)} per window: with the default and two instances, 10 %
     * over the quota at most.
     */
    @WithDefault("0.05")
    double unsynchronizedShare();

    /** How often an active client's count is pushed to the shared count (in the background) at the latest. */
    @WithDefault("PT1S")
    Duration syncInterval();
}
