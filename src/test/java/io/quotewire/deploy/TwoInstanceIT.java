package io.quotewire.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotewire.Fixtures;
import io.quotewire.embedded.EmbeddedDatabase;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged service over one PostgreSQL, answering alternately: whatever one instance hands a
 * client must hold on the other. What an instance keeps in memory (its cache of shared reads, its view of the rate
 * limits) follows the other's writes within a second, with the bounds tested here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstanceIT {

    /** Requests per window per client, given to both instances; the rate-limit checks spend it, so they run last. */
    private static final int RATE_LIMIT = 400;
    /** An hour, so that no check straddles a window's end by accident (each also waits when one is near). */
    private static final Duration RATE_WINDOW = Duration.ofHours(1);
    private static final String ADMIN_KEY_ENTRY = "test-admin:admin:c4e5ef0b89f259141de099628e45e66da90a9deb2ead9093a4e543a7c61c0a01";

    private static EmbeddedDatabase database;
    private static final List<PackagedService> instances = new ArrayList<>();
    private static int portA;
    private static int portB;
    /** The database's data and the instances' logs; deleted after the class. */
    @TempDir
    static Path work;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        database = EmbeddedDatabase.start(work.resolve("postgres"));
        portA = PackagedService.freePort();
        portB = PackagedService.freePort();
        instances.add(start(portA, work));
        instances.add(start(portB, work));
        for (PackagedService instance : instances) {
            instance.awaitReady();
        }
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        for (PackagedService instance : instances) {
            instance.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    private static RequestSpecification on(int port) {
        // the editor's key on every request: writes need it, reads ignore it
        return RestAssured.given().baseUri("http://localhost").port(port).header("Authorization", "Bearer " + Fixtures.EDITOR_KEY);
    }

    @Test
    void aCursorFromOneInstanceContinuesOnTheOther() {
        List<String> seen = new ArrayList<>();
        JsonPath page = on(portA).queryParam("limit", 4).get("/api/v1/quotes").then().statusCode(200).extract().jsonPath();
        seen.addAll(page.getList("items.id"));
        boolean onB = true;
        while (page.getString("nextCursor") != null) {
            page = on(onB ? portB : portA).queryParam("limit", 4).queryParam("cursor", page.getString("nextCursor"))
                    .get("/api/v1/quotes").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            onB = !onB;
        }
        int total = on(portB).queryParam("includeTotal", true).get("/api/v1/quotes").then().extract().path("total");
        assertEquals(total, seen.size());
        assertEquals(total, new HashSet<>(seen).size());
    }

    @Test
    void anETagFromOneInstanceIsNotModifiedOnTheOther() {
        String etag = on(portA).get("/api/v1/speakers/vedant-patel").then().statusCode(200).extract().header("ETag");
        assertNotNull(etag);
        on(portB).header("If-None-Match", etag).get("/api/v1/speakers/vedant-patel").then().statusCode(304);
    }

    @Test
    void theQuoteOfTheDayIsTheSameOnBoth() {
        String a = on(portA).get("/api/v1/quotes/today").then().statusCode(200).extract().path("id");
        String b = on(portB).get("/api/v1/quotes/today").then().statusCode(200).extract().path("id");
        assertEquals(a, b);
    }

    @Test
    void aWriteOnOneInstanceIsVisibleOnTheOtherAtOnce() {
        String name = "Both Instances " + UUID.randomUUID().toString().substring(0, 8);
        String id = on(portA).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/v1/speakers").then().statusCode(201).extract().path("id");
        on(portB).get("/api/v1/speakers/" + id).then().statusCode(200);
        on(portB).contentType("application/merge-patch+json").body("{\"role\":\"Witness\"}")
                .patch("/api/v1/speakers/" + id).then().statusCode(200);
        assertEquals("Witness", on(portA).get("/api/v1/speakers/" + id).then().statusCode(200).extract().path("role"));
    }

    @Test
    void anIdempotencyKeyUsedOnOneInstanceReplaysOnTheOther() {
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("name", "Idempotent Witness " + key.substring(0, 8));
        String first = on(portA).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/speakers").then().statusCode(201).extract().path("id");
        String replayed = on(portB).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/speakers").then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, replayed);
        on(portB).header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("name", "Someone Else"))
                .post("/api/v1/speakers").then().statusCode(422);
    }

    @Test
    void aWriteOnOneInstanceReachesTheOthersCachedReadsWithinOneSecond() throws InterruptedException {
        String name = "Cached Witness " + UUID.randomUUID().toString().substring(0, 8);
        String id = on(portA).contentType(ContentType.JSON).body(Map.of("name", name, "role", "Clerk"))
                .post("/api/v1/speakers").then().statusCode(201).extract().path("id");
        // read twice on B: the second answer comes from B's cache of shared reads
        for (int i = 0; i < 2; i++) {
            assertEquals("Clerk", on(portB).get("/api/v1/speakers/" + id).then().statusCode(200).extract().path("role"));
        }
        int tagsBefore = on(portB).queryParam("includeTotal", true).get("/api/v1/tags").then().statusCode(200).extract().path("total");

        on(portA).contentType("application/merge-patch+json").body("{\"role\":\"Judge\"}").patch("/api/v1/speakers/" + id).then().statusCode(200);
        Duration seen = awaitOnB(() -> "Judge".equals(on(portB).get("/api/v1/speakers/" + id).then().extract().path("role")));
        assertTrue(seen.compareTo(Duration.ofSeconds(1)) < 0, "the change reached B's cache after " + seen);

        String tag = "cache-check-" + UUID.randomUUID().toString().substring(0, 8);
        String source = on(portA).get("/api/v1/sources").then().statusCode(200).extract().path("items[0].id");
        on(portB).get("/api/v1/quotes?limit=1").then().statusCode(200); // B's newest-quote page, now in its cache
        String quote = on(portA).contentType(ContentType.JSON).body(Map.of("text", "The harbour stays open.", "type", "direct", "sourceId", source, "tags", List.of(tag)))
                .post("/api/v1/quotes").then().statusCode(201).extract().path("id");
        seen = awaitOnB(() -> on(portB).queryParam("includeTotal", true).get("/api/v1/tags").then().extract().<Integer>path("total") == tagsBefore + 1);
        assertTrue(seen.compareTo(Duration.ofSeconds(1)) < 0, "the new tag reached B's cached tag list after " + seen);
        seen = awaitOnB(() -> quote.equals(on(portB).get("/api/v1/quotes?limit=1").then().extract().path("items[0].id")));
        assertTrue(seen.compareTo(Duration.ofSeconds(1)) < 0, "the new quote reached B's cached list page after " + seen);

        RestAssured.given().baseUri("http://localhost").port(portA).header("Authorization", "Bearer " + Fixtures.ADMIN_KEY)
                .delete("/api/v1/speakers/" + id).then().statusCode(204);
        // on the instance that acknowledged the delete, at once; on the other within the second
        on(portA).get("/api/v1/speakers/" + id).then().statusCode(404);
        seen = awaitOnB(() -> on(portB).get("/api/v1/speakers/" + id).statusCode() == 404);
        assertTrue(seen.compareTo(Duration.ofSeconds(1)) < 0, "the delete reached B's cache after " + seen);
    }

    /** How long until {@code condition} holds on instance B; fails after 5 s. */
    private static Duration awaitOnB(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant start = Instant.now();
        while (!condition.getAsBoolean()) {
            if (Duration.between(start, Instant.now()).toSeconds() >= 5) {
                throw new AssertionError("instance B still showed the old answer 5 s after the write");
            }
            Thread.sleep(20);
        }
        return Duration.between(start, Instant.now());
    }

    /**
     * Both instances hammered at once by one client (the admin key): each decides without waiting for the database
     * and pushes its count in the background, so together they may allow a little more than the quota, never more
     * than 5 % of it per instance (quotewire.rate-limit.unsynchronized-share): at most 10 % over with two.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void twoInstancesTogetherAllowAtMostTenPercentOverTheQuota() throws Exception {
        awayFromAWindowEnd();
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int port = t % 2 == 0 ? portA : portB;
                running.add(clients.submit(() -> {
                    while (allowed.get() < RATE_LIMIT * 2 && sent.incrementAndGet() <= RATE_LIMIT * 4) {
                        int status = RestAssured.given().baseUri("http://localhost").port(port)
                                .header("Authorization", "Bearer " + Fixtures.ADMIN_KEY).get("/api/v1/tags").statusCode();
                        if (status == 200) {
                            allowed.incrementAndGet();
                        } else {
                            assertEquals(429, status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        Thread.sleep(1500); // every background push has been answered
        for (int port : new int[] {portA, portB}) {
            RestAssured.given().baseUri("http://localhost").port(port).header("Authorization", "Bearer " + Fixtures.ADMIN_KEY)
                    .get("/api/v1/tags").then().statusCode(429);
        }
        assertTrue(allowed.get() >= RATE_LIMIT, allowed + " allowed: fewer than the quota of " + RATE_LIMIT);
        assertTrue(allowed.get() <= RATE_LIMIT * 11 / 10, allowed + " allowed: more than 10 % over the quota of " + RATE_LIMIT);
    }

    private static void awayFromAWindowEnd() throws InterruptedException {
        long intoWindow = System.currentTimeMillis() % RATE_WINDOW.toMillis();
        if (RATE_WINDOW.toMillis() - intoWindow < 60_000) {
            Thread.sleep(RATE_WINDOW.toMillis() - intoWindow + 1000);
        }
    }

    @Test
    void aQuoteWrittenOnOneInstanceIsFoundBySearchOnTheOtherWithinTwoSeconds() throws InterruptedException {
        awaitSearchIndex(portA);
        awaitSearchIndex(portB);
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").chars().limit(7).map(c -> 'a' + Character.digit(c, 16)).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        String source = on(portA).contentType(ContentType.JSON).body(Map.of("kind", "article", "title", "Freshness " + word,
                        "text", "Freshness check.", "language", "en", "publisher", "Fixture Gazette", "publishedAt", "2024-05-02T10:00:00Z"))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        String quote = on(portA).contentType(ContentType.JSON).body(Map.of("text", "The " + word + " was found everywhere.",
                        "type", "direct", "sourceId", source))
                .post("/api/v1/quotes").then().statusCode(201).extract().path("id");
        long acknowledged = System.nanoTime();
        List<String> found = List.of();
        while (found.isEmpty() && System.nanoTime() - acknowledged < 2_000_000_000L) {
            found = on(portB).queryParam("q", word).get("/api/v1/quotes").then().statusCode(200).extract().jsonPath().getList("items.id");
        }
        assertEquals(List.of(quote), found, "instance B finds the quote written on A within 2 s of A's 201");
        assertEquals(List.of(quote), on(portA).queryParam("q", word).get("/api/v1/quotes").then().statusCode(200)
                .extract().jsonPath().getList("items.id"));
        // both instances answered from their own index, not from PostgreSQL
        awaitSearchIndex(portA);
        awaitSearchIndex(portB);
    }

    private static void awaitSearchIndex(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!on(port).get("/q/health/ready").then().extract().asString().replaceAll("\\s", "").contains("\"answeredBy\":\"index\"")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the search index of the instance on port " + port + " did not become current");
            }
            Thread.sleep(100);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theRateLimitIsSharedByBothInstances() throws InterruptedException {
        awayFromAWindowEnd();
        // Alternating, each instance sees half of 1.5 times the quota: 0.75 of it, which a per-instance count never
        // exhausts (even before refills), while a shared count runs out after the quota plus what refills meanwhile.
        int requests = RATE_LIMIT * 3 / 2;
        for (int i = 0; i < requests; i++) {
            var response = RestAssured.given().baseUri("http://localhost").port(i % 2 == 0 ? portA : portB).get("/api/v1/tags");
            if (response.statusCode() == 429) {
                assertNotNull(response.header("Retry-After"));
                assertNotNull(response.header("RateLimit"));
                return;
            }
            assertEquals(200, response.statusCode());
        }
        throw new AssertionError("no 429 within " + requests + " requests split over two instances: the count is not shared");
    }

    @Test
    void theSeedWasLoadedOnceThoughBothInstancesStartedTogether() {
        int patel = on(portB).queryParam("includeTotal", true).get("/api/v1/speakers/vedant-patel/quotes")
                .then().statusCode(200).extract().path("total");
        assertEquals(10, patel);
        int sources = on(portA).queryParam("includeTotal", true).get("/api/v1/sources").then().extract().path("total");
        assertEquals(1, sources);
    }

    private static PackagedService start(int port, Path work) throws IOException {
        return PackagedService.start(port, Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", database.username(),
                "QUOTEWIRE_AUTH_KEYS", Fixtures.EDITOR_KEY_ENTRY + "," + ADMIN_KEY_ENTRY,
                "QUOTEWIRE_RATE_LIMIT_REQUESTS", String.valueOf(RATE_LIMIT),
                "QUOTEWIRE_RATE_LIMIT_WINDOW", RATE_WINDOW.toString(),
                "QUOTEWIRE_SEARCH_INDEX_PATH", work.resolve("search-index-" + port).toString()), work.resolve("instance-" + port + ".log"));
    }
}
