package io.quotewire.tag;

import static io.quotewire.Fixtures.asAdmin;
import static io.quotewire.Fixtures.asEditor;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import io.quotewire.text.Slugs;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TagResourceTest {

    private static Map<String, Object> tag(String slug) {
        return given().when().get("/api/v1/tags/" + slug).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    @Test
    void tagsCountTheirQuotesAsQuotesComeAndGo() {
        String slug = Fixtures.unique("counted");
        String source = Fixtures.createSource();
        String first = Fixtures.createQuote(source, null, "One tagged quote.", slug);
        Fixtures.createQuote(source, null, "Another tagged quote.", slug);
        assertEquals(2, tag(slug).get("quoteCount"));
        asAdmin().when().delete("/api/v1/quotes/" + first).then().statusCode(204);
        assertEquals(1, tag(slug).get("quoteCount"));
    }

    @Test
    void aTagNamedInWordsGetsASlugAndKeepsItsName() {
        String name = Fixtures.unique("Press Freedom");
        Fixtures.createQuote(Fixtures.createSource(), null, "Named tag quote.", name);
        assertEquals(name, tag(Slugs.of(name)).get("name"));
    }

    @Test
    void theSeedTagsAreListedMostUsedFirst() {
        JsonPath page = given().when().get("/api/v1/tags").then().statusCode(200).extract().jsonPath();
        List<Integer> counts = page.getList("items.quoteCount");
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i - 1) >= counts.get(i));
        }
        assertEquals(5, tag("human-rights").get("quoteCount"));
    }

    @Test
    void anUnknownTagIsNotFound() {
        given().when().get("/api/v1/tags/no-such-tag").then().statusCode(404).contentType("application/problem+json");
    }
}
