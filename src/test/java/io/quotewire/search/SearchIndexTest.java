package io.quotewire.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Await;
import io.quotewire.Fixtures;
import io.quotewire.HeldConnections;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The index follows every write at once, filters a search as PostgreSQL does, and rebuilds without a wrong answer. */
@QuarkusTest
class SearchIndexTest {

    @Inject
    AgroalDataSource database;

    @Inject
    QuoteIndex index;

    private static String word() {
        return "zx" + UUID.randomUUID().toString().replace("-", "").chars().limit(7).map(c -> 'a' + Character.digit(c, 16)).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    }

    private static List<String> search(String q, Map<String, Object> filters) {
        return given().queryParam("q", q).queryParams(filters).when().get("/api/v1/quotes")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void aWriteIsFoundAtOnceAndAnEditOrDeleteChangesWhatIsFound() {
        IndexAwait.untilTheIndexAnswers();
        String before = word();
        String after = word();
        String source = Fixtures.createSource();
        String id = Fixtures.createQuote(source, null, "The " + before + " report will be published on Monday.");
        assertEquals(List.of(id), search(before, Map.of()));
        Fixtures.asEditor().contentType("application/merge-patch+json").body(Map.of("text", "The " + after + " report was published."))
                .when().patch("/api/v1/quotes/" + id).then().statusCode(200);
        assertEquals(List.of(), search(before, Map.of()));
        assertEquals(List.of(id), search(after, Map.of()));
        Fixtures.asAdmin().when().delete("/api/v1/quotes/" + id).then().statusCode(204);
        assertEquals(List.of(), search(after, Map.of()));
        assertTrue(IndexAwait.theIndexAnswers(), "the index answered");
    }

    /** The quotes of a search page come from memory when the same quotes were shown before: never a view older than a write. */
    @Test
    void aSearchShowsWhatWasWrittenSinceItWasLastAnswered() throws Exception {
        IndexAwait.untilTheIndexAnswers();
        String w = word();
        String speaker = Fixtures.createSpeaker("Cache Witness " + w);
        String id = Fixtures.createQuote(Fixtures.createSource(), speaker, "The " + w + " inquiry opens in spring.");
        assertEquals("Cache Witness " + w, speakerNameFound(w));
        // an edit of the speaker, which leaves the quote's own row as it was
        Fixtures.asEditor().contentType("application/merge-patch+json").body(Map.of("name", "Renamed Witness " + w))
                .when().patch("/api/v1/speakers/" + speaker).then().statusCode(200);
        assertEquals("Renamed Witness " + w, speakerNameFound(w));
        // a write this instance only hears of from PostgreSQL (as another instance's, or an import's)
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement("update speaker set name = ? where slug = ?")) {
            update.setString(1, "Elsewhere Witness " + w);
            update.setString(2, speaker);
            assertEquals(1, update.executeUpdate());
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!("Elsewhere Witness " + w).equals(speakerNameFound(w)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals("Elsewhere Witness " + w, speakerNameFound(w));
        Fixtures.asAdmin().when().delete("/api/v1/quotes/" + id).then().statusCode(204);
        assertEquals(List.of(), search(w, Map.of()));
        assertTrue(IndexAwait.theIndexAnswers(), "the index answered");
    }

    /** A page's quotes shown once are taken from memory the next time, not read again from PostgreSQL. */
    @Test
    void theQuotesOfARepeatedSearchComeFromTheReadCache() {
        IndexAwait.untilTheIndexAnswers();
        String w = word();
        String source = Fixtures.createSource();
        Fixtures.createQuote(source, null, "A " + w + " budget was passed.");
        Fixtures.createQuote(source, null, "The " + w + " vote was close.");
        assertEquals(2, search(w, Map.of()).size());
        double before = recordHits();
        assertEquals(2, search(w, Map.of()).size());
        assertEquals(before + 2, recordHits(), 0.0);
        assertTrue(IndexAwait.theIndexAnswers(), "the index answered");
    }

    private static double recordHits() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("cache_gets_total{") && line.contains("cache=\"read-records\"")
                        && line.contains("result=\"hit\"")).mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String speakerNameFound(String q) {
        return given().queryParam("q", q).when().get("/api/v1/quotes")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("items[0].speaker.name");
    }

    @Test
    void filtersNarrowASearchAsTheyNarrowAList() {
        IndexAwait.untilTheIndexAnswers();
        String w = word();
        String source = Fixtures.createSource();
        String speaker = Fixtures.createSpeaker("Filter Witness " + w);
        String tagged = Fixtures.createQuote(source, speaker, "Every " + w + " counts in the budget.", "budget-" + w);
        String other = Fixtures.asEditor().contentType(ContentType.JSON).body(Map.of("text", "No " + w + " was wasted.",
                        "type", "indirect", "sourceId", source, "status", "verified", "quotedOn", "2019-06-01"))
                .when().post("/api/v1/quotes").then().statusCode(201).extract().path("id");
        assertEquals(Set.of(tagged, other), new HashSet<>(search(w, Map.of())));
        assertEquals(List.of(tagged), search(w, Map.of("speaker", speaker)));
        assertEquals(List.of(tagged), search(w, Map.of("tag", "budget-" + w)));
        assertEquals(List.of(other), search(w, Map.of("type", "indirect")));
        assertEquals(List.of(other), search(w, Map.of("status", "verified")));
        assertEquals(List.of(other), search(w, Map.of("from", "2019-01-01", "to", "2019-12-31")));
        assertEquals(List.of(tagged), search(w, Map.of("from", "2024-01-01")));
        assertEquals(List.of(), search(w, Map.of("speaker", "nobody-" + w)));
        int total = given().queryParam("q", w).queryParam("includeTotal", true).when().get("/api/v1/quotes")
                .then().statusCode(200).extract().path("total");
        assertEquals(2, total);
        assertTrue(IndexAwait.theIndexAnswers(), "the index answered");
    }

    @Test
    void searchesAreAnsweredRightWhileTheIndexIsRebuilt() throws SQLException {
        IndexAwait.untilTheIndexAnswers();
        String w = word();
        String id = Fixtures.createQuote(Fixtures.createSource(), null, "A " + w + " appears in this quote only.");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into search_change (quote_id) values (null)"); // what the rebuild command asks
        }
        // whichever engine answers at each moment (PostgreSQL while the index rebuilds), the answer is the same
        long until = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < until) {
            assertEquals(List.of(id), search(w, Map.of()));
            given().queryParam("q", w + " \"unbalanced -(").when().get("/api/v1/quotes").then().statusCode(200);
        }
        IndexAwait.untilTheIndexAnswers();
        assertEquals(List.of(id), search(w, Map.of()));
        assertTrue(IndexAwait.theIndexAnswers(), "the index answers again after its rebuild");
    }

    /**
     * The change log out of reach for a while (as when no pooled connection is free under load) stops the index; once
     * the log answers again the index catches up from where it stopped, without reading every quote again.
     */
    @Test
    void anIndexThatCouldNotCatchUpResumesWithoutARebuild() throws Exception {
        IndexAwait.untilTheIndexAnswers();
        long rebuilds = index.rebuildsStarted();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("alter table search_change rename to search_change_away");
            try {
                Await.until(() -> index.status().state() == QuoteIndex.State.FAILED, Duration.ofSeconds(10));
                assertEquals(QuoteIndex.State.FAILED, index.status().state(), "the index's state while its log is away");
            } finally {
                statement.execute("alter table search_change_away rename to search_change");
            }
        }
        Await.until(() -> index.status().state() == QuoteIndex.State.CURRENT, Duration.ofSeconds(30));
        assertEquals(QuoteIndex.State.CURRENT, index.status().state(), "the index's state once its log is back");
        assertEquals(rebuilds, index.rebuildsStarted(), "rebuilds started");
        String w = word();
        String id = Fixtures.createQuote(Fixtures.createSource(), null, "A " + w + " written after the index resumed.");
        assertEquals(List.of(id), search(w, Map.of()));
        assertTrue(IndexAwait.theIndexAnswers(), "the index answers again");
    }

    /**
     * Reads can keep every connection of the requests' pool busy for as long as a load lasts; the index keeps up
     * meanwhile on connections of its own. Here the test holds every pooled connection while a quote is deleted:
     * with the requests' pool, the index's catch-up waited out the pool's timeout and failed.
     */
    @Test
    void theIndexCatchesUpWhileTheRequestsHoldEveryPooledConnection() throws Exception {
        IndexAwait.untilTheIndexAnswers();
        String w = word();
        String id = Fixtures.createQuote(Fixtures.createSource(), null, "A " + w + " said before the pool was full.");
        assertEquals(List.of(id), search(w, Map.of()));
        try (HeldConnections held = new HeldConnections(database)) {
            Connection writer = held.first();
            writer.setAutoCommit(false);
            long deletedIn;
            try (PreparedStatement delete = writer.prepareStatement("delete from quote where id = ?::uuid");
                    Statement statement = writer.createStatement()) {
                delete.setString(1, id);
                assertEquals(1, delete.executeUpdate());
                try (var row = statement.executeQuery("select pg_current_xact_id()::text")) {
                    row.next();
                    deletedIn = Long.parseLong(row.getString(1));
                }
            }
            writer.commit();
            writer.setAutoCommit(true);
            Await.until(() -> index.status().watermark() > deletedIn, Duration.ofSeconds(10));
            assertEquals(QuoteIndex.State.CURRENT, index.status().state(), "the index's state while the requests' pool is full");
            assertTrue(index.status().watermark() > deletedIn, "the index has applied the delete");
        }
        assertEquals(List.of(), search(w, Map.of()));
    }

    @Test
    void aRebuiltIndexEndsInOneSegmentAndStillFindsWhatItHeld() throws Exception {
        IndexAwait.untilTheIndexAnswers();
        String w = word();
        String id = Fixtures.createQuote(Fixtures.createSource(), null, "The first quote about " + w + ".");
        // more quotes than a rebuild hands one indexing thread at a time, so that with the tests' small write buffer
        // the rebuild writes several segments
        try (Connection connection = database.getConnection();
                PreparedStatement copies = connection.prepareStatement("""
                        insert into quote (id, text, type, source_id, created_at, updated_at)
                        select gen_random_uuid(), 'Copy ' || g || ' about ' || ? || '.', 'direct', source_id, now(), now()
                        from quote, generate_series(1, 1200) g where id = ?::uuid""");
                Statement statement = connection.createStatement()) {
            copies.setString(1, w);
            copies.setString(2, id);
            copies.executeUpdate();
            statement.execute("insert into search_change (quote_id) values (null)");
        }
        try {
            Thread.sleep(1_000); // the request is seen at the index's next poll
            IndexAwait.untilTheIndexAnswers();
            Await.until(() -> index.segments() <= 1, Duration.ofSeconds(20));
            assertEquals(1, index.segments(), "segments after the rebuild's merge");
            List<String> found = given().queryParam("q", w).queryParam("limit", 100).when().get("/api/v1/quotes")
                    .then().statusCode(200).extract().jsonPath().getList("items.text", String.class);
            assertEquals(100, found.size());
            assertTrue(found.stream().allMatch(text -> text.contains(w)), "every hit holds the word");
        } finally {
            try (Connection connection = database.getConnection();
                    PreparedStatement delete = connection.prepareStatement("delete from quote where text like 'Copy % about ' || ? || '.'")) {
                delete.setString(1, w);
                delete.executeUpdate();
            }
        }
    }
}
