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
}
