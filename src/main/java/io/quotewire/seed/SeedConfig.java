package io.quotewire.seed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "quotewire.seed")
public interface SeedConfig {

    /** Load the seed article, its speakers and quotes on start when they are not there yet. */
    @WithDefault("true")
    boolean enabled();
}
