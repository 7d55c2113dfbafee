package io.quotewire.api.caching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "quotewire.http")
public interface HttpConfig {

    /** Seconds that clients and shared caches may reuse a cacheable read. */
    @WithDefault("60")
    int maxAge();
}
