package io.quotewire.api.caching;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears every write to the content tables, from any instance, and drops the {@link ReadCache}: one connection of its
 * own (outside the pool) LISTENs on {@code quotewire_changes}, which triggers notify on commit (migration V25). A
 * notification reaches every instance within milliseconds of the commit; the connection is checked every second, and
 * when it is lost the cache stops storing until a new one listens, then is dropped whole (writes may have been missed).
 */
@ApplicationScoped
public class CacheInvalidations {

    static final String CHANNEL = "quotewire_changes";
    private static final Logger LOG = Logger.getLogger(CacheInvalidations.class);
    private static final int POLL_MILLIS = 250;
    private static final long CHECK_EVERY_MILLIS = 1000;

    private final ReadCache cache;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running = true;
    private Thread listener;

    public CacheInvalidations(ReadCache cache, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent started) {
        listener = new Thread(this::listen, "cache-invalidations");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                cache.listening(true);
                cache.invalidateAll(); // whatever was written while nobody listened
                if (warned) {
                    LOG.info("Listening for writes again: the cache of shared reads is in use");
                    warned = false;
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                long nextCheck = System.currentTimeMillis() + CHECK_EVERY_MILLIS;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        cache.invalidateAll();
                    }
                    if (System.currentTimeMillis() >= nextCheck) {
                        statement.execute("select 1"); // a connection that died quietly fails here
                        nextCheck = System.currentTimeMillis() + CHECK_EVERY_MILLIS;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.listening(false);
                if (running && !warned) {
                    LOG.warnf("Not listening for writes (%s): the cache of shared reads stores nothing new until it is back", e.toString());
                    warned = true;
                }
                pause();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "quotewire-cache-invalidations");
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
