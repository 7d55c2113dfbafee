package io.quotewire.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quotewire.Fixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service when its database goes away and comes back, when it is killed in the middle of an ingest,
 * and when it is asked to stop while requests are in flight. The test owns the PostgreSQL, so it can stop and
 * restart it under the running service, and hold table locks that keep a request in the middle of its transaction.
 */
class ResilienceIT {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(5);
    private static final List<String> TABLES = List.of("source", "speaker", "quote", "quote_tag", "tag", "article_ingest");

    /** The database's data and the service's log; deleted after the class. */
    @TempDir
    static Path work;
    private static int databasePort;
    private static EmbeddedPostgres postgres;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The running service; the tests share it while they leave it running, as starting one takes the longest. */
    private static PackagedService service;

    @BeforeAll
    static void startDatabase() throws IOException {
        databasePort = PackagedService.freePort();
        postgres = startPostgres();
    }

    @AfterAll
    static void stopServiceAndDatabase() throws IOException, InterruptedException {
        if (service != null) {
            service.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** PostgreSQL on a fixed port with its data kept, so that a restart brings back the same server. */
    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(databasePort)
                .start();
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + databasePort + "/postgres";
    }

    /** The service the previous test left running, else a new one. */
    private static PackagedService runningService() throws IOException, InterruptedException {
        return service != null && service.process().isAlive() ? service : startService();
    }

    private static PackagedService startService() throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>();
        // rate limits off, so that each endpoint's own database access meets an outage (with them on, the client's
        // bucket in PostgreSQL is the first thing to fail, with the same 503)
        environment.put("QUOTEWIRE_RATE_LIMIT_ENABLED", "false");
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
        environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        environment.put("QUOTEWIRE_AUTH_KEYS", Fixtures.EDITOR_KEY_ENTRY);
        // the search index in the test's own folder, not in ./data of the working copy
        environment.put("QUOTEWIRE_SEARCH_INDEX_PATH", work.resolve("search-index").toString());
        service = PackagedService.start(PackagedService.freePort(), environment, work.resolve("service.log"));
        return service.awaitReady();
    }

    @Test
    void withTheDatabaseStoppedRequestsAnswer503QuicklyAndTheServiceRecoversWhenItReturns() throws Exception {
        runningService();
        HttpResponse<String> cached = get("/api/v1/quotes");
        assertEquals(200, cached.statusCode());

        postgres.close();
        // a page read before the outage answers from the read cache, as it was; everything else needs the database
        HttpResponse<String> fromCache = get("/api/v1/quotes");
        assertEquals(200, fromCache.statusCode());
        assertEquals(cached.body(), fromCache.body());
        for (String path : List.of("/api/v1/quotes?limit=5", "/api/v1/quotes/random", "/api/v1/quotes/today", "/api/v1/speakers/vedant-patel",
                "/api/v1/quotes?q=peace", "/api/v1/tags")) {
            assertUnavailableQuickly(path, request(path).GET());
        }
        assertUnavailableQuickly("POST /api/v1/speakers", request("/api/v1/speakers")
                .header("Authorization", "Bearer " + Fixtures.EDITOR_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Nobody Saved\"}")));

        Instant asked = Instant.now();
        HttpResponse<String> readiness = get("/q/health/ready");
        assertTrue(Duration.between(asked, Instant.now()).compareTo(ANSWER_WITHIN) < 0, "readiness answered within 2 s");
        assertEquals(503, readiness.statusCode());
        assertTrue(readiness.body().contains("\"DOWN\""), readiness.body());
        HttpResponse<String> liveness = get("/q/health/live");
        assertEquals(200, liveness.statusCode());
        assertTrue(liveness.body().contains("\"UP\""), liveness.body());

        postgres = startPostgres();
        Instant back = Instant.now();
        while (get("/api/v1/quotes?limit=5").statusCode() != 200) {
            if (Duration.between(back, Instant.now()).compareTo(RECOVER_WITHIN) > 0) {
                fail("the service still failed " + RECOVER_WITHIN + " after PostgreSQL returned");
            }
            Thread.sleep(100);
        }
        // every pooled connection works again, not only the first one tried
        for (int i = 0; i < 40; i++) {
            assertEquals(200, get("/api/v1/quotes/random").statusCode());
        }
        assertEquals(200, get("/q/health/ready").statusCode());
    }

    private void assertUnavailableQuickly(String what, HttpRequest.Builder request) throws IOException, InterruptedException {
        Instant sent = Instant.now();
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.between(sent, Instant.now());
        assertEquals(503, response.statusCode(), what + ": " + response.body());
        assertTrue(took.compareTo(ANSWER_WITHIN) < 0, what + " took " + took);
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), what);
        assertTrue(Integer.parseInt(response.headers().firstValue("Retry-After").orElseThrow()) > 0, what);
        assertTrue(response.body().contains("\"status\":503"), response.body());
    }

    @Test
    void aServiceKilledInTheMiddleOfAnIngestLeavesNoPartialArticle() throws Exception {
        runningService();
        String url = "https://resilience.example/" + UUID.randomUUID();
        String article = "{\"url\":\"" + url + "\",\"text\":\"Harbour works resume\\n\\n"
                + "Harbour master Ines Okafor said: \\\"The north quay opens again on Monday.\\\" "
                + "Okafor added that the ferries would keep their summer timetable.\"}";
        Map<String, Long> before = rowCounts();

        CompletableFuture<HttpResponse<String>> ingest;
        try (Connection locker = connect()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                // the ingest claims the article and saves its source and speakers, then waits here to save its quotes
                lock.execute("LOCK TABLE quote IN EXCLUSIVE MODE");
            }
            ingest = http.sendAsync(request("/api/v1/articles").header("Authorization", "Bearer " + Fixtures.EDITOR_KEY)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(article)).build(),
                    HttpResponse.BodyHandlers.ofString());
            int writer = awaitTransactionWaitingOnLock();
            assertTrue(hasWritten(writer), "the ingest had written rows in its transaction before it was killed");

            service.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            locker.rollback();
            awaitBackendGone(writer);
        }
        assertNotAcknowledged(ingest);
        assertEquals(before, rowCounts(), "nothing of the killed ingest was kept");

        startService();
        HttpResponse<String> again = http.send(request("/api/v1/articles").header("Authorization", "Bearer " + Fixtures.EDITOR_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(article)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, again.statusCode(), "the same article is ingested afresh after the restart: " + again.body());
        assertEquals(before.get("source") + 1, rowCounts().get("source"));
    }

    @Test
    void shutdownLetsTheRequestsInFlightFinish() throws Exception {
        runningService();
        String name = "Drained Speaker " + UUID.randomUUID().toString().substring(0, 8);
        CompletableFuture<HttpResponse<String>> write;
        try (Connection locker = connect()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE speaker IN EXCLUSIVE MODE");
            }
            write = http.sendAsync(request("/api/v1/speakers").header("Authorization", "Bearer " + Fixtures.EDITOR_KEY)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitTransactionWaitingOnLock();

            service.process().destroy(); // SIGTERM, as Kubernetes sends it
            Thread.sleep(1000);
            assertTrue(service.process().isAlive(), "the service waits for its request in flight");
            assertAnsweredAndToldToReconnect("/api/v1/quotes");
            locker.commit();
        }
        HttpResponse<String> answered = write.get(20, TimeUnit.SECONDS);
        assertEquals(201, answered.statusCode(), answered.body());
        assertTrue(service.process().waitFor(30, TimeUnit.SECONDS), "the service exits once drained");
        try (Connection check = connect(); Statement query = check.createStatement();
             ResultSet saved = query.executeQuery("SELECT count(*) FROM speaker WHERE name = '" + name + "'")) {
            saved.next();
            assertEquals(1, saved.getInt(1), "the drained write was committed");
        }
    }

    /**
     * A request arriving while the service drains is still answered, but its connection is closed after the answer,
     * so that the client's next request opens a connection to an instance that is not stopping.
     */
    private void assertAnsweredAndToldToReconnect(String path) throws IOException {
        // a raw HTTP/1.1 exchange: Java's HttpClient does not show the Connection header
        try (Socket socket = new Socket("localhost", service.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String status = reader.readLine();
            assertTrue(status.startsWith("HTTP/1.1 200") || status.startsWith("HTTP/1.1 503"), "a request during shutdown: " + status);
            List<String> headers = new ArrayList<>();
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                headers.add(line.toLowerCase(Locale.ROOT));
            }
            assertTrue(headers.contains("connection: close"), "the connection is closed after the answer: " + headers);
        } catch (ConnectException refused) {
            // the listener is already closed: as good for a client that retries elsewhere
        }
    }

    private static void assertNotAcknowledged(CompletableFuture<HttpResponse<String>> request) throws InterruptedException {
        try {
            HttpResponse<String> response = request.get(10, TimeUnit.SECONDS);
            assertFalse(response.statusCode() < 300, "a killed ingest was acknowledged: " + response.statusCode());
        } catch (ExecutionException expected) {
            // the connection died with the process: the client knows the article was not saved
        } catch (TimeoutException e) {
            fail("the client of the killed service was left waiting");
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + path));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    private static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    /** The backend of the service's transaction that is waiting for the test's table lock. */
    private static int awaitTransactionWaitingOnLock() throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet waiting = statement.executeQuery(
                        "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
                    if (waiting.next()) {
                        return waiting.getInt(1);
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no request of the service came to wait on the test's lock");
    }

    /** Whether the backend's transaction has written anything (a transaction id is assigned at its first write). */
    private static boolean hasWritten(int pid) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet activity = statement.executeQuery("SELECT backend_xid FROM pg_stat_activity WHERE pid = " + pid)) {
            return activity.next() && activity.getString(1) != null;
        }
    }

    private static void awaitBackendGone(int pid) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet backend = statement.executeQuery("SELECT 1 FROM pg_stat_activity WHERE pid = " + pid)) {
                    if (!backend.next()) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the killed service's database session did not end");
    }
}
