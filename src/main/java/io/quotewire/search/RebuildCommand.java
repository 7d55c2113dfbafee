package io.quotewire.search;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code java -jar quarkus-run.jar rebuild-search-index}: asks every running instance to rebuild its search index
 * from PostgreSQL (a change without a quote in {@code search_change}) and shows their progress, as they report it in
 * {@code search_index_status}, until all are done. Instances answer searches from PostgreSQL meanwhile. It needs only
 * the database: the one configured as for the service ({@code QUARKUS_DATASOURCE_JDBC_URL} and credentials), else
 * the embedded PostgreSQL the service runs in its data folder.
 */
public final class RebuildCommand {

    public static final String NAME = "rebuild-search-index";
    private static final long NO_INSTANCE_GIVE_UP_MILLIS = 15_000;

    private RebuildCommand() {
    }

    public static int run(Path dataDirectory, String embeddedDatabase, String embeddedUser, PrintStream out) {
        String url = setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL");
        String user = setting("quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME");
        String password = setting("quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD");
        if (url == null) {
            Path pidFile = dataDirectory.resolve("postgres").resolve("postmaster.pid");
            try {
                // the fourth line of postmaster.pid is the port PostgreSQL listens on
                List<String> lines = Files.readAllLines(pidFile);
                url = "jdbc:postgresql://localhost:" + lines.get(3).strip() + "/" + embeddedDatabase;
                user = user == null ? embeddedUser : user;
            } catch (IOException | IndexOutOfBoundsException e) {
                out.println("No database configured (QUARKUS_DATASOURCE_JDBC_URL) and no embedded PostgreSQL running in "
                        + dataDirectory.toAbsolutePath() + ": start the service first, or configure its database.");
                return 2;
            }
        }
        try (Connection connection = DriverManager.getConnection(url, user == null ? "postgres" : user, password == null ? "" : password);
                Statement statement = connection.createStatement()) {
            long request;
            try (ResultSet row = statement.executeQuery("insert into search_change (quote_id) values (null) returning seq")) {
                row.next();
                request = row.getLong(1);
            }
            out.printf("Asked every instance to rebuild its search index (request %d); they answer searches from PostgreSQL meanwhile.%n", request);
            return follow(statement, request, out);
        } catch (SQLException e) {
            out.println("Could not reach the database: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static int follow(Statement statement, long request, PrintStream out) throws SQLException, InterruptedException {
        long started = System.currentTimeMillis();
        Map<String, String> shown = new HashMap<>();
        while (true) {
            Thread.sleep(1_000);
            int alive = 0;
            int done = 0;
            try (ResultSet rows = statement.executeQuery("""
                    select instance, state, indexed, total, rebuilt_upto from search_index_status
                    where heartbeat > now() - interval '10 seconds' order by instance""")) {
                while (rows.next()) {
                    alive++;
                    String instance = rows.getString(1);
                    String state = rows.getString(2);
                    long indexed = rows.getLong(3);
                    long total = rows.getLong(4);
                    boolean finished = rows.getLong(5) >= request && state.equals("current");
                    done += finished ? 1 : 0;
                    String line = finished
                            ? String.format(Locale.ROOT, "%s: done, %,d quotes indexed", instance, indexed)
                            : state.equals("rebuilding")
                            ? String.format(Locale.ROOT, "%s: rebuilding, %,d of %,d quotes (%d %%)", instance, indexed, total,
                                    total == 0 ? 0 : 100 * indexed / total)
                            : String.format(Locale.ROOT, "%s: %s", instance, state);
                    if (!line.equals(shown.put(instance, line))) {
                        out.printf(Locale.ROOT, "[%5.1f s] %s%n", (System.currentTimeMillis() - started) / 1000.0, line);
                    }
                }
            }
            if (alive > 0 && done == alive) {
                out.printf(Locale.ROOT, "Rebuilt on %d instance%s in %.1f s.%n", alive, alive == 1 ? "" : "s",
                        (System.currentTimeMillis() - started) / 1000.0);
                return 0;
            }
            if (alive == 0 && System.currentTimeMillis() - started > NO_INSTANCE_GIVE_UP_MILLIS) {
                out.println("No instance is running: each rebuilds its index when it next starts.");
                return 1;
            }
        }
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? null : value;
    }
}
