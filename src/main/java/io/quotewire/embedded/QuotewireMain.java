package io.quotewire.embedded;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quotewire.bulk.BulkCommand;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quotewire.search.RebuildCommand;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts Quotewire. With no database configured ({@code QUARKUS_DATASOURCE_JDBC_URL} or
 * {@code -Dquarkus.datasource.jdbc.url}) it first starts the embedded PostgreSQL and points the datasource at it;
 * with one configured it starts nothing else.
 */
@QuarkusMain
public class QuotewireMain implements QuarkusApplication {

    static final String DATA_DIRECTORY_PROPERTY = "quotewire.data-dir";
    static final String DATA_DIRECTORY_VARIABLE = "QUOTEWIRE_DATA_DIR";
    private static final long DRAIN_SECONDS = 30;

    private static volatile EmbeddedDatabase embedded;
    private static volatile boolean quarkusStarted;
    private static final CountDownLatch quarkusStopped = new CountDownLatch(1);

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals(RebuildCommand.NAME)) {
            System.exit(RebuildCommand.run(dataDirectory(), EmbeddedDatabase.DATABASE, EmbeddedDatabase.USER, System.out));
        }
        if (System.getProperty("quarkus.datasource.jdbc.url") == null && System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            embedded = EmbeddedDatabase.start(dataDirectory().resolve("postgres"));
            System.setProperty("quarkus.datasource.jdbc.url", embedded.jdbcUrl());
            System.setProperty("quarkus.datasource.username", embedded.username());
            // Stop PostgreSQL only after Quarkus has drained its requests (see onStop), or at once if it never started.
            Runtime.getRuntime().addShutdownHook(new Thread(QuotewireMain::stopEmbeddedAfterQuarkus, "embedded-postgres-stop"));
        }
        if (BulkCommand.isCommand(args)) {
            // a bulk import or export (issue 13): no server worth reaching, and no import worker beside the command
            System.setProperty("quarkus.http.port", System.getProperty("quarkus.http.port", "0"));
            System.setProperty("quotewire.import.worker-enabled", "false");
            // nor a search index of its own: it would re-read and index every imported quote, on the cores the import
            // needs; the service's instances apply the change log the import writes (docs/SEARCH.md)
            System.setProperty("quotewire.search.index.enabled", "false");
        }
        Quarkus.run(QuotewireMain.class, args);
    }

    @Override
    public int run(String... args) throws Exception {
        if (BulkCommand.isCommand(args)) {
            return Arc.container().instance(BulkCommand.class).get().run(args);
        }
        Quarkus.waitForExit();
        return 0;
    }

    private static Path dataDirectory() {
        String configured = System.getProperty(DATA_DIRECTORY_PROPERTY, System.getenv(DATA_DIRECTORY_VARIABLE));
        return Path.of(configured == null || configured.isBlank() ? "data" : configured);
    }

    private static void stopEmbeddedAfterQuarkus() {
        try {
            if (quarkusStarted) {
                quarkusStopped.await(DRAIN_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    /** Hears Quarkus start, and stop after the HTTP server has finished its requests, then lets the database go. */
    @ApplicationScoped
    static class LifecycleListener {
        void onStart(@Observes StartupEvent event) {
            quarkusStarted = true;
        }

        void onStop(@Observes ShutdownEvent event) {
            quarkusStopped.countDown();
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
