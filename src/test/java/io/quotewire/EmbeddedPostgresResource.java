package io.quotewire;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quotewire.embedded.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * The database of the test run: a fresh embedded PostgreSQL, unless the environment names a server
 * ({@code QUARKUS_DATASOURCE_JDBC_URL}), which Quarkus then uses directly.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null || System.getProperty("quarkus.datasource.jdbc.url") != null) {
            return Map.of();
        }
        try {
            database = EmbeddedDatabase.start(Files.createTempDirectory("quotewire-test-pg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.datasource.jdbc.url", database.jdbcUrl(), "quarkus.datasource.username", database.username());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
