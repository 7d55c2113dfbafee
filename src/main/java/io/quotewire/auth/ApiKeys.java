package io.quotewire.auth;

import io.quotewire.text.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API keys, held only as SHA-256 digests. A presented key is hashed and compared with every
 * configured digest in constant time, so neither the comparison nor the position of a match leaks through timing.
 */
@ApplicationScoped
public class ApiKeys {

    /** One configured key: who holds it, the roles it grants, and its digest. */
    public record ApiKey(String name, Set<String> roles, byte[] digest) {
    }

    private final List<ApiKey> keys;

    public ApiKeys(AuthConfig config) {
        List<ApiKey> parsed = new ArrayList<>();
        for (String entry : config.keys().orElse(List.of())) {
            if (!entry.isBlank()) {
                parsed.add(parse(entry.strip()));
            }
        }
        this.keys = List.copyOf(parsed);
    }

    /** The key whose digest matches {@code presented}, if any. */
    public Optional<ApiKey> find(String presented) {
        byte[] digest = Sha256.of(presented);
        ApiKey found = null;
        for (ApiKey key : keys) {
            if (MessageDigest.isEqual(key.digest(), digest) && found == null) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }

    static ApiKey parse(String entry) {
        String[] parts = entry.split(":");
        if (parts.length != 3 || parts[0].isBlank() || !parts[2].matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("quotewire.auth.keys entries are name:role:sha256hex (64 hex digits); one is not");
        }
        Set<String> roles = switch (parts[1]) {
            case Roles.EDITOR -> Set.of(Roles.EDITOR);
            case Roles.ADMIN -> Set.of(Roles.EDITOR, Roles.ADMIN);
            default -> throw new IllegalArgumentException("API key " + parts[0] + " has role '" + parts[1] + "'; roles are editor and admin");
        };
        return new ApiKey(parts[0], roles, HexFormat.of().parseHex(parts[2].toLowerCase()));
    }

}
