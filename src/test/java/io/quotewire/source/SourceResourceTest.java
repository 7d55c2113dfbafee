package io.quotewire.source;

import static io.quotewire.Fixtures.DIRECT_END;
import static io.quotewire.Fixtures.DIRECT_QUOTE;
import static io.quotewire.Fixtures.DIRECT_START;
import static io.quotewire.Fixtures.asAdmin;
import static io.quotewire.Fixtures.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SourceResourceTest {

    private static Map<String, Object> source(String url) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "briefing", "title", Fixtures.unique("Briefing"), "text", Fixtures.SOURCE_TEXT,
                "publisher", Fixtures.unique("Publisher"), "publishedAt", "2023-03-04T05:06:07Z", "authors", List.of("A. Writer")));
        if (url != null) {
            body.put("url", url);
        }
        return body;
    }

    @Test
    void createThenGetReturnsTheTextAndListsLeaveItOut() {
        Map<String, Object> body = source("https://example.org/" + Fixtures.unique("a"));
        String id = Fixtures.createSource(body);
        given().when().get("/api/v1/sources/" + id).then().statusCode(200)
                .body("text", equalTo(Fixtures.SOURCE_TEXT))
                .body("textLength", equalTo(Fixtures.SOURCE_TEXT.length()))
                .body("kind", equalTo("briefing"))
                .body("authors", equalTo(List.of("A. Writer")))
                .body("publishedAt", equalTo("2023-03-04T05:06:07Z"));
        given().queryParam("publisher", body.get("publisher")).when().get("/api/v1/sources").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)))
                .body("items[0]", not(hasKey("text")));
    }

    @Test
    void aUrlCanBelongToOneSourceOnly() {
        String url = "https://example.org/" + Fixtures.unique("dup");
        Fixtures.createSource(source(url));
        asEditor().contentType(ContentType.JSON).body(source(url))
                .when().post("/api/v1/sources")
                .then().statusCode(409).contentType("application/problem+json");
        asEditor().contentType(ContentType.JSON).body(source("ftp://example.org/x"))
                .when().post("/api/v1/sources")
                .then().statusCode(400).body("errors[0].field", equalTo("url"));
    }

    @Test
    void deletingASourceWithQuotesIsRefusedAndWithoutQuotesAllowed() {
        String used = Fixtures.createSource();
        Fixtures.createQuote(used, null, "Words that pin the source.");
        asAdmin().when().delete("/api/v1/sources/" + used).then().statusCode(409).body("detail", containsString("1 quote depend"));
        String unused = Fixtures.createSource();
        asAdmin().when().delete("/api/v1/sources/" + unused).then().statusCode(204);
        given().when().get("/api/v1/sources/" + unused).then().statusCode(404);
    }

    @Test
    void aNewTextThatBreaksQuoteOffsetsIsRefused() {
        String id = Fixtures.createSource();
        asEditor().contentType(ContentType.JSON)
                .body(Map.of("text", DIRECT_QUOTE, "type", "direct", "sourceId", id, "start", DIRECT_START, "end", DIRECT_END))
                .when().post("/api/v1/quotes").then().statusCode(201);
        asEditor().contentType("application/merge-patch+json").body("{\"text\":\"Completely different words.\"}")
                .when().patch("/api/v1/sources/" + id)
                .then().statusCode(409).body("detail", containsString("offsets"));
        asEditor().contentType("application/merge-patch+json").body("{\"title\":\"Renamed briefing\"}")
                .when().patch("/api/v1/sources/" + id)
                .then().statusCode(200).body("title", equalTo("Renamed briefing")).body("text", equalTo(Fixtures.SOURCE_TEXT));
    }

    @Test
    void listFiltersByPublicationDate() {
        Map<String, Object> body = source(null);
        body.put("publishedAt", "2001-02-03T23:59:59Z");
        String id = Fixtures.createSource(body);
        given().queryParam("from", "2001-02-03").queryParam("to", "2001-02-03").when().get("/api/v1/sources")
                .then().statusCode(200).body("items.id", hasItem(id)).body("items.publishedAt", everyItem(containsString("2001-02-03")));
        given().queryParam("from", "2001-02-04").queryParam("to", "2001-02-05").when().get("/api/v1/sources")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().queryParam("from", "3 Feb").when().get("/api/v1/sources").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }
}
