package io.quotewire.bulk;

import static io.quotewire.Fixtures.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Await;
import io.quotewire.Fixtures;
import io.quotewire.HeldConnections;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Imports over HTTP, each sample format, and what the database holds after. */
@QuarkusTest
class BulkImportTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Exporter exporter;

    /** The states of a job that has not ended. */
    private static final List<String> UNFINISHED = List.of("queued", "running");

    static byte[] sample(String name) throws IOException {
        try (InputStream in = BulkImportTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Posts the file and waits for its job to end; the finished job. */
    static JsonPath importAndWait(String format, byte[] body) throws InterruptedException {
        return importAndWait(RestAssured.port, format, body, Duration.ofSeconds(60));
    }

    /** Posts the file to the service on {@code port} and waits up to {@code within} for its job to end; the finished job. */
    static JsonPath importAndWait(int port, String format, byte[] body, Duration within) throws InterruptedException {
        String id = asEditor().port(port).contentType("application/octet-stream").body(body)
                .post("/api/v1/imports?format=" + format)
                .then().statusCode(202).header("Location", containsString("/api/v1/imports/")).body("state", equalTo("queued"))
                .extract().path("id");
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath job = given().port(port).get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
            if (!UNFINISHED.contains(job.getString("state"))) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("import " + id + " did not finish within " + within);
    }

    long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void quotebankQuotesBecomeOneQuoteWithAnAppearancePerUrl() throws Exception {
        JsonPath job = importAndWait("quotebank", sample("quotebank-quotes.json"));
        assertEquals("succeeded", job.getString("state"));
        assertEquals(4, job.getLong("counts.records"));
        assertEquals("merge", job.getString("mode"), "the test database holds the seed: an import merges into it");
        String quoteId = given().queryParam("q", "divers reopen").get("/api/v1/quotes").then().statusCode(200).extract().path("items[0].id");
        JsonPath quote = given().get("/api/v1/quotes/" + quoteId).then().statusCode(200).extract().jsonPath();
        assertEquals("The harbour will reopen when the divers say it is safe.", quote.getString("text"));
        assertEquals("Marta Ruiz", quote.getString("speaker.name"));
        assertEquals(2, quote.getInt("appearanceCount"));
        assertEquals(0.8712, quote.getDouble("confidence"), 1e-4);
        assertEquals("2020-01-28-000082", quote.getString("externalIds.quotebank"));
        assertEquals("2020-01-28", quote.getString("quotedOn"));
        assertEquals("https://harbour-gazette.example/2020/01/28/reopening", quote.getString("source.url"));
        List<String> urls = given().get("/api/v1/quotes/" + quoteId + "/appearances").then().statusCode(200).extract().path("items.source.url");
        assertEquals(List.of("https://harbour-gazette.example/2020/01/28/reopening", "https://coastal-news.example/story/4411").stream().sorted().toList(),
                urls.stream().sorted().toList());
        String speakerId = quote.getString("speaker.id");
        assertEquals("Q98765401", given().get("/api/v1/speakers/" + speakerId).then().statusCode(200).extract().path("wikidataId"));
        // "None" is no speaker; several qids name no one in particular
        JsonPath storm = given().queryParam("q", "storm never").get("/api/v1/quotes").then().extract().jsonPath();
        assertNull(storm.get("items[0].speaker"));
        String tomas = given().queryParam("q", "winter timetable").get("/api/v1/quotes").then().extract().path("items[0].speaker.id");
        assertNull(given().get("/api/v1/speakers/" + tomas).then().extract().path("wikidataId"));
    }

    @Test
    void aQueuedImportRunsWhileTheRequestsHoldEveryPooledConnection() throws Exception {
        Path file = Files.createTempFile("queued-under-load-", ".json");
        Files.write(file, sample("quotebank-quotes.json"));
        UUID id = ImportJobs.timeOrderedId();
        try (HeldConnections held = new HeldConnections(dataSource)) {
            Connection connection = held.first();
            // queued as POST /api/v1/imports queues a job; the worker's next tick (every 2 s) finds it
            try (PreparedStatement queue = connection.prepareStatement("insert into import_job (id, format, state, file_path, file_bytes) "
                    + "values (?, 'quotebank', 'queued', ?, ?)")) {
                queue.setObject(1, id);
                queue.setString(2, file.toAbsolutePath().toString());
                queue.setLong(3, Files.size(file));
                queue.executeUpdate();
            }
            Await.until(() -> !UNFINISHED.contains(state(connection, id)), Duration.ofSeconds(20));
            assertEquals("succeeded", state(connection, id), "the job's state while the requests' pool is full");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String state(Connection connection, UUID job) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select state from import_job where id = ?")) {
            query.setObject(1, job);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    @Test
    void reimportingTheSameFileCreatesNothingNew() throws Exception {
        byte[] file = sample("quotebank-quotes.json");
        importAndWait("quotebank", file);
        long quotes = count("select count(*) from quote");
        long appearances = count("select count(*) from quote_appearance");
        long speakers = count("select count(*) from speaker");
        long sources = count("select count(*) from source");
        JsonPath again = importAndWait("quotebank", file);
        assertEquals(0, again.getLong("counts.quotesCreated"));
        assertEquals(4, again.getLong("counts.quotesMerged"));
        assertEquals(0, again.getLong("counts.appearancesAdded"));
        assertEquals(quotes, count("select count(*) from quote"));
        assertEquals(appearances, count("select count(*) from quote_appearance"));
        assertEquals(speakers, count("select count(*) from speaker"));
        assertEquals(sources, count("select count(*) from source"));
        // compressed copies of the same file are the same import
        assertEquals(0, importAndWait("quotebank", sample("quotebank-quotes-gzip.json.gz")).getLong("counts.quotesCreated"));
        assertEquals(0, importAndWait("quotebank", sample("quotebank-quotes.json.bz2")).getLong("counts.quotesCreated"));
        assertEquals(quotes, count("select count(*) from quote"));
    }

    @Test
    void aMalformedLineIsReportedWithItsNumberAndTheRestImported() throws Exception {
        JsonPath job = importAndWait("quotebank", sample("quotebank-quotes-malformed.json"));
        assertEquals("succeeded", job.getString("state"));
        assertEquals(5, job.getLong("counts.records"));
        assertEquals(2, job.getLong("counts.skipped"));
        List<Map<String, Object>> errors = job.getList("errors");
        assertEquals(2, ((Number) errors.get(0).get("line")).intValue());
        assertTrue(((String) errors.get(0).get("reason")).startsWith("not valid JSON"), errors.toString());
        assertEquals(4, ((Number) errors.get(1).get("line")).intValue());
        assertTrue(((String) errors.get(1).get("reason")).contains("urls"), errors.toString());
        assertEquals(0, count("select count(*) from quote where external_ids->>'quotebank' in ('2020-02-01-000001', '2020-02-01-000002')"));
        assertEquals(1, count("select count(*) from quote where external_ids->>'quotebank' = '2020-01-30-000051'"));
    }

    @Test
    void aFileNotOfTheDeclaredFormatIsRefusedBeforeAnythingIsWritten() throws Exception {
        long jobs = count("select count(*) from import_job");
        asEditor().contentType("application/octet-stream").body(sample("gdelt-quotations.json"))
                .post("/api/v1/imports?format=quotebank")
                .then().statusCode(400).body("errors[0].field", equalTo("body")).body("errors[0].message", containsString("quoteID"));
        asEditor().contentType("application/octet-stream").body("this is not JSON\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/imports?format=ndjson").then().statusCode(400);
        asEditor().contentType("application/octet-stream").body(sample("quotes.csv"))
                .post("/api/v1/imports?format=gdelt").then().statusCode(400);
        asEditor().contentType("application/octet-stream").body(sample("quotes.csv"))
                .post("/api/v1/imports?format=yaml").then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().contentType("application/octet-stream").body(sample("quotes.csv"))
                .post("/api/v1/imports?format=csv").then().statusCode(401);
        assertEquals(jobs, count("select count(*) from import_job"));
    }

    @Test
    void articleOffsetsBecomeCharacterOffsetsThatSelectTheQuote() throws Exception {
        JsonPath job = importAndWait("quotebank-articles", sample("quotebank-articles.json"));
        assertEquals(0, job.getLong("counts.skipped"), job.prettify());
        String id = given().queryParam("q", "dredge channel").get("/api/v1/quotes").then().extract().path("items[0].id");
        JsonPath quote = given().get("/api/v1/quotes/" + id).then().statusCode(200).extract().jsonPath();
        String sourceText = given().get("/api/v1/sources/" + quote.getString("source.id")).then().extract().path("text");
        assertEquals("we will dredge the channel before the summer .", quote.getString("text"));
        assertEquals(quote.getString("text"), sourceText.substring(quote.getInt("start"), quote.getInt("end")));
        String ferry = given().queryParam("q", "\"winter timetable\"").get("/api/v1/quotes").then().extract().path("items[0].id");
        assertNotNull(ferry);
    }

    @Test
    void aLineWhoseOffsetsMissItsQuoteIsRefusedWithTheReason() throws Exception {
        JsonPath job = importAndWait("quotebank-articles", sample("quotebank-articles-bad-offsets.json"));
        assertEquals(1, job.getLong("counts.skipped"));
        assertEquals(2, job.getInt("errors[0].line"));
        assertTrue(job.getString("errors[0].reason").contains("quotationOffset 0 selects"), job.getString("errors[0].reason"));
        assertEquals(0, count("select count(*) from source where url = 'https://harbour-gazette.example/2020/02/02/miss'"));
    }

    @Test
    void gdeltQuotesGetTheirSpeakerFromOurExtractor() throws Exception {
        JsonPath job = importAndWait("gdelt", sample("gdelt-quotations.json"));
        assertEquals("succeeded", job.getString("state"));
        assertEquals(0, job.getLong("counts.skipped"), job.prettify());
        JsonPath strike = given().queryParam("q", "strike ferries tomorrow").get("/api/v1/quotes").then().extract().jsonPath();
        assertEquals("Ines Kovac", strike.getString("items[0].speaker.name"));
        assertNotNull(strike.getString("items[0].attributionRule"));
        assertTrue(strike.getDouble("items[0].confidence") > 0);
        JsonPath poster = given().queryParam("q", "\"safe crossings\"").get("/api/v1/quotes").then().extract().jsonPath();
        assertNull(poster.get("items[0].speaker"));
        assertNull(poster.get("items[0].confidence"));
    }

    @Test
    void csvRowsWithAHeaderAreImported() throws Exception {
        JsonPath job = importAndWait("csv", sample("quotes.csv"));
        assertEquals("succeeded", job.getString("state"));
        assertEquals(1, job.getLong("counts.skipped"), job.prettify());
        assertTrue(job.getString("errors[0].reason").contains("quotedOn"), job.prettify());
        String id = given().queryParam("q", "overdue necessary").get("/api/v1/quotes").then().extract().path("items[0].id");
        JsonPath quote = given().get("/api/v1/quotes/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("Repairs are \"overdue\"\nand necessary.", quote.getString("text"));
        assertEquals("Lena Ortiz", quote.getString("speaker.name"));
    }

    @Test
    void anIngestedArticleThatRepeatsAStoredQuoteAddsAnAppearance() {
        String name = "Quinn " + Fixtures.unique("Harbourside").replaceAll("[^A-Za-z]", "");
        String text = "“The quay will be rebuilt by spring,” said " + name + ".\n";
        String first = asEditor().contentType("application/json")
                .body(Map.of("text", "Repairs begin\n\n" + text, "url", "https://one.example/" + Fixtures.unique("a")))
                .post("/api/v1/articles").then().statusCode(201).extract().path("quoteIds[0]");
        String second = asEditor().contentType("application/json")
                .body(Map.of("text", "Quay works\n\n" + text, "url", "https://two.example/" + Fixtures.unique("b")))
                .post("/api/v1/articles").then().statusCode(201).extract().path("quoteIds[0]");
        assertEquals(first, second);
        given().get("/api/v1/quotes/" + first).then().statusCode(200).body("appearanceCount", equalTo(2));
        given().get("/api/v1/quotes/" + first + "/appearances").then().statusCode(200).body("items.size()", equalTo(2));
    }

    @Test
    void aSourceTextThatWouldMoveAnAppearanceOffItsQuoteIsRefused() {
        String name = "Quinn " + Fixtures.unique("Quayside").replaceAll("[^A-Za-z]", "");
        String text = "“The ferry will sail at dawn,” said " + name + ".\n";
        asEditor().contentType("application/json")
                .body(Map.of("text", "Sailing\n\n" + text, "url", "https://one.example/" + Fixtures.unique("c")))
                .post("/api/v1/articles").then().statusCode(201);
        String url = "https://two.example/" + Fixtures.unique("d");
        String second = asEditor().contentType("application/json").body(Map.of("text", "Dawn sailing\n\n" + text, "url", url))
                .post("/api/v1/articles").then().statusCode(201).extract().path("sourceId");
        JsonPath source = given().get("/api/v1/sources/" + second).then().statusCode(200).extract().jsonPath();
        Map<String, Object> replaced = Map.of("kind", "article", "title", source.getString("title"), "url", url,
                "text", "Dawn sailing, updated\n\n" + text);
        asEditor().contentType("application/json").body(replaced).put("/api/v1/sources/" + second)
                .then().statusCode(409).body("detail", containsString("1 quote"));
        assertEquals(source.getString("text"), given().get("/api/v1/sources/" + second).then().extract().path("text"));
    }

    @Test
    void aSpeakerFirstImportedWithoutWikidataIdGetsTheOneALaterFileGives() throws Exception {
        String name = "Oona " + Fixtures.unique("Wikidata").replaceAll("[^A-Za-z]", "");
        String url = "https://harbour-gazette.example/" + Fixtures.unique("qid");
        String article = "{\"articleID\": \"" + Fixtures.unique("a") + "\", \"url\": \"" + url + "\", \"date\": \"2020-02-03 09:00:00\", "
                + "\"content\": \"The pier opens on Friday , " + name + " said .\", \"quotations\": [{\"quotation\": \"The pier opens on Friday\", "
                + "\"quotationOffset\": 0, \"globalTopSpeaker\": \"" + name + "\", \"globalProbas\": [[\"" + name + "\", \"0.9\"]]}]}\n";
        assertEquals(0, importAndWait("quotebank-articles", article.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getLong("counts.skipped"));
        String quote = "{\"quoteID\": \"" + Fixtures.unique("q") + "\", \"quotation\": \"The pier opens on Friday\", \"speaker\": \"" + name
                + "\", \"qids\": [\"Q98765499\"], \"date\": \"2020-02-03 10:00:00\", \"probas\": [[\"" + name + "\", \"0.8\"]], \"urls\": [\"" + url + "\"]}\n";
        JsonPath job = importAndWait("quotebank", quote.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(0, job.getLong("counts.quotesCreated"), job.prettify());
        assertEquals(1, count("select count(*) from speaker where name = '" + name + "'"));
        assertEquals(1, count("select count(*) from speaker where name = '" + name + "' and wikidata_id = 'Q98765499'"));
    }

    @Test
    void anExportStreamsTheQuotesTheListFiltersSelectWithTheirTagsAndAppearances() throws Exception {
        String speaker = Fixtures.createSpeaker("Exporta " + Fixtures.unique("Ndjson").replaceAll("[^A-Za-z]", ""));
        String other = Fixtures.createSpeaker("Exporta " + Fixtures.unique("Other").replaceAll("[^A-Za-z]", ""));
        String source = Fixtures.createSource();
        String tagged = Fixtures.createQuote(source, speaker, "The first exported words.", "Harbour", "Ferries");
        String plain = Fixtures.createQuote(source, speaker, "The second exported words.");
        Fixtures.createQuote(source, other, "Words nobody exports here.");
        String ndjson = given().queryParam("speaker", speaker).queryParam("format", "ndjson").get("/api/v1/quotes/export")
                .then().statusCode(200).contentType(containsString("application/x-ndjson")).header("Cache-Control", "no-store").extract().asString();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> records = new java.util.ArrayList<>();
        for (String line : ndjson.split("\n")) {
            records.add(json.readTree(line));
        }
        assertEquals(List.of("speaker", "tag", "tag", "source", "quote", "quote"), records.stream().map(r -> r.get("record").asText()).toList());
        assertEquals(speaker, records.get(0).get("slug").asText());
        assertEquals(List.of("ferries", "harbour"), records.subList(1, 3).stream().map(r -> r.get("slug").asText()).sorted().toList());
        assertEquals(source, records.get(3).get("id").asText());
        Map<String, com.fasterxml.jackson.databind.JsonNode> quotes = new java.util.HashMap<>();
        records.subList(4, 6).forEach(q -> quotes.put(q.get("id").asText(), q));
        assertEquals("[\"ferries\",\"harbour\"]", quotes.get(tagged).get("tags").toString());
        assertEquals("[]", quotes.get(plain).get("tags").toString());
        for (String id : List.of(tagged, plain)) {
            assertEquals(1, quotes.get(id).get("appearances").size(), id);
            assertEquals(id, quotes.get(id).get("appearances").get(0).get("id").asText(), "the first appearance has the quote's id");
        }
        assertTrue(records.get(4).get("id").asText().compareTo(records.get(5).get("id").asText()) < 0, "quotes in id order");
        String csv = given().queryParam("speaker", speaker).queryParam("format", "csv").get("/api/v1/quotes/export")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        List<String> rows = csv.lines().toList();
        assertEquals(String.join(",", Exporter.CSV_COLUMNS), rows.get(0));
        assertEquals(3, rows.size(), csv);
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("\"" + tagged + "\",") && r.contains(",ferries|harbour,1,")), csv);
    }

    @Test
    void anExportBeyondTheExportsThatMayRunAtOnceIsRefused503AndItsPlaceComesBackWhenAnExportEnds() throws Exception {
        String speaker = Fixtures.createSpeaker("Exporta " + Fixtures.unique("Busy").replaceAll("[^A-Za-z]", ""));
        Fixtures.createQuote(Fixtures.createSource(), speaker, "Words exported one at a time.");
        List<Exporter.Slot> taken = new java.util.ArrayList<>();
        try {
            for (var slot = exporter.reserve(); slot.isPresent(); slot = exporter.reserve()) {
                taken.add(slot.get());
            }
            assertEquals(2, taken.size(), "quotewire.export.max-concurrent");
            given().queryParam("speaker", speaker).get("/api/v1/quotes/export")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                    .body("detail", containsString("exports"));
        } finally {
            taken.forEach(Exporter.Slot::close);
        }
        for (int i = 0; i < 3; i++) { // more exports than places, one after another: each gives its place back
            given().queryParam("speaker", speaker).get("/api/v1/quotes/export").then().statusCode(200).body(containsString("one at a time"));
            // the server frees the place after the body's last bytes are written, so the client may read them first
            assertTrue(Await.until(this::bothPlacesFree, Duration.ofSeconds(10)), "both places free after export " + (i + 1));
        }
    }

    private boolean bothPlacesFree() {
        try (Exporter.Slot first = exporter.reserve().orElse(null); Exporter.Slot second = exporter.reserve().orElse(null)) {
            return first != null && second != null;
        }
    }

    @Test
    void anExportWhoseClientLeavesGivesItsPlaceBack() throws Exception {
        for (int i = 0; i < 3; i++) { // more clients than places: each leaves after the status line
            try (java.net.Socket export = new java.net.Socket("localhost", RestAssured.port)) {
                export.setSoTimeout(20_000);
                export.getOutputStream().write("GET /api/v1/quotes/export HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String status = new java.io.BufferedReader(new java.io.InputStreamReader(export.getInputStream(),
                        java.nio.charset.StandardCharsets.US_ASCII)).readLine();
                assertEquals("HTTP/1.1 200 OK", status);
            }
        }
        assertTrue(Await.until(this::bothPlacesFree, Duration.ofSeconds(10)), "both places free again once the clients are gone");
    }

    @Test
    void anAbandonedPlaceIsFreedUnlessItsExportStartedWhichFreesItWhenItEnds() {
        Exporter.Slot started = exporter.reserve().orElseThrow();
        Exporter.Slot abandoned = exporter.reserve().orElseThrow();
        try {
            assertTrue(started.start());
            started.abandon(); // the exchange ended while the export runs: the place stays the export's
            abandoned.abandon(); // the exchange ended before its export started: the place is freed
            assertFalse(abandoned.start(), "an abandoned place cannot be started");
            Exporter.Slot freed = exporter.reserve().orElseThrow(() -> new AssertionError("the abandoned place is free"));
            try {
                assertTrue(exporter.reserve().isEmpty(), "the started export still holds its place");
            } finally {
                freed.close();
            }
        } finally {
            started.close();
            abandoned.close();
        }
        // both places free once the export ended, and no more: closing the abandoned place did not free it twice
        try (Exporter.Slot first = exporter.reserve().orElseThrow(); Exporter.Slot second = exporter.reserve().orElseThrow()) {
            assertTrue(exporter.reserve().isEmpty(), "quotewire.export.max-concurrent places, not more");
        }
    }

    @Test
    void anExportRunsWhileTheRequestsHoldEveryPooledConnection() throws Exception {
        String speaker = Fixtures.createSpeaker("Exporta " + Fixtures.unique("Pool").replaceAll("[^A-Za-z]", ""));
        Fixtures.createQuote(Fixtures.createSource(), speaker, "Words exported beside busy reads.");
        try (HeldConnections held = new HeldConnections(dataSource)) {
            given().queryParam("speaker", speaker).queryParam("format", "csv").get("/api/v1/quotes/export")
                    .then().statusCode(200).body(containsString("beside busy reads"));
        }
    }

    @Test
    void anUploadBeyondTheUploadsReceivedAtOnceIsRefused503AndThePlacesComeBackWhenTheirClientsLeave() throws Exception {
        byte[] file = sample("quotebank-quotes.json");
        List<java.net.Socket> uploads = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) { // two uploads whose bodies arrive slowly: their first chunk now, the rest later
                java.net.Socket upload = new java.net.Socket("localhost", RestAssured.port);
                upload.setSoTimeout(20_000);
                uploads.add(upload);
                upload.getOutputStream().write(("POST /api/v1/imports?format=quotebank HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + Fixtures.EDITOR_KEY + "\r\nContent-Type: application/octet-stream\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                // past the REST layer's input buffer (10 KiB), after which the body reaches the resource as it arrives
                chunk(upload, new byte[16 * 1024]);
            }
            // an empty upload is refused 400 once received, and changes nothing: sent until both slow ones hold their places
            assertTrue(Await.until(() -> asEditor().queryParam("format", "quotebank").body(new byte[0]).post("/api/v1/imports").statusCode() == 503,
                    Duration.ofSeconds(10)), "the two slow uploads are being received");
            asEditor().queryParam("format", "quotebank").body(file).post("/api/v1/imports")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                    .body("detail", containsString("imports"));
        } finally {
            for (java.net.Socket upload : uploads) {
                upload.close(); // the client gone mid-body: the upload fails and frees its place
            }
        }
        // both places come back: an empty upload is received again (and refused for being empty)
        assertTrue(Await.until(() -> asEditor().queryParam("format", "quotebank").body(new byte[0]).post("/api/v1/imports").statusCode() == 400,
                Duration.ofSeconds(10)), "the places of the abandoned uploads are free again");
        asEditor().queryParam("format", "quotebank").body(file).post("/api/v1/imports").then().statusCode(202);
    }

    private static void chunk(java.net.Socket upload, byte[] bytes) throws IOException {
        java.io.OutputStream out = upload.getOutputStream();
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.flush();
    }
}
