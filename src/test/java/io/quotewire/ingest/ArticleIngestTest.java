package io.quotewire.ingest;

import static io.quotewire.Fixtures.asAdmin;
import static io.quotewire.Fixtures.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import io.quotewire.api.caching.ReadCache;
import io.quotewire.api.json.MergePatcher;
import io.quotewire.quote.QuoteInput;
import io.quotewire.quote.QuoteRepository;
import io.quotewire.quote.QuoteService;
import io.quotewire.quote.QuoteView;
import io.quotewire.source.SourceRepository;
import io.quotewire.speaker.SpeakerRepository;
import io.quotewire.tag.TagService;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleIngestTest {

    private static final String ARTICLES = "/api/v1/articles";
    private static final String EXTRACTIONS = "/api/v1/extractions";
    private static final String PLAIN_UTF8 = "text/plain; charset=utf-8";

    @Inject
    EntityManager entityManager;
    @Inject
    QuoteRepository quoteRepository;
    @Inject
    SpeakerRepository speakerRepository;
    @Inject
    SourceRepository sourceRepository;
    @Inject
    TagService tagService;
    @Inject
    MergePatcher patcher;
    @Inject
    ReadCache readCache;

    // --- the seed article ---

    @Test
    void reingestingTheSeedTextIsANoOpAnsweringTheSeedRecords() throws IOException {
        Map<String, Long> before = rowCounts();
        asEditor().contentType(ContentType.JSON).body(Map.of("text", seedText()))
                .when().post(ARTICLES)
                .then().statusCode(200)
                .body("created", equalTo(false))
                .body("quoteIds", hasSize(11))
                .body("speakersCreated", empty())
                .body("speakersLinked", hasSize(2))
                .body("counts.quotes", equalTo(11));
        assertEquals(before, rowCounts(), "a re-ingest writes nothing");
    }

    @Test
    void theSeedUnderANewUrlAddsAnAppearanceToEveryGoldQuoteInsteadOfACopy() throws IOException {
        // The seed's quotes are stored with their speakers, so the same article under another URL repeats each of them:
        // one more appearance per quote (issue 13), no new quote. This test writes only the new source and its
        // appearances, and deletes that source at the end (the appearances go with it); the seed quotes are never
        // touched, since other tests read them.
        JsonNode seed = new ObjectMapper().readTree(resource("/seed/seed.json"));
        String url = "https://example.org/" + Fixtures.unique("seed-copy");
        long quotesBefore = QuarkusTransaction.requiringNew().call(() -> quoteRepository.count());
        Response response = asEditor().contentType(ContentType.JSON).body(Map.of("text", seedText(), "url", url, "publisher", "Fixture Gazette"))
                .when().post(ARTICLES);
        response.then().statusCode(201)
                .header("Location", containsString("/api/v1/sources/"))
                .body("created", equalTo(true))
                .body("speakersCreated", empty())
                .body("counts.speakersLinked", equalTo(2))
                .body("counts.aliasesAdded", equalTo(0))
                .body("counts.quotes", equalTo(seed.path("quotes").size()));
        String sourceId = response.path("sourceId");
        try {
            assertEquals(quotesBefore, QuarkusTransaction.requiringNew().call(() -> quoteRepository.count()), "no quote was created");
            Map<Integer, JsonNode> goldByStart = new HashMap<>();
            seed.path("quotes").forEach(gold -> goldByStart.put(gold.path("start").asInt(), gold));
            List<String> quoteIds = response.jsonPath().getList("quoteIds");
            assertEquals(seed.path("quotes").size(), quoteIds.size());
            for (String id : quoteIds) {
                JsonPath quote = given().when().get("/api/v1/quotes/" + id).then().statusCode(200).extract().jsonPath();
                assertEquals("verified", quote.getString("status"), id + " is the stored seed quote");
                assertTrue(!sourceId.equals(quote.getString("source.id")), id + " keeps its first source");
                assertEquals(2, quote.getInt("appearanceCount"), id);
                List<Map<String, Object>> appearances = given().queryParam("limit", 100).when().get("/api/v1/quotes/" + id + "/appearances")
                        .then().statusCode(200).extract().jsonPath().getList("items");
                @SuppressWarnings("unchecked")
                Map<String, Object> here = appearances.stream().filter(a -> sourceId.equals(((Map<String, Object>) a.get("source")).get("id")))
                        .findFirst().orElseThrow(() -> new AssertionError(id + " has no appearance in the new source"));
                JsonNode gold = goldByStart.remove((Integer) here.get("start"));
                assertTrue(gold != null, id + ": its appearance starts at a gold quote's offset, " + here.get("start"));
                assertEquals(gold.path("end").asInt(), here.get("end"), id);
                assertEquals(gold.path("text").asText(), quote.getString("text"), id);
                assertEquals(gold.path("speaker").asText(), quote.getString("speaker.slug"), id + ": the stored seed speaker");
            }
            assertTrue(goldByStart.isEmpty(), "every gold quote got its appearance: left " + goldByStart.keySet());
            given().when().get("/api/v1/speakers/vedant-patel").then().statusCode(200).body("quoteCount", equalTo(10));
            // the same article again finds the same quotes
            asEditor().contentType(ContentType.JSON).body(Map.of("text", seedText(), "url", url)).when().post(ARTICLES)
                    .then().statusCode(200).body("created", equalTo(false)).body("quoteIds", equalTo(quoteIds));
        } finally {
            asAdmin().when().delete("/api/v1/sources/" + sourceId).then().statusCode(204);
        }
        for (Object id : response.jsonPath().getList("quoteIds")) {
            given().when().get("/api/v1/quotes/" + id).then().statusCode(200).body("appearanceCount", equalTo(1));
        }
    }

    @Test
    void theDryRunOfTheSeedMatchesTheStoredSpeakersAndChangesNoTable() throws IOException {
        Map<String, Long> before = rowCounts();
        JsonPath preview = asEditor().contentType(ContentType.JSON)
                .body(Map.of("text", seedText(), "url", "https://example.org/" + Fixtures.unique("seed-preview")))
                .when().post(EXTRACTIONS)
                .then().statusCode(200)
                .body("quotes", hasSize(11))
                .body("existingSourceId", nullValue())
                .extract().jsonPath();
        assertEquals(before, rowCounts(), "a dry run writes nothing");
        assertEquals(List.of("ishaq-dar", "vedant-patel"), preview.getList("speakers.slug").stream().sorted().toList());
        assertEquals(List.of("existing", "existing"), preview.getList("speakers.resolution"));
        assertEquals(List.of("name", "name"), preview.getList("speakers.matchedBy"));
        assertEquals("Vedant Patel", preview.getString("quotes[0].speaker.name"));
        assertEquals("indirect", preview.getString("quotes[0].type"));
    }

    // --- a fresh article ---

    @Test
    void anArticleIsIngestedOnceWithItsQuotesAndNewSpeaker() {
        String surname = surname();
        String text = harbourArticle(surname);
        String url = "https://example.org/" + Fixtures.unique("harbour");
        Response created = asEditor().contentType(ContentType.JSON).body(Map.of("text", text, "url", url, "publishedAt", "2024-06-27T14:05:00Z"))
                .when().post(ARTICLES);
        created.then().statusCode(201)
                .body("counts.quotes", equalTo(3))
                .body("counts.speakersCreated", equalTo(1))
                .body("speakersLinked", empty());
        String sourceId = created.path("sourceId");
        assertTrue(created.header("Location").endsWith("/api/v1/sources/" + sourceId));

        given().when().get("/api/v1/sources/" + sourceId).then().statusCode(200)
                .body("kind", equalTo("article"))
                .body("title", equalTo("Harbour reopens after the storm"))
                .body("url", equalTo(url))
                .body("text", equalTo(text));
        String slug = "orla-" + surname.toLowerCase(Locale.ROOT);
        given().when().get("/api/v1/speakers/" + slug).then().statusCode(200)
                .body("name", equalTo("Orla " + surname))
                .body("role", equalTo("harbour master"))
                .body("aliases", equalTo(List.of(surname)))
                .body("quoteCount", equalTo(3));
        given().queryParam("sort", "createdAt").when().get("/api/v1/sources/" + sourceId + "/quotes").then().statusCode(200)
                .body("items.text", hasItem("The harbour is open again"))
                .body("items.find { it.text == 'The harbour is open again' }.start", equalTo(34))
                .body("items.find { it.text == 'The harbour is open again' }.end", equalTo(59))
                .body("items.find { it.type == 'indirect' }.text", equalTo("the ferries would run on the normal timetable from Monday"))
                .body("items.find { it.type == 'indirect' }.quotedOn", equalTo("2024-06-27"))
                .body("items.find { it.type == 'indirect' }.context", equalTo(surname + " said that the ferries would run on the normal timetable from Monday."));

        Map<String, Long> before = rowCounts();
        asEditor().contentType(ContentType.JSON).body(Map.of("text", text, "url", url))
                .when().post(ARTICLES)
                .then().statusCode(200)
                .body("created", equalTo(false))
                .body("sourceId", equalTo(sourceId))
                .body("quoteIds", equalTo(created.jsonPath().getList("quoteIds")));
        assertEquals(before, rowCounts(), "re-ingesting the same URL writes nothing");
    }

    @Test
    void withoutAUrlTheSameTextIsTheSameArticle() {
        String text = harbourArticle(surname());
        String sourceId = asEditor().contentType(PLAIN_UTF8).body(text.getBytes(StandardCharsets.UTF_8))
                .when().post(ARTICLES)
                .then().statusCode(201).extract().path("sourceId");
        Map<String, Long> before = rowCounts();
        asEditor().contentType(ContentType.JSON).body(Map.of("text", text))
                .when().post(ARTICLES)
                .then().statusCode(200).body("sourceId", equalTo(sourceId)).body("quoteIds", hasSize(3));
        asEditor().contentType(ContentType.JSON).body(Map.of("text", text)).when().post(EXTRACTIONS)
                .then().statusCode(200).body("existingSourceId", equalTo(sourceId));
        assertEquals(before, rowCounts());
    }

    @Test
    void aSurnameAloneFindsTheOneStoredSpeakerWithItAndAddsItAsAnAlias() {
        String surname = surname();
        String slug = asEditor().contentType(ContentType.JSON).body(Map.of("name", "Orla " + surname))
                .when().post("/api/v1/speakers").then().statusCode(201).extract().path("slug");
        String text = "Ferry timetable confirmed\n\n“The first crossing leaves at six,” " + surname + " said.\n";
        asEditor().contentType(ContentType.JSON).body(Map.of("text", text)).when().post(EXTRACTIONS).then().statusCode(200)
                .body("speakers", hasSize(1))
                .body("speakers[0].resolution", equalTo("existing"))
                .body("speakers[0].matchedBy", equalTo("surname"))
                .body("speakers[0].slug", equalTo(slug))
                .body("speakers[0].aliases", equalTo(List.of(surname)))
                .body("quotes[0].text", equalTo("The first crossing leaves at six"))
                .body("quotes[0].speaker.slug", equalTo(slug));
        asEditor().contentType(ContentType.JSON).body(Map.of("text", text)).when().post(ARTICLES).then().statusCode(201)
                .body("speakersCreated", empty())
                .body("counts.aliasesAdded", equalTo(1));
        given().when().get("/api/v1/speakers/" + slug).then().statusCode(200)
                .body("aliases", equalTo(List.of(surname)))
                .body("quoteCount", equalTo(1));
    }

    @Test
    void aSurnameSharedByTwoStoredSpeakersIsNotGuessed() {
        String surname = surname();
        for (String first : List.of("Orla", "Ines")) {
            asEditor().contentType(ContentType.JSON).body(Map.of("name", first + " " + surname)).when().post("/api/v1/speakers").then().statusCode(201);
        }
        asEditor().contentType(ContentType.JSON).body(Map.of("text", "Ferry timetable confirmed\n\n“The first crossing leaves at six,” " + surname + " said.\n"))
                .when().post(EXTRACTIONS).then().statusCode(200)
                .body("speakers[0].resolution", equalTo("new"))
                .body("speakers[0].name", equalTo(surname));
    }

    @Test
    void concurrentSubmitsOfOneArticleCreateItOnce() throws Exception {
        String text = harbourArticle(surname());
        String url = "https://example.org/" + Fixtures.unique("race");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Response>> submits = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                submits.add(() -> asEditor().contentType(ContentType.JSON).body(Map.of("text", text, "url", url)).when().post(ARTICLES));
            }
            List<Integer> statuses = new ArrayList<>();
            List<String> sourceIds = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(submits)) {
                statuses.add(answer.get().statusCode());
                sourceIds.add(answer.get().path("sourceId"));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one creates: " + statuses);
            assertEquals(3, statuses.stream().filter(s -> s == 200).count(), "the others find it: " + statuses);
            assertEquals(1, sourceIds.stream().distinct().count(), "one source for all");
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> sourceRepository.count("url", url)));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void plainTextIsAccepted() {
        asEditor().contentType(PLAIN_UTF8).body(harbourArticle(surname()).getBytes(StandardCharsets.UTF_8))
                .when().post(EXTRACTIONS)
                .then().statusCode(200)
                .body("title", equalTo("Harbour reopens after the storm"))
                .body("quotes", hasSize(3))
                .body("quotes.type", equalTo(List.of("direct", "direct", "indirect")))
                .body("quotes[2].cueVerb", equalTo("said"))
                .body("speakers[0].resolution", equalTo("new"));
    }

    // --- bad input: a 4xx problem (never a 500), and nothing written ---

    @Test
    void blankTextIs400() {
        Map<String, Long> before = rowCounts();
        for (String path : List.of(ARTICLES, EXTRACTIONS)) {
            asEditor().contentType(ContentType.JSON).body(Map.of("text", " \n\t ")).when().post(path)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("text"));
            asEditor().contentType(ContentType.JSON).body(Map.of("title", "No text")).when().post(path)
                    .then().statusCode(400).body("errors[0].field", equalTo("text"));
            asEditor().contentType(PLAIN_UTF8).body("\u00a0\u3000\n".getBytes(StandardCharsets.UTF_8)).when().post(path)
                    .then().statusCode(400).body("errors[0].field", equalTo("text"));
            asEditor().contentType(ContentType.TEXT).body(new byte[0]).when().post(path)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals(before, rowCounts());
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        Map<String, Long> before = rowCounts();
        byte[] body = "a".repeat(1024 * 1024 + 1).getBytes(StandardCharsets.UTF_8);
        asEditor().contentType(ContentType.TEXT).body(body).when().post(ARTICLES)
                .then().statusCode(413).contentType("application/problem+json");
        assertEquals(before, rowCounts());
    }

    @Test
    void invalidUtf8Is400() {
        Map<String, Long> before = rowCounts();
        byte[] latin1 = "Title\n\n“Caf\u00e9,” she said.".getBytes(StandardCharsets.ISO_8859_1);
        byte[] truncated = {'T', 'i', 't', 'l', 'e', '\n', (byte) 0xE2, (byte) 0x80};
        for (byte[] body : List.of(latin1, truncated)) {
            for (String path : List.of(ARTICLES, EXTRACTIONS)) {
                asEditor().contentType(ContentType.TEXT).body(body).when().post(path)
                        .then().statusCode(400).contentType("application/problem+json").body("type", equalTo("/problems/malformed-body"));
            }
        }
        assertEquals(before, rowCounts());
    }

    @Test
    void binaryIs400() {
        Map<String, Long> before = rowCounts();
        byte[] binary = new byte[4096];
        ThreadLocalRandom.current().nextBytes(binary);
        binary[0] = 0; // random bytes may happen to decode; a NUL never belongs in an article
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        for (byte[] body : List.of(binary, png)) {
            asEditor().contentType(ContentType.TEXT).body(body).when().post(ARTICLES)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        asEditor().contentType(ContentType.JSON).body(Map.of("text", "Title\n\nNUL \u0000 inside")).when().post(ARTICLES)
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
        asEditor().contentType(ContentType.JSON).body("{\"text\":\"Title\\n\\nHalf a pair \\ud800 here\"}").when().post(ARTICLES)
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
        assertEquals(before, rowCounts());
    }

    @Test
    void textWithoutQuotesAnswersEmptyLists() {
        String text = "Weather " + Fixtures.unique("report") + "\n\nThe wind dropped overnight and the roads are clear.\n";
        asEditor().contentType(ContentType.JSON).body(Map.of("text", text)).when().post(EXTRACTIONS)
                .then().statusCode(200).body("quotes", empty()).body("speakers", empty());
        asEditor().contentType(ContentType.JSON).body(Map.of("text", text)).when().post(ARTICLES)
                .then().statusCode(201).body("quoteIds", empty()).body("counts.quotes", equalTo(0));
    }

    @Test
    void pathologicalTextsCompleteWithoutAServerError() {
        String unmatched = "Marks\n\n" + "“ word ".repeat(10_000);
        String longParagraph = "Long\n\n" + "The committee met again and said nothing new about the harbour, ".repeat(8_000);
        String nested = "Nested\n\nShe said: " + "“a ‘b ".repeat(5_000) + "end" + "’ b” a".repeat(5_000) + ".\n";
        for (String text : List.of(unmatched, longParagraph, nested)) {
            long started = System.nanoTime();
            int quotes = asEditor().contentType(PLAIN_UTF8).body(text.getBytes(StandardCharsets.UTF_8)).when().post(EXTRACTIONS)
                    .then().statusCode(200).extract().jsonPath().getList("quotes").size();
            int status = asEditor().contentType(PLAIN_UTF8).body(text.getBytes(StandardCharsets.UTF_8)).when().post(ARTICLES)
                    .then().extract().statusCode();
            assertEquals(quotes > IngestService.MAX_QUOTES ? 400 : 201, status, "ingested, or refused as holding too many quotes (" + quotes + ")");
            long seconds = (System.nanoTime() - started) / 1_000_000_000;
            assertTrue(seconds < 20, text.substring(0, 6) + " took " + seconds + " s");
        }
    }

    @Test
    void aFailureHalfwayThroughAnIngestWritesNothing() {
        AtomicInteger calls = new AtomicInteger();
        QuoteService failing = new QuoteService(quoteRepository, speakerRepository, sourceRepository, tagService, patcher, readCache) {
            @Override
            public QuoteView persistQuote(QuoteInput input) {
                if (calls.incrementAndGet() == 2) {
                    throw new IllegalStateException("injected failure on the second quote");
                }
                return super.persistQuote(input);
            }
        };
        QuarkusMock.installMockForType(failing, QuoteService.class);
        String text = harbourArticle(surname());
        Map<String, Long> before = rowCounts();
        asEditor().contentType(ContentType.JSON).body(Map.of("text", text)).when().post(ARTICLES)
                .then().statusCode(500).contentType("application/problem+json");
        assertEquals(2, calls.get(), "the failure came after the source, the speaker and a quote were written");
        assertEquals(before, rowCounts(), "and all of them were rolled back");
    }

    // --- helpers ---

    /**
     * Rows in every table of the schema (Flyway's history aside, and the rate limiter's windows, which it writes in the
     * background on its own clock: a new window began during blankTextIs400 once).
     */
    private Map<String, Long> rowCounts() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<String> tables = entityManager.createNativeQuery("select table_name from information_schema.tables "
                    + "where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'flyway%' "
                    + "and table_name <> 'rate_limit_windows'").getResultList();
            for (String table : tables) {
                counts.put(table, ((Number) entityManager.createNativeQuery("select count(*) from \"" + table + "\"").getSingleResult()).longValue());
            }
            assertTrue(counts.containsKey("quote") && counts.containsKey("article_ingest"), counts::toString);
            return counts;
        });
    }

    /** An invented surname no other test uses, so its speaker is this test's own. */
    private static String surname() {
        String consonants = "bdfgklmnprstvz";
        String vowels = "aeiou";
        StringBuilder name = new StringBuilder("Q");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 4; i++) {
            name.append(vowels.charAt(random.nextInt(vowels.length()))).append(consonants.charAt(random.nextInt(consonants.length())));
        }
        return name.toString();
    }

    /** Our own news-style fixture: a split direct quote and a reported clause, one speaker named with her role. */
    private static String harbourArticle(String surname) {
        return "Harbour reopens after the storm\n\n"
                + "“The harbour is open again,” said harbour master Orla " + surname + ". “Every berth was checked overnight.”\n\n"
                + surname + " said that the ferries would run on the normal timetable from Monday.\n";
    }

    private static String seedText() throws IOException {
        return resource("/seed/seed-article.txt");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ArticleIngestTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
