package io.quotewire.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quotewire.Fixtures;
import io.quotewire.embedded.EmbeddedDatabase;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged service over one PostgreSQL, answering alternately: whatever one instance hands a
 * client must hold on the other, because nothing an instance keeps in memory may change an answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstanceIT {

    /** Requests per minute per client, given to both instances; the rate-limit check spends it, so it runs last. */
    private static final int RATE_LIMIT = 400;

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
    @Order(Integer.MAX_VALUE)
    void theRateLimitIsSharedByBothInstances() {
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
                "QUOTEWIRE_AUTH_KEYS", Fixtures.EDITOR_KEY_ENTRY,
                "QUOTEWIRE_RATE_LIMIT_REQUESTS", String.valueOf(RATE_LIMIT)), work.resolve("instance-" + port + ".log"));
    }
}
