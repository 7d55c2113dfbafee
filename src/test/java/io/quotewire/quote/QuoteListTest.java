package io.quotewire.quote;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuoteListTest {

    private static final int QUOTES = 23;
    private static final int TEXT_LENGTH = "Equal length quote 00.".length();

    private String sourceId;
    private String speaker;
    private final List<String> created = new ArrayList<>();

    /** Quotes of one length, so that sorting by length ties everywhere and only the id orders them. */
    @BeforeEach
    void createTiedQuotesOnce() {
        if (sourceId != null) {
            return;
        }
        sourceId = Fixtures.createSource();
        speaker = Fixtures.createSpeaker(Fixtures.unique("Tie Maker"));
        for (int i = 0; i < QUOTES; i++) {
            String text = String.format("Equal length quote %02d.", i);
            created.add(Fixtures.createQuote(sourceId, i % 2 == 0 ? speaker : null, text, i % 3 == 0 ? "ties" : "knots", "fixtures"));
        }
    }

    private List<String> walk(String sort, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("source", sourceId).queryParam("sort", sort).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var response = request.when().get("/api/v1/quotes").then().statusCode(200).extract();
            JsonPath page = response.jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            if (cursor != null) {
                assertTrue(page.getString("links.next").contains("cursor="), "links.next carries the cursor");
                assertEquals("<" + page.getString("links.next") + ">; rel=\"next\"", response.header("Link"), "the Link header names links.next");
            } else {
                assertEquals(null, response.header("Link"), "no Link header on the last page");
            }
            assertTrue(++pages <= QUOTES, "paging ends");
        } while (cursor != null);
        return seen;
    }

    @Test
    void walkingEveryPageOfTiedRecordsYieldsEachExactlyOnce() {
        for (String sort : List.of("length", "-length", "createdAt", "-createdAt,length")) {
            List<String> seen = walk(sort, 5);
            assertEquals(QUOTES, seen.size(), "records seen with sort " + sort);
            assertEquals(new HashSet<>(created), new HashSet<>(seen), "every record once with sort " + sort);
        }
    }

    @Test
    void everyListSendsItsNextPageAsAnRfc8288LinkHeader() {
        for (String list : List.of("/api/v1/quotes", "/api/v1/sources", "/api/v1/speakers", "/api/v1/tags",
                "/api/v1/sources/" + sourceId + "/quotes", "/api/v1/speakers/" + speaker + "/quotes")) {
            var response = given().queryParam("limit", 1).when().get(list).then().statusCode(200).extract();
            String next = response.jsonPath().getString("links.next");
            assertTrue(next != null && next.startsWith(list + "?"), list + " has a second page: " + next);
            assertEquals("<" + next + ">; rel=\"next\"", response.header("Link"), list);
        }
    }

    @Test
    void theLastPageHasNoNextCursorOrLink() {
        given().queryParam("source", sourceId).queryParam("limit", 100)
                .when().get("/api/v1/quotes")
                .then().statusCode(200)
                .body("items", hasSize(QUOTES))
                .body("$", not(hasKey("nextCursor")))
                .body("links", not(hasKey("next")))
                .header("Link", nullValue())
                .body("limit", equalTo(100));
    }

    @Test
    void aForgedCursorIsRefused() {
        String cursor = given().queryParam("source", sourceId).queryParam("limit", 2)
                .when().get("/api/v1/quotes").then().extract().path("nextCursor");
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(decoded.replaceFirst("\n[^\n]+\n", "\nMjAwMC0wMS0wMVQwMDowMDowMFo\n").getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of(forged, "not-a-cursor", "!!!", cursor.substring(0, cursor.length() - 3))) {
            given().queryParam("source", sourceId).queryParam("limit", 2).queryParam("cursor", bad)
                    .when().get("/api/v1/quotes")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("cursor"));
        }
    }

    @Test
    void aCursorReusedWithOtherFiltersOrSortIsRefused() {
        String cursor = given().queryParam("source", sourceId).queryParam("limit", 2)
                .when().get("/api/v1/quotes").then().extract().path("nextCursor");
        given().queryParam("source", sourceId).queryParam("type", "direct").queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/api/v1/quotes").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("source", sourceId).queryParam("sort", "length").queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/api/v1/quotes").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("source", sourceId).queryParam("limit", 7).queryParam("cursor", cursor)
                .when().get("/api/v1/quotes").then().statusCode(200);
    }

    @Test
    void limitAboveTheMaximumIsLoweredAndBelowOneRefused() {
        given().queryParam("limit", 500).when().get("/api/v1/quotes").then().statusCode(200).body("limit", equalTo(100));
        given().queryParam("limit", 0).when().get("/api/v1/quotes").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", -3).when().get("/api/v1/quotes").then().statusCode(400);
        given().queryParam("limit", "many").when().get("/api/v1/quotes").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/quotes").then().statusCode(200).body("limit", equalTo(20));
    }

    @Test
    void totalIsCountedOnlyWhenAskedFor() {
        given().queryParam("source", sourceId).queryParam("limit", 2)
                .when().get("/api/v1/quotes").then().statusCode(200).body("$", not(hasKey("total")));
        given().queryParam("source", sourceId).queryParam("limit", 2).queryParam("includeTotal", true)
                .when().get("/api/v1/quotes").then().statusCode(200).body("total", equalTo(QUOTES));
    }

    @Test
    void filtersNarrowTheList() {
        given().queryParam("source", sourceId).queryParam("speaker", speaker).queryParam("limit", 100)
                .when().get("/api/v1/quotes").then().statusCode(200)
                .body("items", hasSize(12)).body("items.speaker.slug", everyItem(equalTo(speaker)));
        given().queryParam("source", sourceId).queryParam("tag", "ties").queryParam("limit", 100)
                .when().get("/api/v1/quotes").then().statusCode(200)
                .body("items", hasSize(8)).body("items.tags", everyItem(hasItem("ties")));
        given().queryParam("source", sourceId).queryParam("tag", "ties,fixtures").queryParam("limit", 100)
                .when().get("/api/v1/quotes").then().statusCode(200).body("items", hasSize(8));
        given().queryParam("source", sourceId).queryParam("tag", "ties|knots").queryParam("limit", 100)
                .when().get("/api/v1/quotes").then().statusCode(200).body("items", hasSize(QUOTES));
        given().queryParam("source", sourceId).queryParam("tag", "ties,knots").queryParam("limit", 100)
                .when().get("/api/v1/quotes").then().statusCode(200).body("items", hasSize(0));
        given().queryParam("source", sourceId).queryParam("minLength", TEXT_LENGTH).queryParam("maxLength", TEXT_LENGTH).queryParam("limit", 100)
                .when().get("/api/v1/quotes").then().statusCode(200).body("items", hasSize(QUOTES)).body("items.length", everyItem(equalTo(TEXT_LENGTH)));
        given().queryParam("source", sourceId).queryParam("minLength", TEXT_LENGTH + 1)
                .when().get("/api/v1/quotes").then().statusCode(200).body("items", hasSize(0));
        given().queryParam("source", sourceId).queryParam("from", "2024-05-02").queryParam("to", "2024-05-02").queryParam("limit", 100)
                .when().get("/api/v1/quotes").then().statusCode(200).body("items", hasSize(QUOTES));
        given().queryParam("source", sourceId).queryParam("from", "2024-05-03")
                .when().get("/api/v1/quotes").then().statusCode(200).body("items", hasSize(0));
        given().queryParam("source", sourceId).queryParam("language", "en").queryParam("type", "direct").queryParam("status", "unverified")
                .queryParam("limit", 100)
                .when().get("/api/v1/quotes").then().statusCode(200).body("items", hasSize(QUOTES));
    }

    @Test
    void invalidFiltersAreNamedInTheProblem() {
        List<List<String>> cases = List.of(
                List.of("type", "shouted"), List.of("status", "true"), List.of("from", "2024-13-01"), List.of("to", "yesterday"),
                List.of("source", "abc"), List.of("tag", "Not A Slug"), List.of("minLength", "-1"), List.of("maxLength", "x"),
                List.of("language", "English"), List.of("sort", "popularity"), List.of("sort", "length,length"),
                List.of("limit", "1e3"), List.of("limit", "99999999999"), List.of("includeTotal", "yes"), List.of("cursor", "%%%"));
        for (List<String> c : cases) {
            given().queryParam(c.get(0), c.get(1))
                    .when().get("/api/v1/quotes")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c.get(0)));
        }
        given().queryParam("from", "2024-05-03").queryParam("to", "2024-05-02")
                .when().get("/api/v1/quotes").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void randomRespectsFiltersAndReturnsDistinctQuotes() {
        for (int i = 0; i < 5; i++) {
            JsonPath random = given().queryParam("source", sourceId).queryParam("speaker", speaker).queryParam("count", 10)
                    .when().get("/api/v1/quotes/random")
                    .then().statusCode(200).header("Cache-Control", equalTo("no-store"))
                    .body("items", hasSize(10))
                    .body("items.speaker.slug", everyItem(equalTo(speaker)))
                    .body("items.source.id", everyItem(equalTo(sourceId)))
                    .extract().jsonPath();
            Set<String> ids = new HashSet<>(random.getList("items.id"));
            assertEquals(10, ids.size(), "distinct quotes");
        }
        given().queryParam("source", sourceId).queryParam("count", 50)
                .when().get("/api/v1/quotes/random").then().statusCode(200).body("items", hasSize(QUOTES));
        given().queryParam("source", sourceId).queryParam("tag", "nothing-has-this")
                .when().get("/api/v1/quotes/random").then().statusCode(200).body("items", hasSize(0));
        given().when().get("/api/v1/quotes/random").then().statusCode(200).body("items", hasSize(1));
        given().queryParam("count", 51).when().get("/api/v1/quotes/random").then().statusCode(400).body("errors[0].field", equalTo("count"));
        given().queryParam("count", 0).when().get("/api/v1/quotes/random").then().statusCode(400);
    }

    @Test
    void theQuoteOfTheDayIsTheSameOnEveryCall() {
        String first = given().when().get("/api/v1/quotes/today").then().statusCode(200).extract().path("id");
        for (int i = 0; i < 3; i++) {
            given().when().get("/api/v1/quotes/today").then().statusCode(200).body("id", equalTo(first));
        }
        Fixtures.createQuote(Fixtures.createSource(), null, "A quote added during the day.");
        given().when().get("/api/v1/quotes/today").then().statusCode(200).body("id", equalTo(first));
    }

    @Test
    void sourceQuotesListOnlyThatSource() {
        given().queryParam("limit", 100).when().get("/api/v1/sources/" + sourceId + "/quotes")
                .then().statusCode(200).body("items", hasSize(QUOTES)).body("items.source.id", everyItem(equalTo(sourceId)));
        given().when().get("/api/v1/sources/" + java.util.UUID.randomUUID() + "/quotes").then().statusCode(404);
        given().when().get("/api/v1/speakers/no-such-speaker/quotes").then().statusCode(404);
    }
}
