package io.quotewire.quotable;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Quotable-compatible read API: where it is served. */
@ConfigMapping(prefix = "quotewire.quotable")
public interface QuotableConfig {

    /**
     * The path under which Quotable's routes answer, so that a client's base URL {@code https://api.quotable.io}
     * becomes {@code http://host:8080/quotable}. One or more path segments, starting with a slash, no trailing one.
     */
    @WithDefault(QuotableResource.MOUNT)
    String prefix();
}
