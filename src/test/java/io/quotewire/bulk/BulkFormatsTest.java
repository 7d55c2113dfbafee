package io.quotewire.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The formats' readers on the sample files, without a database. */
class BulkFormatsTest {

    static List<String> lines(String name) throws IOException {
        try (InputStream in = BulkFormatsTest.class.getResourceAsStream("/imports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void quotebankQuoteLineMapsEveryField() throws Exception {
        Rows.Parsed parsed = new QuotebankQuotes().parse(lines("quotebank-quotes.json").get(0), 1);
        Rows.QuoteRow quote = parsed.quotes().get(0);
        assertEquals("The harbour will reopen when the divers say it is safe.", quote.text());
        assertEquals(0.8712, quote.confidence(), 1e-9);
        assertEquals("2020-01-28-000082", quote.externalIds().get("quotebank"));
        assertEquals(2, quote.appearances().size());
        assertEquals("Marta Ruiz", parsed.speakers().get(0).name());
        assertEquals("Q98765401", parsed.speakers().get(0).wikidataId());
        assertEquals(List.of("harbour-gazette.example", "coastal-news.example"), parsed.sources().stream().map(Rows.SourceRow::publisher).toList());
        // the same line again: the same ids
        assertEquals(quote.id(), new QuotebankQuotes().parse(lines("quotebank-quotes.json").get(0), 9).quotes().get(0).id());
    }

    @Test
    void quotebankNoneIsNoSpeakerAndSeveralQidsNameNoOne() throws Exception {
        Rows.Parsed none = new QuotebankQuotes().parse(lines("quotebank-quotes.json").get(1), 2);
        assertTrue(none.speakers().isEmpty());
        assertNull(none.quotes().get(0).speakerId());
        assertNull(none.quotes().get(0).confidence());
        Rows.Parsed ambiguous = new QuotebankQuotes().parse(lines("quotebank-quotes.json").get(2), 3);
        assertNull(ambiguous.speakers().get(0).wikidataId());
    }

    @Test
    void articleTokenOffsetsBecomeCodePointOffsets() throws Exception {
        for (String line : lines("quotebank-articles.json")) {
            Rows.Parsed parsed = new QuotebankArticles().parse(line, 1);
            String text = parsed.sources().get(0).text();
            for (Rows.QuoteRow quote : parsed.quotes()) {
                int from = text.offsetByCodePoints(0, quote.start());
                int to = text.offsetByCodePoints(0, quote.end());
                assertEquals(quote.text(), text.substring(from, to));
            }
        }
    }

    @Test
    void articleOffsetsThatMissTheQuoteAreRefused() throws Exception {
        BadRecord refused = assertThrows(BadRecord.class, () -> new QuotebankArticles().parse(lines("quotebank-articles-bad-offsets.json").get(1), 2));
        assertTrue(refused.getMessage().contains("quotationOffset 0 selects"), refused.getMessage());
    }

    @Test
    void gdeltSpeakerComesFromTheExtractorOrIsNull() throws Exception {
        Rows.Parsed parsed = new GdeltQuotations().parse(lines("gdelt-quotations.json").get(0), 1);
        assertEquals("Ines Kovac", parsed.speakers().get(0).name());
        assertNotNull(parsed.quotes().get(0).attributionRule());
        assertNull(parsed.quotes().get(1).speakerId());
        Rows.Parsed after = new GdeltQuotations().parse(lines("gdelt-quotations.json").get(1), 2);
        assertEquals("Tomas Berg", after.speakers().get(0).name());
    }

    @Test
    void aTooLongLineIsReportedAndTheNextOneRead() throws Exception {
        byte[] input = ("{\"a\":1}\n" + "x".repeat(100) + "\n{\"b\":2}\r\n").getBytes(StandardCharsets.UTF_8);
        BoundedLines lines = new BoundedLines(new ByteArrayInputStream(input), 50);
        assertEquals("{\"a\":1}", lines.next().text());
        BoundedLines.Line tooLong = lines.next();
        assertEquals(2, tooLong.number());
        assertTrue(tooLong.problem().contains("longer than 50 bytes"));
        assertEquals("{\"b\":2}", lines.next().text());
        assertNull(lines.next());
    }

    @Test
    void gzipAndBzip2AreReadByTheirFirstBytes(@TempDir Path dir) throws Exception {
        List<String> expected = lines("quotebank-quotes.json");
        for (String name : List.of("quotebank-quotes-gzip.json.gz", "quotebank-quotes.json.bz2")) {
            Path file = dir.resolve("upload");
            try (InputStream in = BulkFormatsTest.class.getResourceAsStream("/imports/" + name)) {
                Files.write(file, in.readAllBytes());
            }
            List<String> read = new ArrayList<>();
            try (RecordReader reader = RecordReader.open(file, ImportFormat.QUOTEBANK, 1 << 20)) {
                reader.checkFormat();
                RecordReader.Item item;
                while ((item = reader.next()) != null) {
                    read.add(item.rows().quotes().get(0).text());
                }
            }
            assertEquals(expected.size(), read.size(), name);
        }
    }

    @Test
    void csvRowsSpanningLinesAreOneQuote(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("quotes.csv");
        try (InputStream in = BulkFormatsTest.class.getResourceAsStream("/imports/quotes.csv")) {
            Files.write(file, in.readAllBytes());
        }
        try (RecordReader reader = RecordReader.open(file, ImportFormat.CSV, 1 << 20)) {
            reader.checkFormat();
            assertEquals("The bridge will be closed for two weeks, starting Monday.", reader.next().rows().quotes().get(0).text());
            RecordReader.Item second = reader.next();
            assertEquals("Repairs are \"overdue\"\nand necessary.", second.rows().quotes().get(0).text());
            RecordReader.Item third = reader.next();
            assertTrue(third.problem().contains("quotedOn"), third.problem());
            assertEquals(3, third.number());
            assertEquals("indirect", reader.next().rows().quotes().get(0).type());
            assertNull(reader.next());
        }
    }

    @Test
    void ndjsonFirstRecordDecidesTheFormat() {
        assertThrows(BadRecord.class, () -> new QuotewireNdjson().checkFormat("{\"quoteID\":\"x\"}"));
        assertThrows(BadRecord.class, () -> new QuotebankQuotes().checkFormat("{\"record\":\"quote\"}"));
    }

    @Test
    void theHostOfAPlainUrlIsWhatJavaNetUriReads() {
        for (String url : List.of("https://www.harbour-gazette.example/2020/01/28/x", "http://coastal-news.example:8080/a?b#c", "https://A-B.Example.COM",
                "https://news.example/path with space", "https://1.2.3.4/x", "https://example.123/x", "https://-bad-.example/", "https://a--b.example/",
                "https://user@host.example/", "https://xn--bcher-kva.example/", "https://b\u00fccher.example/", "https://host_name.example/x")) {
            String expected;
            try {
                String host = java.net.URI.create(url).getHost();
                expected = host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
            } catch (IllegalArgumentException e) {
                expected = url.equals("https://news.example/path with space") ? "news.example" : null; // java.net.URI refuses the path, the host is plain
            }
            assertEquals(expected, JsonFields.host(url), url);
        }
        long started = System.nanoTime();
        assertNull(JsonFields.host("https://" + "a-".repeat(990) + "!"));
        assertTrue(System.nanoTime() - started < 1_000_000_000L, "no backtracking blow-up");
    }

    @Test
    void quotebankAndGdeltDatesAreReadAsUtcAndAnImpossibleOneIsRefused() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String[] c : List.of(new String[] {"2020-01-28 08:04:05", "2020-01-28T08:04:05Z"}, new String[] {"2020-01-28T08:04:05", "2020-01-28T08:04:05Z"},
                new String[] {"20200128080405", "2020-01-28T08:04:05Z"}, new String[] {"2020-01-28", "2020-01-28T00:00:00Z"},
                new String[] {"2020-01-28T08:04:05.5Z", "2020-01-28T08:04:05.500Z"})) {
            assertEquals(java.time.Instant.parse(c[1]), JsonFields.looseInstant(json.readTree("{\"date\":\"" + c[0] + "\"}"), "date"), c[0]);
        }
        for (String bad : List.of("2020-13-28 08:04:05", "2020-02-30 08:04:05", "2020-01-28 25:00:00", "0999-01-01 00:00:00", "yesterday")) {
            BadRecord refused = assertThrows(BadRecord.class, () -> JsonFields.looseInstant(json.readTree("{\"date\":\"" + bad + "\"}"), "date"), bad);
            assertTrue(refused.getMessage().startsWith("date "), refused.getMessage());
        }
    }
}
