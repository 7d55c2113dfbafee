package io.quotewire.api.idempotency;

import static io.quotewire.Fixtures.asAdmin;
import static io.quotewire.Fixtures.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import io.quotewire.speaker.SpeakerRepository;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    @Inject
    SpeakerRepository speakers;
    @Inject
    AgroalDataSource dataSource;
    @TestHTTPResource("/api/v1/speakers")
    URI speakersUrl;

    private static Response postSpeaker(String key, Map<String, Object> body) {
        return asEditor().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).when().post("/api/v1/speakers");
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstAnswerWithoutWritingAgain() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", Fixtures.unique("Idempotent Speaker"));
        long before = speakers.count();
        Response first = postSpeaker(key, body);
        first.then().statusCode(201);
        Response retry = postSpeaker(key, body);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").contentType(ContentType.JSON);
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(first.asString(), retry.asString());
        assertEquals(before + 1, speakers.count());
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422AndWritesNothing() {
        String key = UUID.randomUUID().toString();
        postSpeaker(key, Map.of("name", Fixtures.unique("First Body"))).then().statusCode(201);
        long before = speakers.count();
        postSpeaker(key, Map.of("name", Fixtures.unique("Second Body")))
                .then().statusCode(422).contentType("application/problem+json").body("type", equalTo("/problems/idempotency-key-reused"));
        asEditor().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("kind", "article", "title", "x", "text", "y"))
                .when().post("/api/v1/sources").then().statusCode(422);
        assertEquals(before, speakers.count());
    }

    @Test
    void keysBelongToTheirClient() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", Fixtures.unique("Shared Key"));
        postSpeaker(key, body).then().statusCode(201);
        // the same key from another client is a new request of its own (here refused by the slug already taken)
        asAdmin().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).when().post("/api/v1/speakers")
                .then().statusCode(409).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void problemAnswersAreReplayedToo() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "");
        postSpeaker(key, body).then().statusCode(400);
        postSpeaker(key, body).then().statusCode(400).contentType("application/problem+json").header("Idempotent-Replayed", "true");
    }

    @Test
    void theKeyIsKeptInPostgresForADayAndAnExpiredOneIsIgnored() throws SQLException {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", Fixtures.unique("Expiring Key"));
        postSpeaker(key, body).then().statusCode(201);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT response_status FROM idempotency_keys WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertEquals(201, row.getInt(1));
            }
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement age = connection.prepareStatement(
                        "UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE idempotency_key = ?")) {
            age.setString(1, key);
            age.executeUpdate();
        }
        // expired: the request runs again (and meets the speaker it created the first time)
        postSpeaker(key, body).then().statusCode(409).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void anInvalidKeyIsA400() {
        Map<String, Object> body = Map.of("name", Fixtures.unique("Bad Key"));
        postSpeaker("x".repeat(256), body).then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        postSpeaker("with space", body).then().statusCode(400);
    }

    @Test
    void anonymousRequestsAreRefusedBeforeAnyKeyIsClaimed() {
        given().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.unique("Anonymous"))).when().post("/api/v1/speakers").then().statusCode(401);
    }

    @Test
    void concurrentDuplicatesWriteOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"" + Fixtures.unique("Concurrent Key") + "\"}";
        long before = speakers.count();
        // plain HTTP client: RestAssured's shared filters are not meant for concurrent use
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(speakersUrl)
                .header("Authorization", "Bearer " + Fixtures.EDITOR_KEY).header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : sent) {
            statuses.add(response.get(30, TimeUnit.SECONDS).statusCode());
        }
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
        assertTrue(statuses.contains(201), statuses.toString());
        assertEquals(before + 1, speakers.count());
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413ProblemAndClaimsNoKey() throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] body = ("{\"name\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(speakersUrl)
                .header("Authorization", "Bearer " + Fixtures.EDITOR_KEY).header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                // a stream of unknown length is sent in chunks, without Content-Length, so only reading it finds the size
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":413"), response.body());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                assertEquals(0, row.getInt(1));
            }
        }
    }
}
