package io.quotewire.api.caching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "quotewire.http")
public interface HttpConfig {

    /** Seconds that clients and shared caches may reuse a cacheable read. */
    @WithDefault("60")
    int maxAge();

    /** The in-process cache of answers that are the same for everyone ({@link ReadCache}). */
    CacheConfig cache();

    interface CacheConfig {

        @WithDefault("true")
        boolean enabled();

        @WithDefault("10000")
        long maxEntries();

        /** Single records' views (the quotes of search pages), kept apart from the answers above; 0 keeps none. */
        @WithDefault("20000")
        long maxRecords();

        /** A backstop only: every write drops the whole cache on every instance. */
        @WithDefault("PT10M")
        Duration timeToLive();
    }
}
