package io.quotewire.explorer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The explorer's pages as HTML: status, landmarks, escaping, the quote marked at its offsets, JSON-LD, and 400 pages. */
@QuarkusTest
class ExplorerTest {

    /** A source text with markup in it, which every page must show as text. */
    private static final String HOSTILE_TEXT = "The critic wrote: \"<script>alert('x')</script> is not a quote & never was.\" Then she left.";
    private static final String HOSTILE_QUOTE = "<script>alert('x')</script> is not a quote & never was.";
    private static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

    private static String speaker;
    private static String speakerName;
    private static String anchored;
    private static String hostile;

    @BeforeEach
    void createOnce() {
        if (speaker != null) {
            return;
        }
        speakerName = Fixtures.unique("Explorer Speaker");
        speaker = Fixtures.createSpeaker(speakerName);
        String source = Fixtures.createSource();
        anchored = Fixtures.asEditor().contentType(ContentType.JSON)
                .body(Map.of("text", Fixtures.DIRECT_QUOTE, "type", "direct", "sourceId", source, "speakerId", speaker,
                        "start", Fixtures.DIRECT_START, "end", Fixtures.DIRECT_END, "tags", List.of("explorer-test")))
                .when().post("/api/v1/quotes").then().statusCode(201).extract().path("id");
        String hostileSource = Fixtures.createSource(Map.of("kind", "article", "title", Fixtures.unique("<b>Bold</b> title"), "text", HOSTILE_TEXT));
        int start = HOSTILE_TEXT.indexOf(HOSTILE_QUOTE);
        hostile = Fixtures.asEditor().contentType(ContentType.JSON)
                .body(Map.of("text", HOSTILE_QUOTE, "type", "direct", "sourceId", hostileSource, "speakerId", speaker,
                        "start", start, "end", start + HOSTILE_QUOTE.length()))
                .when().post("/api/v1/quotes").then().statusCode(201).extract().path("id");
    }

    @Test
    void theHomePageHasLandmarksASearchBoxTheQuoteOfTheDayAndLinksToTheApi() {
        given().when().get("/").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<main id=\"main\""))
                .body(containsString("<nav aria-label=\"Main\">"))
                .body(containsString("href=\"#main\">Skip to content"))
                .body(containsString("<label for=\"q\">"))
                .body(containsString("Quote of the day"))
                .body(containsString("href=\"/q/swagger-ui\""))
                .body(containsString("href=\"/random\""))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    @Test
    void searchMarksTheHitsAndOffersFilters() {
        String page = given().queryParam("q", "publish contract").queryParam("speaker", speaker).when().get("/search")
                .then().statusCode(200).contentType(ContentType.HTML).extract().asString();
        assertTrue(page.contains("<mark>publish</mark>"), page);
        assertTrue(page.contains("<mark>contract</mark>"), page);
        assertTrue(page.contains("href=\"/quotes/" + anchored + "\""), "links to the quote's page");
        assertTrue(page.contains("<option value=\"" + speaker + "\" selected>"), "the speaker filter is kept");
        assertTrue(page.contains("name=\"type\"") && page.contains("name=\"tag\"") && page.contains("type=\"date\""), "filters");
    }

    @Test
    void everyTextIsEscapedSoMarkupInAQuoteIsShownAsText() {
        for (String path : List.of("/search?q=never%20was", "/quotes/" + hostile, "/speakers/" + speaker)) {
            String page = given().urlEncodingEnabled(false).when().get(path).then().statusCode(200).extract().asString();
            assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") || page.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"),
                    path + " shows the markup as text");
            assertTrue(!page.contains("<script>alert("), path + " has no script element from the data");
            assertTrue(!page.contains("<b>Bold</b>"), path);
        }
    }

    @Test
    void theQuotePageMarksTheQuoteAtItsOffsetsInTheSourceText() {
        String page = given().when().get("/quotes/" + anchored).then().statusCode(200).extract().asString();
        Matcher marked = Pattern.compile("<div class=\"source-text\" id=\"source-text-1\">(.*?)<mark id=\"quote-in-source-1\"[^>]*"
                + "data-start=\"(\\d+)\" data-end=\"(\\d+)\">(.*?)</mark>", Pattern.DOTALL).matcher(page);
        assertTrue(marked.find(), page);
        assertEquals(Fixtures.SOURCE_TEXT.substring(0, Fixtures.DIRECT_START).replace("\"", "&quot;"), marked.group(1), "the text before the quote");
        assertEquals(Integer.toString(Fixtures.DIRECT_START), marked.group(2));
        assertEquals(Integer.toString(Fixtures.DIRECT_END), marked.group(3));
        assertEquals(Fixtures.DIRECT_QUOTE, marked.group(4));
        assertTrue(page.contains("href=\"/speakers/" + speaker + "\">" + speakerName + "</a>"), "links to the speaker");
        assertTrue(page.contains("Check it yourself"));
    }

    @Test
    void theQuotePageCarriesSchemaOrgQuotationJsonLdThatNoTextCanBreakOutOf() throws Exception {
        for (String id : List.of(anchored, hostile)) {
            String page = given().when().get("/quotes/" + id).then().statusCode(200).extract().asString();
            Matcher script = JSON_LD.matcher(page);
            assertTrue(script.find(), page);
            JsonNode data = new ObjectMapper().readTree(script.group(1));
            assertEquals("https://schema.org", data.path("@context").asText());
            assertEquals("Quotation", data.path("@type").asText());
            assertEquals(speakerName, data.path("creator").path("name").asText());
            assertEquals("/quotes/" + id, data.path("url").asText());
            assertTrue(!script.group(1).contains("<"), "no < inside the script element");
        }
        String page = given().when().get("/quotes/" + hostile).then().extract().asString();
        Matcher script = JSON_LD.matcher(page);
        script.find();
        assertEquals(HOSTILE_QUOTE, new ObjectMapper().readTree(script.group(1)).path("text").asText(), "the text survives the escaping");
    }

    @Test
    void theSpeakerPageListsTheirQuotes() {
        given().when().get("/speakers/" + speaker).then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("<h1>" + speakerName + "</h1>"))
                .body(containsString("href=\"/quotes/" + anchored + "\""))
                .body(containsString("href=\"/quotes/" + hostile + "\""));
    }

    @Test
    void aRandomQuoteIsARedirectToItsPage() {
        given().redirects().follow(false).when().get("/random").then().statusCode(303)
                .header("Location", matchesPattern(".*/quotes/[0-9a-f-]{36}$")).header("Cache-Control", "no-store");
    }

    @Test
    void badQueryStringsGetAFriendlyPageWithStatus400() {
        for (String query : List.of("from=2024-13-01", "to=yesterday", "tag=Not%20A%20Slug", "type=poem", "cursor=garbage",
                "q=probe%07", "q=%FF", "from=2024-05-02&to=2024-05-01", "q=" + "a".repeat(501))) {
            given().urlEncodingEnabled(false).when().get("/search?" + query).then().statusCode(400)
                    .contentType(startsWith("text/html"))
                    .body(containsString("Back to the start"))
                    .body(not(containsString("problem")));
        }
    }

    @Test
    void unknownQuotesAndSpeakersAreFriendly404Pages() {
        for (String path : List.of("/quotes/not-an-id", "/quotes/0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e5f", "/speakers/nobody-at-all-here")) {
            given().when().get(path).then().statusCode(404).contentType(startsWith("text/html")).body(containsString("There is nothing at this address"));
        }
    }

    @Test
    void theQuotePageIsSmallAndLoadsNoJavaScript() {
        String page = given().when().get("/quotes/" + anchored).then().statusCode(200).extract().asString();
        assertTrue(page.length() < 20_000, "the quote page is " + page.length() + " characters");
        assertTrue(!page.contains("<script src") && !page.contains("<script>"), "no JavaScript is loaded or inlined");
    }
}
