package io.quotewire.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotewire.Fixtures;
import io.quotewire.deploy.PackagedService;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service over a real streaming replica. The test makes the standby itself from this machine's
 * PostgreSQL (by default Debian's PostgreSQL 15 at 127.0.0.1:5432): a database of its own on the server, a base
 * backup of the server taken with {@code pg_basebackup -R}, started as a hot standby on a free port. With replay on the
 * standby paused, a new record is missing from a plain read (served by the lagging standby) but present for its
 * writer, whose read-your-writes cookie sends its reads to the primary.
 *
 * <p>Needs the server's binaries ({@code -Dquotewire.it.pg-bin}, default {@code /usr/lib/postgresql/15/bin}), trust
 * authentication for user postgres from 127.0.0.1, replication connections included ({@code host replication all
 * 127.0.0.1/32 trust} in pg_hba.conf; .ci/run adds it), and wal_level replica. Without them it fails and says what is
 * missing, rather than pass without having proved anything. It runs in the {@code e2e} profile, with the other checks
 * that need the machine's packages, so that {@code ./mvnw verify} needs nothing but a JDK.
 */
@EnabledIfSystemProperty(named = "quotewire.it.machine-postgresql", matches = "true",
        disabledReason = "needs this machine's PostgreSQL server and its tools: run with -Pe2e, as .ci/run does")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamingReplicaIT {

    private static final Path PG_BIN = Path.of(System.getProperty("quotewire.it.pg-bin", "/usr/lib/postgresql/15/bin"));
    private static final String PRIMARY = System.getProperty("quotewire.it.pg-host", "127.0.0.1") + ":"
            + System.getProperty("quotewire.it.pg-port", "5432");
    private static final String USER = "postgres";
    /** Created and dropped by this test; never a database anyone else uses. */
    private static final String DATABASE = "quotewire_replica_it";
    /** PostgreSQL refuses to run as root: as root, the standby is made and run as the server's own user. */
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    /** Standby settings that must be at least the primary's, or a hot standby refuses to start. */
    private static final List<String> SETTINGS_AT_LEAST_PRIMARY = List.of("max_connections", "max_worker_processes", "max_wal_senders",
            "max_prepared_transactions", "max_locks_per_transaction");

    /** The standby's data; deleted after the class. */
    @TempDir
    static Path work;
    private static Path standbyData;
    private static boolean standbyStarted;
    private static boolean databaseCreated;
    private static int standbyPort;
    private static PackagedService service;

    @BeforeAll
    static void startPrimaryStandbyAndService() throws Exception {
        for (String tool : List.of("pg_basebackup", "pg_ctl")) {
            if (!Files.isExecutable(PG_BIN.resolve(tool))) {
                throw new AssertionError(PG_BIN.resolve(tool) + " is missing: this test makes a streaming replica with the PostgreSQL "
                        + "server's own tools (Debian package postgresql-15; another folder with -Dquotewire.it.pg-bin=...)");
            }
        }
        Map<String, String> primarySettings = new LinkedHashMap<>();
        try (Connection admin = connect(PRIMARY, "postgres"); Statement statement = admin.createStatement()) {
            String walLevel = single(statement, "show wal_level");
            if (!walLevel.equals("replica") && !walLevel.equals("logical")) {
                throw new AssertionError("The server at " + PRIMARY + " has wal_level " + walLevel + "; a standby needs replica or logical");
            }
            for (String setting : SETTINGS_AT_LEAST_PRIMARY) {
                primarySettings.put(setting, single(statement, "show " + setting));
            }
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
            databaseCreated = true;
        } catch (SQLException e) {
            throw new AssertionError("No PostgreSQL server accepting user postgres without a password at " + PRIMARY, e);
        }

        standbyData = work.resolve("standby");
        ownByServerUser(work);
        run(List.of(PG_BIN.resolve("pg_basebackup").toString(), "-h", host(PRIMARY), "-p", port(PRIMARY), "-U", USER, "-D",
                standbyData.toString(), "-R", "-X", "stream", "--checkpoint=fast"),
                "pg_basebackup needs replication connections from 127.0.0.1 allowed without a password: "
                        + "add 'host replication all 127.0.0.1/32 trust' to pg_hba.conf and reload (.ci/run does this)");
        standbyPort = PackagedService.freePort();
        StringBuilder conf = new StringBuilder()
                .append("port = ").append(standbyPort).append('\n')
                .append("listen_addresses = '127.0.0.1'\n")
                .append("unix_socket_directories = '").append(work).append("'\n")
                .append("hot_standby = on\n");
        primarySettings.forEach((name, value) -> conf.append(name).append(" = ").append(value).append('\n'));
        // Debian keeps the server's configuration outside its data folder, so the copy has none of its own
        writeOwned(standbyData.resolve("postgresql.conf"), conf.toString());
        writeOwned(standbyData.resolve("pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
        writeOwned(standbyData.resolve("pg_ident.conf"), "");
        run(List.of(PG_BIN.resolve("pg_ctl").toString(), "-D", standbyData.toString(), "-l", work.resolve("standby.log").toString(),
                "-w", "-t", "60", "start"), "the standby did not start; see " + work.resolve("standby.log"));
        standbyStarted = true;
        try (Connection standby = connect(standbyAddress(), DATABASE); Statement statement = standby.createStatement()) {
            assertEquals("t", single(statement, "select pg_is_in_recovery()"), "the copy runs as a standby");
        }

        service = startService();
        awaitStandbyReplayed(); // the seed, loaded on the primary at start
    }

    @AfterAll
    static void stopAndDeleteEverything() throws Exception {
        try {
            if (service != null) {
                service.stop();
            }
        } finally {
            try {
                if (standbyStarted) {
                    run(List.of(PG_BIN.resolve("pg_ctl").toString(), "-D", standbyData.toString(), "-m", "immediate", "-w", "stop"),
                            "the standby did not stop");
                }
            } finally {
                deleteWorkFolder();
                dropDatabase();
            }
        }
    }

    private static void deleteWorkFolder() throws IOException {
        if (work == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void dropDatabase() throws SQLException {
        if (databaseCreated) {
            try (Connection admin = connect(PRIMARY, "postgres"); Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + DATABASE + " with (force)");
            }
        }
    }

    private static RequestSpecification client() {
        return RestAssured.given().baseUri("http://localhost").port(service.port());
    }

    @Test
    void whileTheStandbyLagsANewRecordIsMissingForOthersButVisibleToItsWriter() throws SQLException {
        setReplayPaused(true);
        try {
            String name = Fixtures.unique("Lagging Witness");
            Response created = client().header("Authorization", "Bearer " + Fixtures.EDITOR_KEY).contentType(ContentType.JSON)
                    .body(Map.of("name", name)).when().post("/api/v1/speakers");
            // a standby cannot take writes at all: the record was written on the primary, and the answer carries it
            created.then().statusCode(201);
            assertEquals(name, created.path("name"));
            String location = created.header("Location");
            String cookie = created.getCookie(ReadYourWrites.COOKIE);
            assertNotNull(cookie, "a write answers with the read-your-writes cookie");

            client().when().get(location).then().statusCode(404); // the standby has not replayed the write
            client().cookie(ReadYourWrites.COOKIE, cookie).when().get(location).then().statusCode(200);

            setReplayPaused(false);
            assertTrue(eventually(() -> client().when().get(location).statusCode() == 200),
                    "once replay resumes, the standby serves the new record to everyone");
        } finally {
            setReplayPaused(false);
        }
    }

    @Test
    void readsWorkOnTheStandbyAndTheQuoteOfTheDayIsPickedOnThePrimary() throws SQLException {
        client().when().get("/api/v1/quotes?includeTotal=true").then().statusCode(200);
        client().when().get("/api/v1/speakers/vedant-patel/quotes").then().statusCode(200);
        try (Connection primary = connect(PRIMARY, DATABASE); Statement statement = primary.createStatement()) {
            statement.executeUpdate("delete from quote_of_the_day");
        }
        awaitStandbyReplayed();
        // with no pick stored this request inserts one, which the standby could not
        String id = client().when().get("/api/v1/quotes/today").then().statusCode(200).extract().path("id");
        assertNotNull(id);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void whenTheStandbyStopsReadsFallBackToThePrimaryAndTheServiceStaysReady() throws Exception {
        client().when().get("/api/v1/speakers/vedant-patel").then().statusCode(200);
        run(List.of(PG_BIN.resolve("pg_ctl").toString(), "-D", standbyData.toString(), "-m", "immediate", "-w", "stop"), "the standby did not stop");
        standbyStarted = false;
        // within a few checks of the replica, reads are answered by the primary
        assertTrue(eventually(() -> client().when().get("/api/v1/speakers/vedant-patel").statusCode() == 200),
                "reads are served by the primary while the replica is down");
        for (int i = 0; i < 20; i++) {
            client().when().get("/api/v1/quotes").then().statusCode(200);
        }
        client().when().get("/q/health/ready").then().statusCode(200);
    }

    private static PackagedService startService() throws IOException, InterruptedException {
        return PackagedService.start(PackagedService.freePort(), Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + PRIMARY + "/" + DATABASE,
                "QUARKUS_DATASOURCE_USERNAME", USER,
                "QUARKUS_DATASOURCE_REPLICA_JDBC_URL", "jdbc:postgresql://" + standbyAddress() + "/" + DATABASE,
                "QUARKUS_DATASOURCE_REPLICA_USERNAME", USER,
                "QUOTEWIRE_REPLICA_READ_YOUR_WRITES_WINDOW", "PT2M",
                "QUOTEWIRE_REPLICA_CHECK_INTERVAL", "PT0.5S",
                "QUOTEWIRE_AUTH_KEYS", Fixtures.EDITOR_KEY_ENTRY), work.resolve("service.log")).awaitReady();
    }

    private static void setReplayPaused(boolean paused) throws SQLException {
        try (Connection standby = connect(standbyAddress(), DATABASE); Statement statement = standby.createStatement()) {
            statement.execute(paused ? "select pg_wal_replay_pause()" : "select pg_wal_replay_resume()");
            String wanted = paused ? "paused" : "not paused";
            assertTrue(eventually(() -> wanted.equals(query(statement, "select pg_get_wal_replay_pause_state()"))),
                    "replay on the standby is " + wanted);
        }
    }

    /** Waits until the standby has replayed everything the primary has written so far. */
    private static void awaitStandbyReplayed() throws SQLException {
        String target;
        try (Connection primary = connect(PRIMARY, "postgres"); Statement statement = primary.createStatement()) {
            target = single(statement, "select pg_current_wal_lsn()");
        }
        try (Connection standby = connect(standbyAddress(), DATABASE); Statement statement = standby.createStatement()) {
            assertTrue(eventually(() -> "t".equals(query(statement, "select pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn"))),
                    "the standby replays the primary's WAL up to " + target);
        }
    }

    private static boolean eventually(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static Connection connect(String address, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + address + "/" + database, USER, null);
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String query(Statement statement, String sql) {
        try {
            return single(statement, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String standbyAddress() {
        return "127.0.0.1:" + standbyPort;
    }

    private static String host(String address) {
        return address.substring(0, address.lastIndexOf(':'));
    }

    private static String port(String address) {
        return address.substring(address.lastIndexOf(':') + 1);
    }

    /** Runs a PostgreSQL tool, as the server's user when we are root; fails with its output and {@code hint}. */
    private static void run(List<String> command, String hint) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("runuser", "-u", USER, "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", full) + " failed: " + output.strip() + "\n" + hint);
        }
    }

    private static void writeOwned(Path file, String content) throws IOException {
        Files.writeString(file, content);
        ownByServerUser(file);
    }

    private static void ownByServerUser(Path path) throws IOException {
        if (ROOT) {
            UserPrincipal postgres = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
            Files.setOwner(path, postgres);
        }
    }
}
