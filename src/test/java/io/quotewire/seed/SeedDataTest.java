package io.quotewire.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.quote.QuoteRepository;
import io.quotewire.source.SourceRepository;
import io.quotewire.speaker.SpeakerRepository;
import io.quotewire.tag.TagRepository;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedDataTest {

    @Inject
    SeedLoader seedLoader;
    @Inject
    QuoteRepository quotes;
    @Inject
    SpeakerRepository speakers;
    @Inject
    SourceRepository sources;
    @Inject
    TagRepository tags;

    @Test
    void vedantPatelHasHisTenSeedQuotesEachPointingAtItsTextInTheSource() {
        JsonPath page = given().queryParam("limit", 100)
                .when().get("/api/v1/speakers/vedant-patel/quotes")
                .then().statusCode(200)
                .body("items", hasSize(10))
                .body("items.speaker.slug", everyItem(equalTo("vedant-patel")))
                .body("items.source.id", everyItem(notNullValue()))
                .extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        for (Map<String, Object> quote : items) {
            @SuppressWarnings("unchecked")
            String sourceId = ((Map<String, String>) quote.get("source")).get("id");
            String text = given().when().get("/api/v1/sources/" + sourceId).then().statusCode(200).extract().path("text");
            int start = (Integer) quote.get("start");
            int end = (Integer) quote.get("end");
            String atOffsets = text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
            assertEquals(quote.get("text"), atOffsets, "source text at the quote's offsets");
        }
    }

    @Test
    void seedHoldsBothSpeakersWithRolesAndTheDirectAndReportedQuotes() {
        given().when().get("/api/v1/speakers/vedant-patel").then().statusCode(200)
                .body("name", equalTo("Vedant Patel"))
                .body("role", equalTo("Deputy Spokesperson"))
                .body("organization", equalTo("US State Department"))
                .body("quoteCount", equalTo(10));
        given().when().get("/api/v1/speakers/ishaq-dar/quotes").then().statusCode(200)
                .body("items.text", equalTo(List.of("interference")));
        given().queryParam("speaker", "vedant-patel").queryParam("type", "indirect").queryParam("limit", 100)
                .when().get("/api/v1/quotes").then().statusCode(200)
                .body("items.text", hasItems("it remains an internal matter for Pakistan",
                        "ensure the protection of freedom of expression and freedom of religion for all its citizens"));
    }

    @Test
    void loadingTheSeedAgainAddsNothing() {
        long quotesBefore = quotes.count();
        long speakersBefore = speakers.count();
        long sourcesBefore = sources.count();
        long tagsBefore = tags.count();

        assertFalse(seedLoader.loadSeed(), "the seed is already there");

        assertEquals(quotesBefore, quotes.count());
        assertEquals(speakersBefore, speakers.count());
        assertEquals(sourcesBefore, sources.count());
        assertEquals(tagsBefore, tags.count());
    }
}
