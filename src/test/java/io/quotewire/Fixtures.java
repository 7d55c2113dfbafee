package io.quotewire;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records the tests create for themselves through the API, each with a unique name so tests never collide. */
public final class Fixtures {

    public static final String SOURCE_TEXT = "Minister Ana Lima said: \"We will publish every contract.\" She added that audits would follow.";
    public static final String DIRECT_QUOTE = "We will publish every contract.";
    public static final int DIRECT_START = 25;
    public static final int DIRECT_END = 56;

    /** Test-only API keys; the test profile configures their SHA-256 hashes (application.properties, %test). */
    public static final String EDITOR_KEY = "test-editor-key-3f9a1c";
    public static final String ADMIN_KEY = "test-admin-key-8b27d4";
    /** The editor key as a quotewire.auth.keys entry, for a service started outside the test profile. */
    public static final String EDITOR_KEY_ENTRY = "test-editor:editor:75ce59ad70a647168fc06d9f3464ad79f62d0dc30779d870a704e6ac71a262f7";

    private Fixtures() {
    }

    /** A request sent with the editor's key: it may create, replace and patch. */
    public static RequestSpecification asEditor() {
        return given().header("Authorization", "Bearer " + EDITOR_KEY);
    }

    /** A request sent with the admin's key: it may also delete. */
    public static RequestSpecification asAdmin() {
        return given().header("Authorization", "Bearer " + ADMIN_KEY);
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
        return asEditor().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/sources")
                .then().statusCode(201).extract().path("id");
    }

    /** Creates a speaker and returns its slug. */
    public static String createSpeaker(String name) {
        return asEditor().contentType(ContentType.JSON).body(Map.of("name", name, "aliases", List.of("Lima")))
                .when().post("/api/v1/speakers")
                .then().statusCode(201).extract().path("slug");
    }

    /** Creates a quote of {@code text} (no offsets) in the source and returns its id. */
    public static String createQuote(String sourceId, String speaker, String text, String... tags) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("text", text, "type", "direct", "sourceId", sourceId, "tags", List.of(tags)));
        if (speaker != null) {
            body.put("speakerId", speaker);
        }
        return asEditor().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/quotes")
                .then().statusCode(201).extract().path("id");
    }
}
