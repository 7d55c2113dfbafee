package io.quotewire.quote;

import static io.quotewire.Fixtures.DIRECT_END;
import static io.quotewire.Fixtures.DIRECT_QUOTE;
import static io.quotewire.Fixtures.DIRECT_START;
import static io.quotewire.Fixtures.asAdmin;
import static io.quotewire.Fixtures.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QuoteResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    QuoteRepository quotes;

    private String sourceId;
    private String speaker;

    @BeforeEach
    void createSourceAndSpeaker() {
        sourceId = Fixtures.createSource();
        speaker = Fixtures.createSpeaker(Fixtures.unique("Ana Lima"));
    }

    private Map<String, Object> anchoredQuote() {
        Map<String, Object> body = new HashMap<>();
        body.put("text", DIRECT_QUOTE);
        body.put("type", "direct");
        body.put("speakerId", speaker);
        body.put("sourceId", sourceId);
        body.put("start", DIRECT_START);
        body.put("end", DIRECT_END);
        body.put("tags", List.of("Open government"));
        return body;
    }

    @Test
    void createAnswers201WithLocationAndTheQuoteWithDerivedFields() {
        String location = asEditor().contentType(ContentType.JSON).body(anchoredQuote())
                .when().post("/api/v1/quotes")
                .then().statusCode(201)
                .header("ETag", not(emptyOrNullString()))
                .body("text", equalTo(DIRECT_QUOTE))
                .body("length", equalTo(DIRECT_QUOTE.length()))
                .body("speaker.slug", equalTo(speaker))
                .body("source.id", equalTo(sourceId))
                .body("start", equalTo(DIRECT_START))
                .body("status", equalTo("unverified"))
                .body("quotedOn", equalTo("2024-05-02"))
                .body("language", equalTo("en"))
                .body("tags", equalTo(List.of("open-government")))
                .body("context", containsString("Minister Ana Lima said"))
                .extract().header("Location");
        given().when().get(location).then().statusCode(200).body("text", equalTo(DIRECT_QUOTE));
    }

    @Test
    void offsetsThatDoNotPointAtTheTextAreRefusedAndNothingIsWritten() {
        long before = quotes.count();
        Map<String, Object> body = anchoredQuote();
        body.put("start", DIRECT_START + 1);
        asEditor().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/quotes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItem("start"));
        body.put("start", DIRECT_START);
        body.put("end", 10_000);
        asEditor().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/quotes")
                .then().statusCode(400).body("errors.field", hasItem("end"));
        body.remove("end");
        asEditor().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/quotes")
                .then().statusCode(400).body("errors.field", hasItem("end"));
        assertEquals(before, quotes.count());
    }

    @Test
    void missingTextTypeOrSourceAreNamedInTheProblem() {
        asEditor().contentType(ContentType.JSON).body(Map.of("speakerId", speaker))
                .when().post("/api/v1/quotes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("sourceId", "text", "type")));
    }

    @Test
    void unknownSpeakerOrSourceIsABadRequest() {
        Map<String, Object> body = anchoredQuote();
        body.put("speakerId", "nobody-at-all");
        asEditor().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/quotes")
                .then().statusCode(400).body("errors.field", equalTo(List.of("speakerId")));
        body.put("speakerId", speaker);
        body.put("sourceId", UUID.randomUUID().toString());
        asEditor().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/quotes")
                .then().statusCode(400).body("errors.field", equalTo(List.of("sourceId")));
    }

    @Test
    void readOnlyAndUnknownFieldsAreRefusedByName() {
        Map<String, Object> body = anchoredQuote();
        body.put("id", UUID.randomUUID().toString());
        asEditor().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/quotes")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].message", containsString("read-only"));
        body.remove("id");
        body.put("popularity", 3);
        asEditor().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/quotes")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("popularity"));
    }

    @Test
    void wrongTypesAndEnumsAreBadRequests() {
        Map<String, Object> body = anchoredQuote();
        body.put("type", "shouted");
        asEditor().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/quotes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("type"));
        body.put("type", "direct");
        body.put("start", "twenty");
        asEditor().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/quotes")
                .then().statusCode(400).body("errors[0].field", equalTo("start"));
        body.put("start", DIRECT_START);
        body.put("sourceId", "not-a-uuid");
        asEditor().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/quotes")
                .then().statusCode(400).body("errors[0].field", equalTo("sourceId"));
    }

    @Test
    void malformedJsonIsABadRequestWithoutInternals() {
        asEditor().contentType(ContentType.JSON).body("{\"text\": \"unterminated")
                .when().post("/api/v1/quotes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-body"))
                .body(not(containsString("jackson")))
                .body(not(containsString("Exception")));
    }

    @Test
    void replaceChangesEveryFieldAndPatchChangesOnlyWhatItNames() {
        String id = asEditor().contentType(ContentType.JSON).body(anchoredQuote())
                .when().post("/api/v1/quotes").then().statusCode(201).extract().path("id");

        Map<String, Object> replacement = new HashMap<>(Map.of("text", "audits would follow", "type", "indirect",
                "sourceId", sourceId, "status", "verified"));
        asEditor().contentType(ContentType.JSON).body(replacement)
                .when().put("/api/v1/quotes/" + id)
                .then().statusCode(200)
                .body("text", equalTo("audits would follow"))
                .body("type", equalTo("indirect"))
                .body("speaker", nullValue())
                .body("start", nullValue())
                .body("tags", equalTo(List.of()));

        asEditor().contentType(MERGE_PATCH).body("{\"speakerId\":\"" + speaker + "\",\"tags\":[\"audits\"]}")
                .when().patch("/api/v1/quotes/" + id)
                .then().statusCode(200)
                .body("text", equalTo("audits would follow"))
                .body("status", equalTo("verified"))
                .body("speaker.slug", equalTo(speaker))
                .body("tags", equalTo(List.of("audits")));

        asEditor().contentType(MERGE_PATCH).body("{\"createdAt\":\"2020-01-01T00:00:00Z\"}")
                .when().patch("/api/v1/quotes/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("createdAt"));
        asEditor().contentType(MERGE_PATCH).body("{\"text\":null}")
                .when().patch("/api/v1/quotes/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
        asEditor().contentType(ContentType.JSON).body("{\"status\":\"verified\"}")
                .when().patch("/api/v1/quotes/" + id)
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void deleteAnswers204ThenTheQuoteIsGone() {
        String id = Fixtures.createQuote(sourceId, speaker, "Short lived words.");
        asAdmin().when().delete("/api/v1/quotes/" + id).then().statusCode(204);
        given().when().get("/api/v1/quotes/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        asAdmin().when().delete("/api/v1/quotes/" + id).then().statusCode(404);
    }

    @Test
    void getAnswersAStrongETagAndIfNoneMatchAnswers304() {
        String id = Fixtures.createQuote(sourceId, speaker, "Tagged for caching.");
        String etag = given().when().get("/api/v1/quotes/" + id)
                .then().statusCode(200).header("Cache-Control", containsString("max-age"))
                .extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/quotes/" + id).then().statusCode(304);
        asEditor().contentType(MERGE_PATCH).body("{\"status\":\"disputed\"}").when().patch("/api/v1/quotes/" + id).then().statusCode(200);
        given().header("If-None-Match", etag).when().get("/api/v1/quotes/" + id).then().statusCode(200)
                .header("ETag", not(equalTo(etag)));
    }

    @Test
    void staleIfMatchAnswers412AndChangesNothing() {
        String id = Fixtures.createQuote(sourceId, speaker, "Guarded words.");
        String etag = given().when().get("/api/v1/quotes/" + id).then().extract().header("ETag");
        asEditor().contentType(MERGE_PATCH).body("{\"status\":\"verified\"}").header("If-Match", etag)
                .when().patch("/api/v1/quotes/" + id).then().statusCode(200);
        asEditor().contentType(MERGE_PATCH).body("{\"status\":\"disputed\"}").header("If-Match", etag)
                .when().patch("/api/v1/quotes/" + id).then().statusCode(412).contentType("application/problem+json");
        asAdmin().header("If-Match", etag).when().delete("/api/v1/quotes/" + id).then().statusCode(412);
        given().when().get("/api/v1/quotes/" + id).then().statusCode(200).body("status", equalTo("verified"));
    }

    @Test
    void invalidIdsAreBadRequestsAndUnknownIdsNotFound() {
        given().when().get("/api/v1/quotes/12345").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
        given().when().get("/api/v1/quotes/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodAndOversizedBodyAreProblems() {
        asEditor().when().put("/api/v1/tags").then().statusCode(405).contentType("application/problem+json");
        String huge = "{\"text\":\"" + "a".repeat(1024 * 1024 + 10) + "\"}";
        asEditor().contentType(ContentType.JSON).body(huge)
                .when().post("/api/v1/quotes")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("/problems/payload-too-large"));
    }

    @Test
    void textNoDatabaseCanHoldIsABadRequestNamingTheField() {
        long before = quotes.count();
        for (String escaped : List.of("a\\u0000b", "a\\ud800b", "\\udc00")) {
            asEditor().contentType(ContentType.JSON)
                    .body("{\"text\":\"" + escaped + "\",\"type\":\"direct\",\"sourceId\":\"" + sourceId + "\"}")
                    .when().post("/api/v1/quotes")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("text"));
        }
        asEditor().contentType(ContentType.JSON).body("{\"name\":\"Emoji 😀 are fine\"}")
                .when().post("/api/v1/speakers").then().statusCode(201);
        for (String path : List.of("/api/v1/quotes?q=a%00b", "/api/v1/speakers/a%00b", "/api/v1/quotes?speaker=%00")) {
            given().urlEncodingEnabled(false).when().get(path)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals(before, quotes.count());
    }

    @Test
    void problemTypesAreExplainedAtTheirUri() {
        given().when().get("/problems/validation").then().statusCode(200)
                .body("status", equalTo(400))
                .body("explanation", not(emptyOrNullString()));
        given().when().get("/problems/made-up").then().statusCode(404);
        given().when().get("/api/v1/nowhere").then().statusCode(404).contentType("application/problem+json")
                .body("instance", endsWith("/api/v1/nowhere"));
    }
}
