package io.quotewire;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/**
 * The database of the test run: a fresh embedded PostgreSQL, unless the environment names a server
 * ({@code QUARKUS_DATASOURCE_JDBC_URL}), which Quarkus then uses directly. Unlike the service's own embedded
 * database ({@code EmbeddedDatabase}), whose data must survive a crash, this one is thrown away: it runs with the
 * library's defaults for tests (no fsync, asynchronous commit), so a commit does not wait for the disk, and its data
 * folder is deleted when it stops.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres database;

    @Override
    public Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null || System.getProperty("quarkus.datasource.jdbc.url") != null) {
            return Map.of();
        }
        try {
            database = EmbeddedPostgres.builder()
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.datasource.jdbc.url", database.getJdbcUrl("postgres", "postgres"), "quarkus.datasource.username", "postgres");
    }

    @Override
    public void stop() {
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
