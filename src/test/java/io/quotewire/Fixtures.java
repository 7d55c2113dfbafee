package io.quotewire;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records the tests create for themselves through the API, each with a unique name so tests never collide. */
public final class Fixtures {

    public static final String SOURCE_TEXT = "Minister Ana Lima said: \"We will publish every contract.\" She added that audits would follow.";
    public static final String DIRECT_QUOTE = "We will publish every contract.";
    public static final int DIRECT_START = 25;
    public static final int DIRECT_END = 56;

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a source with {@link #SOURCE_TEXT} and returns its id. */
    public static String createSource() {
        return createSource(Map.of("kind", "article", "title", unique("Test article"), "text", SOURCE_TEXT, "language", "en",
                "publisher", "Fixture Gazette", "publishedAt", "2024-05-02T10:00:00Z"));
    }

    public static String createSource(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/sources")
                .then().statusCode(201).extract().path("id");
    }

    /** Creates a speaker and returns its slug. */
    public static String createSpeaker(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "aliases", List.of("Lima")))
                .when().post("/api/v1/speakers")
                .then().statusCode(201).extract().path("slug");
    }

    /** Creates a quote of {@code text} (no offsets) in the source and returns its id. */
    public static String createQuote(String sourceId, String speaker, String text, String... tags) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("text", text, "type", "direct", "sourceId", sourceId, "tags", List.of(tags)));
        if (speaker != null) {
            body.put("speakerId", speaker);
        }
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/quotes")
                .then().statusCode(201).extract().path("id");
    }
}
