package io.quotewire.api.edge;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "quotewire.cors")
public interface CorsConfig {

    /**
     * Origins (scheme://host[:port]) whose pages may send writes (POST, PUT, PATCH, DELETE) from a browser. Reads
     * are open to every origin (quarkus.http.cors); unset: no origin may write from a browser.
     */
    Optional<List<String>> writeOrigins();
}
