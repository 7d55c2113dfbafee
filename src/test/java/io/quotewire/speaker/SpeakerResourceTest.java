package io.quotewire.speaker;

import static io.quotewire.Fixtures.asAdmin;
import static io.quotewire.Fixtures.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SpeakerResourceTest {

    @Test
    void createMakesASlugFromTheNameAndTheSpeakerIsFoundByIdOrSlug() {
        String name = Fixtures.unique("José Ramos");
        var created = asEditor().contentType(ContentType.JSON)
                .body(Map.of("name", name, "aliases", List.of("Ramos", "Ramos"), "role", "Mayor", "organization", "City of Porto"))
                .when().post("/api/v1/speakers")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/speakers/"))
                .body("slug", startsWith("jose-ramos-"))
                .body("aliases", equalTo(List.of("Ramos")))
                .body("quoteCount", equalTo(0))
                .extract().jsonPath();
        given().when().get("/api/v1/speakers/" + created.getString("id")).then().statusCode(200).body("name", equalTo(name));
        given().when().get("/api/v1/speakers/" + created.getString("slug")).then().statusCode(200).body("id", equalTo(created.getString("id")));
    }

    @Test
    void aTakenSlugIsAConflict() {
        String slug = Fixtures.createSpeaker(Fixtures.unique("Twin Name"));
        asEditor().contentType(ContentType.JSON).body(Map.of("name", "Another", "slug", slug))
                .when().post("/api/v1/speakers")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(slug));
        asEditor().contentType(ContentType.JSON).body(Map.of("name", "Bad", "slug", "Not A Slug"))
                .when().post("/api/v1/speakers")
                .then().statusCode(400).body("errors[0].field", equalTo("slug"));
    }

    @Test
    void deletingASpeakerWithQuotesIsRefusedWithTheCount() {
        String speaker = Fixtures.createSpeaker(Fixtures.unique("Quoted Person"));
        String source = Fixtures.createSource();
        Fixtures.createQuote(source, speaker, "First words.");
        Fixtures.createQuote(source, speaker, "Second words.");
        asAdmin().when().delete("/api/v1/speakers/" + speaker)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("2 quotes"));
        given().when().get("/api/v1/speakers/" + speaker).then().statusCode(200).body("quoteCount", equalTo(2));
        asAdmin().when().delete("/api/v1/speakers/vedant-patel").then().statusCode(409).body("detail", containsString("10 quotes"));
    }

    @Test
    void aSpeakerWithoutQuotesIsDeleted() {
        String speaker = Fixtures.createSpeaker(Fixtures.unique("Brief Person"));
        asAdmin().when().delete("/api/v1/speakers/" + speaker).then().statusCode(204);
        given().when().get("/api/v1/speakers/" + speaker).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void replaceAndPatchChangeTheSpeaker() {
        String speaker = Fixtures.createSpeaker(Fixtures.unique("Changing Person"));
        asEditor().contentType(ContentType.JSON).body(Map.of("name", "Changed Person", "slug", speaker, "role", "Senator"))
                .when().put("/api/v1/speakers/" + speaker)
                .then().statusCode(200).body("name", equalTo("Changed Person")).body("aliases", equalTo(List.of())).body("role", equalTo("Senator"));
        asEditor().contentType("application/merge-patch+json").body("{\"role\":null,\"wikidataId\":\"Q42\"}")
                .when().patch("/api/v1/speakers/" + speaker)
                .then().statusCode(200).body("role", equalTo(null)).body("wikidataId", equalTo("Q42")).body("name", equalTo("Changed Person"));
        asEditor().contentType("application/merge-patch+json").body("{\"wikidataId\":\"42\"}")
                .when().patch("/api/v1/speakers/" + speaker)
                .then().statusCode(400).body("errors[0].field", equalTo("wikidataId"));
        asEditor().contentType("application/merge-patch+json").body("{\"quoteCount\":99}")
                .when().patch("/api/v1/speakers/" + speaker)
                .then().statusCode(400).body("errors[0].field", equalTo("quoteCount"));
    }

    @Test
    void listFiltersByNamePrefixAndSortsByQuoteCount() {
        String prefix = Fixtures.unique("Zyx");
        Fixtures.createSpeaker(prefix + " One");
        Fixtures.createSpeaker(prefix + " Two");
        given().queryParam("name", prefix.toLowerCase()).when().get("/api/v1/speakers")
                .then().statusCode(200).body("items.name", equalTo(List.of(prefix + " One", prefix + " Two")));
        given().queryParam("name", "%").when().get("/api/v1/speakers").then().statusCode(200).body("items", equalTo(List.of()));

        List<Integer> counts = given().queryParam("sort", "-quoteCount").queryParam("limit", 100)
                .when().get("/api/v1/speakers").then().statusCode(200)
                .body("items[0].quoteCount", greaterThanOrEqualTo(10))
                .extract().jsonPath().getList("items.quoteCount");
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i - 1) >= counts.get(i), "sorted by quoteCount descending");
        }
        given().queryParam("sort", "name").queryParam("name", "v").when().get("/api/v1/speakers")
                .then().statusCode(200).body("items.slug", hasItem("vedant-patel")).body("items.name", everyItem(startsWith("V")));
        assertEquals(400, given().queryParam("sort", "age").when().get("/api/v1/speakers").statusCode());
    }

    @Test
    void aCachedAutocompleteAnswerShowsASpeakerAddedAfterIt() {
        String prefix = Fixtures.unique("Qwv").toLowerCase();
        given().queryParam("q", prefix).when().get("/api/v1/speakers").then().statusCode(200).body("items", equalTo(List.of()));
        Fixtures.createSpeaker(prefix + " Added");
        given().queryParam("q", prefix).when().get("/api/v1/speakers")
                .then().statusCode(200).body("items.name", equalTo(List.of(prefix + " Added")));
    }
}
