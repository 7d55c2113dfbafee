package io.quotewire.quote;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QuoteSearchTest {

    /** A made-up word in every quote of this test, so searches only ever meet this test's quotes. */
    private static String marker;
    private static String source;
    private static String phrase;
    private static String scattered;
    private static String urged;
    private static String accented;

    @BeforeEach
    void createQuotesOnce() {
        if (marker != null) {
            return;
        }
        marker = "zq" + UUID.randomUUID().toString().replace("-", "").chars().limit(6).map(c -> 'a' + Character.digit(c, 16)).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        source = Fixtures.createSource();
        phrase = Fixtures.createQuote(source, null, marker + " we defend press freedom everywhere.");
        scattered = Fixtures.createQuote(source, null, marker + " the press, they said, has a kind of freedom.");
        urged = Fixtures.createQuote(source, null, marker + " She urged the council to publish the budget.");
        accented = Fixtures.createQuote(source, null, marker + " The café in São Paulo reopened.");
    }

    private JsonPath search(String q) {
        return given().queryParam("q", q).queryParam("source", source).when().get("/api/v1/quotes")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aPhraseMatchOutranksAScatteredMatch() {
        List<String> ids = search(marker + " press freedom").getList("items.id");
        assertEquals(List.of(phrase, scattered), ids);
    }

    @Test
    void quotedPhrasesOrAndExclusionFollowWebSearchSyntax() {
        assertEquals(List.of(phrase), search(marker + " \"press freedom\"").getList("items.id"));
        List<String> either = search(marker + " budget or café").getList("items.id");
        assertEquals(2, either.size());
        assertTrue(either.containsAll(List.of(urged, accented)));
        List<String> excluded = search(marker + " press -kind").getList("items.id");
        assertEquals(List.of(phrase), excluded);
    }

    @Test
    void englishStemmingFindsOtherFormsOfAWord() {
        assertEquals(List.of(urged), search(marker + " urges").getList("items.id"));
        assertEquals(List.of(urged), search(marker + " publishing").getList("items.id"));
    }

    @Test
    void accentsAreIgnoredBothWays() {
        assertEquals(List.of(accented), search(marker + " cafe sao paulo").getList("items.id"));
        assertEquals(List.of(accented), search(marker + " CAFÉ").getList("items.id"));
    }

    @Test
    void highlightsPointAtTheMatchedWords() {
        JsonPath result = search(marker + " urges council");
        String text = result.getString("items[0].text");
        List<Map<String, Integer>> highlights = result.getList("items[0].highlights");
        List<String> marked = highlights.stream()
                .map(h -> text.substring(text.offsetByCodePoints(0, h.get("start")), text.offsetByCodePoints(0, h.get("end"))))
                .toList();
        assertEquals(List.of(marker, "urged", "council"), marked);
        given().queryParam("source", source).when().get("/api/v1/quotes")
                .then().statusCode(200).body("items[0]", not(org.hamcrest.Matchers.hasKey("highlights")));
    }

    @Test
    void searchCombinesWithFiltersAndPagesByRelevance() {
        JsonPath first = given().queryParam("q", marker).queryParam("source", source).queryParam("limit", 2)
                .when().get("/api/v1/quotes").then().statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        JsonPath second = given().queryParam("q", marker).queryParam("source", source).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor"))
                .when().get("/api/v1/quotes").then().statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        List<String> all = new java.util.ArrayList<>(first.getList("items.id"));
        all.addAll(second.getList("items.id"));
        assertEquals(4, new java.util.HashSet<>(all).size());
        given().queryParam("q", marker).queryParam("source", UUID.randomUUID()).when().get("/api/v1/quotes")
                .then().statusCode(200).body("items", hasSize(0));
        given().queryParam("q", marker).queryParam("sort", "length").queryParam("source", source).when().get("/api/v1/quotes")
                .then().statusCode(200).body("items", hasSize(4));
        given().queryParam("sort", "relevance").when().get("/api/v1/quotes").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void metacharactersAreJustTextAndAnOverlongQueryIsRefused() {
        for (String q : List.of("'; drop table quote; --", ".*(a+)+$", "<script>alert(1)</script>", "\"unbalanced", "!!! & | ! ( )",
                "or", "-", "\\\\", "%_%")) {
            given().queryParam("q", q).when().get("/api/v1/quotes").then().statusCode(200);
        }
        given().queryParam("q", "a".repeat(501)).when().get("/api/v1/quotes")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("q"));
    }

    @Test
    void facetCountsEqualTheCountsOfTheFilteredList() {
        JsonPath facets = given().queryParam("q", marker).queryParam("source", source).when().get("/api/v1/quotes/facets")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(4, facets.getInt("total"));
        for (Map<String, Object> type : facets.<Map<String, Object>>getList("types")) {
            int listed = given().queryParam("q", marker).queryParam("source", source).queryParam("type", type.get("type"))
                    .queryParam("includeTotal", true).when().get("/api/v1/quotes").then().extract().path("total");
            assertEquals(((Number) type.get("count")).intValue(), listed);
        }
        for (Map<String, Object> year : facets.<Map<String, Object>>getList("years")) {
            String y = String.valueOf(year.get("year"));
            int listed = given().queryParam("q", marker).queryParam("source", source).queryParam("from", y + "-01-01")
                    .queryParam("to", y + "-12-31").queryParam("includeTotal", true).when().get("/api/v1/quotes").then().extract().path("total");
            assertEquals(((Number) year.get("count")).intValue(), listed);
        }
        JsonPath seed = given().when().get("/api/v1/quotes/facets").then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> speaker : seed.<Map<String, Object>>getList("speakers")) {
            int listed = given().queryParam("speaker", speaker.get("slug")).queryParam("includeTotal", true)
                    .when().get("/api/v1/quotes").then().extract().path("total");
            assertEquals(((Number) speaker.get("count")).intValue(), listed);
        }
        for (Map<String, Object> tag : seed.<Map<String, Object>>getList("tags")) {
            int listed = given().queryParam("tag", tag.get("slug")).queryParam("includeTotal", true)
                    .when().get("/api/v1/quotes").then().extract().path("total");
            assertEquals(((Number) tag.get("count")).intValue(), listed);
        }
        given().queryParam("top", 0).when().get("/api/v1/quotes/facets").then().statusCode(400).body("errors[0].field", equalTo("top"));
    }

    @Test
    void speakerSearchToleratesTyposCaseAndAccentsAndCompletesPrefixes() {
        for (String q : List.of("Vedant Patell", "patel", "VEDANT", "ved", "Védant")) {
            given().queryParam("q", q).when().get("/api/v1/speakers")
                    .then().statusCode(200).body("items[0].slug", equalTo("vedant-patel"));
        }
        given().queryParam("q", "dar").when().get("/api/v1/speakers").then().statusCode(200).body("items.slug", hasItem("ishaq-dar"));
        String name = "Ramón " + marker.toUpperCase(Locale.ROOT);
        String slug = Fixtures.createSpeaker(name);
        given().queryParam("q", "ramon " + marker).when().get("/api/v1/speakers").then().statusCode(200).body("items[0].slug", equalTo(slug));
        JsonPath none = given().queryParam("q", "xyzzy qwerty").when().get("/api/v1/speakers").then().statusCode(200).extract().jsonPath();
        assertFalse(none.getList("items.slug").contains("vedant-patel"));
    }
}
