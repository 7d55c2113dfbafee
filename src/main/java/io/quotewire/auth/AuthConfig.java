package io.quotewire.auth;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "quotewire.auth")
public interface AuthConfig {

    /**
     * The API keys allowed to write, each as {@code name:role:sha256hex}: a name for logs and rate limits, the role
     * ({@code editor} or {@code admin}) and the lower-case hex SHA-256 of the key. Only the hash is configured; the
     * key itself is known to its holder alone. Unset: nobody can write.
     */
    Optional<List<String>> keys();
}
