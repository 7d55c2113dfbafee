package io.quotewire.quotable;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Quotable-compatible API, route by route, with Quotable's semantics (read from its source): field names and
 * types, paging by number, clamped numbers, {@code ,}/{@code |} filters, 404s and empty arrays, its error body.
 */
@QuarkusTest
class QuotableApiTest {

    /** "🚀" is one code point but two UTF-16 units: JavaScript says this text is 15 long, not 14. */
    private static final String ROCKET = "Ship it now 🚀!";

    private static String author;
    private static String authorName;
    private static String otherAuthor;
    private static String tagA;
    private static String tagB;
    private static List<String> quoteIds;
    private static String unattributed;

    @BeforeEach
    void createQuotesOnce() {
        if (author != null) {
            return;
        }
        String source = Fixtures.createSource();
        authorName = Fixtures.unique("Quotable Author");
        author = Fixtures.createSpeaker(authorName);
        otherAuthor = Fixtures.createSpeaker(Fixtures.unique("Other Quotable"));
        tagA = Fixtures.unique("alpha");
        tagB = Fixtures.unique("beta");
        quoteIds = new ArrayList<>();
        quoteIds.add(Fixtures.createQuote(source, author, "Apples are sweet.", tagA));
        quoteIds.add(Fixtures.createQuote(source, author, "Bananas are long and sweet.", tagA, tagB));
        quoteIds.add(Fixtures.createQuote(source, author, ROCKET, tagB));
        quoteIds.add(Fixtures.createQuote(source, otherAuthor, "Cherries are red, or so they say.", tagA));
        unattributed = Fixtures.createQuote(source, null, "Nobody said apples are sweet.", tagA);
    }

    // --- GET /random ---

    @Test
    void randomIsOneQuoteInQuotablesShapeAndNeverCached() {
        JsonPath quote = given().queryParam("author", author).when().get("/quotable/random")
                .then().statusCode(200).contentType(ContentType.JSON).header("Cache-Control", "no-store")
                .body("authorSlug", equalTo(author)).body("author", equalTo(authorName))
                .body("dateAdded", matchesPattern("\\d{4}-\\d{2}-\\d{2}"))
                .extract().jsonPath();
        assertTrue(quoteIds.subList(0, 3).contains(quote.getString("_id")));
        assertEquals(quote.getString("content").length(), quote.getInt("length"));
    }

    @Test
    void randomTakesAuthorNamesAndSlugsSeparatedByPipes() {
        for (int i = 0; i < 5; i++) {
            given().queryParam("author", authorName + "|" + otherAuthor).when().get("/quotable/random")
                    .then().statusCode(200).body("authorSlug", org.hamcrest.Matchers.oneOf(author, otherAuthor));
        }
    }

    @Test
    void randomWithoutAMatchIs404AndACommaBetweenAuthorsA400AsInQuotable() {
        given().queryParam("author", "nobody-" + author).when().get("/quotable/random")
                .then().statusCode(404).contentType(ContentType.JSON).body("statusCode", equalTo(404)).body("statusMessage", equalTo("Not Found"));
        given().queryParam("author", author + "," + otherAuthor).when().get("/quotable/random")
                .then().statusCode(400).body("statusCode", equalTo(400)).body("statusMessage", equalTo("Multiple authors should be separated by a pipe."));
    }

    @Test
    void randomNeverPicksAnUnattributedQuote() {
        given().queryParam("tags", tagA).queryParam("limit", 50).when().get("/quotable/quotes/random")
                .then().statusCode(200).body("_id", not(hasItem(unattributed))).body("$", hasSize(3));
        given().when().get("/quotable/quotes/" + unattributed).then().statusCode(404).body("statusCode", equalTo(404));
    }

    // --- GET /quotes/random ---

    @Test
    void randomQuotesIsAnArrayOfDistinctQuotesUpToLimit() {
        List<String> ids = given().queryParam("author", author).queryParam("limit", 3).when().get("/quotable/quotes/random")
                .then().statusCode(200).header("Cache-Control", "no-store").body("$", hasSize(3)).extract().path("_id");
        assertEquals(3, new HashSet<>(ids).size());
        given().queryParam("limit", 1000).when().get("/quotable/quotes/random").then().statusCode(200).body("size()", lessThanOrEqualTo(50));
        given().queryParam("limit", "two").when().get("/quotable/quotes/random").then().statusCode(200).body("$", hasSize(1));
        given().when().get("/quotable/quotes/random").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void randomQuotesWithoutAMatchIsAnEmptyArray() {
        given().queryParam("tags", "no-such-tag-" + tagA).when().get("/quotable/quotes/random").then().statusCode(200).body("$", empty());
    }

    // --- GET /quotes ---

    @Test
    void quotesArePagedByNumberWithQuotablesTotals() {
        given().queryParam("author", author).queryParam("limit", 2).when().get("/quotable/quotes")
                .then().statusCode(200)
                .body("count", equalTo(2)).body("totalCount", equalTo(3)).body("page", equalTo(1)).body("totalPages", equalTo(2))
                .body("lastItemIndex", equalTo(2)).body("results", hasSize(2))
                .body("results[0]", hasKey("_id")).body("results[0]", not(hasKey("id")));
        given().queryParam("author", author).queryParam("limit", 2).queryParam("page", 2).when().get("/quotable/quotes")
                .then().statusCode(200).body("count", equalTo(1)).body("page", equalTo(2)).body("$", hasKey("lastItemIndex"))
                .body("lastItemIndex", nullValue());
        given().queryParam("author", author).queryParam("page", 9).when().get("/quotable/quotes")
                .then().statusCode(200).body("count", equalTo(0)).body("results", empty()).body("totalCount", equalTo(3));
    }

    @Test
    void quotesAreNewestFirstByDefaultAndSortByContentOrLength() {
        List<String> newestFirst = given().queryParam("author", author).when().get("/quotable/quotes").then().extract().path("results._id");
        assertEquals(List.of(quoteIds.get(2), quoteIds.get(1), quoteIds.get(0)), newestFirst);
        given().queryParam("author", author).queryParam("sortBy", "content").when().get("/quotable/quotes")
                .then().body("results.content", contains("Apples are sweet.", "Bananas are long and sweet.", ROCKET));
        given().queryParam("author", author).queryParam("sortBy", "content").queryParam("order", "desc").when().get("/quotable/quotes")
                .then().body("results.content", contains(ROCKET, "Bananas are long and sweet.", "Apples are sweet."));
        List<Integer> lengths = given().queryParam("author", author).queryParam("sortBy", "length").when().get("/quotable/quotes")
                .then().extract().path("results.length");
        List<Integer> sorted = new ArrayList<>(lengths);
        sorted.sort(Comparator.reverseOrder());
        assertEquals(sorted, lengths, "length sorts longest first");
    }

    @Test
    void limitIsClampedAndOddValuesAreReadAsQuotableReadThem() {
        given().queryParam("limit", 0).when().get("/quotable/quotes").then().statusCode(200).body("results", hasSize(1));
        given().queryParam("limit", "5abc").when().get("/quotable/quotes").then().statusCode(200).body("results.size()", lessThanOrEqualTo(5));
        given().queryParam("limit", "99999999999999999999").queryParam("page", "-3").when().get("/quotable/quotes")
                .then().statusCode(200).body("page", equalTo(1)).body("results.size()", lessThanOrEqualTo(150));
        given().queryParam("sortBy", "nonsense").queryParam("order", "sideways").when().get("/quotable/quotes").then().statusCode(200);
    }

    @Test
    void tagsCommaMeansAllOfAndPipeAnyOfByNameOrSlug() {
        given().queryParam("author", author).queryParam("tags", tagA + "," + tagB).when().get("/quotable/quotes")
                .then().body("results._id", contains(quoteIds.get(1)));
        given().queryParam("author", author).queryParam("tags", tagA + "|" + tagB).when().get("/quotable/quotes")
                .then().body("totalCount", equalTo(3));
        // a tag name in Title Case, as Quotable's clients send them, finds the tag by its slug
        given().queryParam("author", author).queryParam("tags", tagB.replaceFirst("^b", "B")).when().get("/quotable/quotes")
                .then().body("totalCount", equalTo(2)).body("results[0].tags", hasSize(1));
    }

    @Test
    void lengthIsCountedAsJavaScriptCountsIt() {
        given().queryParam("author", author).queryParam("minLength", ROCKET.length()).queryParam("maxLength", ROCKET.length())
                .when().get("/quotable/quotes")
                .then().body("results.content", contains(ROCKET)).body("results[0].length", equalTo(ROCKET.length()));
        assertEquals(ROCKET.codePointCount(0, ROCKET.length()) + 1, ROCKET.length());
        given().queryParam("author", author).queryParam("minLength", 17).when().get("/quotable/quotes")
                .then().body("results.content", containsInAnyOrder("Apples are sweet.", "Bananas are long and sweet."));
    }

    @Test
    void unknownParametersAreIgnoredAsQuotableIgnoredThem() {
        given().queryParam("author", author).queryParam("cursor", "not-ours").queryParam("includeTotal", "maybe").queryParam("fields", "x")
                .when().get("/quotable/quotes").then().statusCode(200).body("totalCount", equalTo(3));
    }

    // --- GET /quotes/{id} ---

    @Test
    void aQuoteByIdAndA404ForAnyOtherId() {
        given().when().get("/quotable/quotes/" + quoteIds.get(2)).then().statusCode(200)
                .body("content", equalTo(ROCKET)).body("length", equalTo(15)).body("authorSlug", equalTo(author))
                .body("tags", contains(Character.toUpperCase(tagB.charAt(0)) + tagB.substring(1).replace('-', ' '))); // names, not slugs
        for (String id : List.of("not-an-id", "0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e5f", "%3Cscript%3E")) {
            given().urlEncodingEnabled(false).when().get("/quotable/quotes/" + id).then().statusCode(404).contentType(ContentType.JSON)
                    .body("statusCode", equalTo(404)).body("statusMessage", equalTo("The requested resource could not be found"));
        }
    }

    // --- GET /search/quotes ---

    @Test
    void searchFindsWordsAndExactPhrases() {
        given().queryParam("query", "bananas").when().get("/quotable/search/quotes").then().statusCode(200)
                .body("results._id", hasItem(quoteIds.get(1))).body("$", hasKey("totalPages"));
        given().queryParam("query", "\"long and sweet\"").when().get("/quotable/search/quotes").then().statusCode(200)
                .body("results._id", hasItem(quoteIds.get(1))).body("results._id", not(hasItem(quoteIds.get(0))));
        given().queryParam("query", "\"sweet and long\"").when().get("/quotable/search/quotes").then().statusCode(200)
                .body("results._id", not(hasItem(quoteIds.get(1))));
    }

    @Test
    void searchWithoutAQueryIs422AndATooLongOneA400AsInQuotable() {
        for (String query : List.of("", "!!!")) {
            given().queryParam("query", query).when().get("/quotable/search/quotes").then().statusCode(422)
                    .body("statusCode", equalTo(422)).body("statusMessage", equalTo("Missing required parameter: `query`"));
        }
        given().when().get("/quotable/search/quotes").then().statusCode(422);
        given().queryParam("query", "word ".repeat(40)).when().get("/quotable/search/quotes").then().statusCode(400).body("statusCode", equalTo(400));
    }

    @Test
    void searchTextIsDataNotSyntax() {
        for (String query : List.of("' OR '1'='1", "a & b | !c", "%_\\", "<script>alert(1)</script>", "to be or not to be")) {
            given().queryParam("query", query).when().get("/quotable/search/quotes").then().statusCode(org.hamcrest.Matchers.oneOf(200, 422));
        }
    }

    // --- GET /search/authors ---

    @Test
    void authorSearchAutocompletesUnfinishedWords() {
        String unfinished = authorName.substring(0, authorName.indexOf(' ') + 3); // "Quotable Au"
        given().queryParam("query", unfinished).when().get("/quotable/search/authors").then().statusCode(200)
                .body("results.slug", hasItem(author)).body("$", hasKey("lastItemIndex"));
        given().queryParam("query", unfinished).queryParam("autocomplete", "false").when().get("/quotable/search/authors").then().statusCode(200)
                .body("results.slug", not(hasItem(author)));
        given().queryParam("query", authorName).queryParam("autocomplete", "false").when().get("/quotable/search/authors").then().statusCode(200)
                .body("results.slug", contains(author));
        given().when().get("/quotable/search/authors").then().statusCode(422).body("statusCode", equalTo(422));
    }

    // --- GET /authors, /authors/{id}, /authors/slug/{slug} ---

    @Test
    void authorsArePagedByNameAndFilteredBySlugsOrNames() {
        given().queryParam("slug", author + "|" + otherAuthor).when().get("/quotable/authors").then().statusCode(200)
                .body("totalCount", equalTo(2)).body("results.slug", contains(otherAuthor, author));
        given().queryParam("name", authorName).when().get("/quotable/authors").then().statusCode(200)
                .body("results.slug", contains(author)).body("results[0].quoteCount", equalTo(3))
                .body("results[0]", hasKey("bio")).body("results[0]", hasKey("link")).body("results[0]", not(hasKey("quotes")));
        given().queryParam("slug", author + "," + otherAuthor).queryParam("sortBy", "quoteCount").when().get("/quotable/authors").then()
                .body("results.slug", contains(author, otherAuthor));
        List<String> names = given().queryParam("limit", 150).when().get("/quotable/authors").then().extract().path("results.name");
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.naturalOrder());
        assertEquals(sorted, names);
    }

    @Test
    void anAuthorByIdAndBySlugWithTheirQuotes() {
        String id = given().queryParam("slug", author).when().get("/quotable/authors").then().extract().path("results[0]._id");
        given().when().get("/quotable/authors/" + id).then().statusCode(200).body("slug", equalTo(author)).body("$", not(hasKey("quotes")));
        given().when().get("/quotable/authors/slug/" + author).then().statusCode(200)
                .body("_id", equalTo(id)).body("quotes._id", contains(quoteIds.subList(0, 3).toArray()));
        given().when().get("/quotable/authors/nope").then().statusCode(404).body("statusCode", equalTo(404));
        given().when().get("/quotable/authors/slug/nobody-" + author).then().statusCode(404).body("statusCode", equalTo(404));
    }

    // --- GET /tags ---

    @Test
    void tagsAreAnArrayByNameOrByQuoteCount() {
        List<Map<String, Object>> tags = given().when().get("/quotable/tags").then().statusCode(200).extract().path("$");
        List<String> names = tags.stream().map(t -> (String) t.get("name")).toList();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, names);
        assertTrue(tags.stream().anyMatch(t -> t.get("slug").equals(tagA) && ((Integer) t.get("quoteCount")) == 4), "tag A counts its quotes");
        List<Integer> counts = given().queryParam("sortBy", "quoteCount").when().get("/quotable/tags").then().extract().path("quoteCount");
        List<Integer> descending = new ArrayList<>(counts);
        descending.sort(Comparator.reverseOrder());
        assertEquals(descending, counts);
    }

    // --- what Quotable answered besides its routes ---

    @Test
    void otherPathsAndMethodsAreQuotables404() {
        given().when().get("/quotable/nothing/here").then().statusCode(404).contentType(ContentType.JSON).body("statusCode", equalTo(404));
        Fixtures.asEditor().contentType(ContentType.JSON).body("{}").when().post("/quotable/quotes")
                .then().statusCode(404).body("statusMessage", equalTo("The requested resource could not be found"));
        given().when().delete("/quotable/quotes/" + quoteIds.get(0)).then().statusCode(404).body("statusCode", equalTo(404));
    }

    @Test
    void anUndecodableQueryIsQuotables400NotOurProblem() {
        given().urlEncodingEnabled(false).when().get("/quotable/quotes?author=%FF").then().statusCode(400)
                .contentType(ContentType.JSON).body("statusCode", equalTo(400));
        given().urlEncodingEnabled(false).when().get("/quotable/search/quotes?query=a%00b").then().statusCode(400).body("statusCode", equalTo(400));
    }

    @Test
    void corsIsOpenToEveryOriginAndAcceptIsIgnored() {
        given().header("Origin", "https://stranded-app.example").when().get("/quotable/quotes/" + quoteIds.get(0))
                .then().statusCode(200).header("Access-Control-Allow-Origin", org.hamcrest.Matchers.anyOf(equalTo("*"), equalTo("https://stranded-app.example")));
        given().header("Accept", "text/html").when().get("/quotable/quotes/" + quoteIds.get(0))
                .then().statusCode(200).contentType(ContentType.JSON).body("_id", equalTo(quoteIds.get(0)));
    }

    @Test
    void ourOwnApiStillRefusesWhatQuotableIgnores() {
        given().queryParam("limit", 0).when().get("/api/v1/quotes").then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/quotes/" + quoteIds.get(0)).then().statusCode(200).body("id", equalTo(quoteIds.get(0))).body("$", not(hasKey("_id")));
        assertTrue(everyItem(equalTo(1)).matches(List.of(1)));
    }
}
