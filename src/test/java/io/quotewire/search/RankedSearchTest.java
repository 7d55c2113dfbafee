package io.quotewire.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * RankedSearch against Lucene's own field sort by (score, sequence number): the same hits in the same order, over
 * several segments (added in a shuffled order, some updated or deleted) where most documents tie on score.
 */
class RankedSearchTest {

    private static final Sort SCORE_THEN_NEWEST = new Sort(SortField.FIELD_SCORE, new SortField("seq", SortField.Type.LONG, true));
    private static final String[] WORDS = {"budget", "talks", "ceasefire", "people", "government", "border"};

    @Test
    void theTopHitsAreTheFieldSortsTopHitsAcrossSegmentsWithManyTies() throws IOException {
        try (Directory directory = index(new Random(7)); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertTrue(reader.leaves().size() > 3, "several segments");
            IndexSearcher searcher = new IndexSearcher(reader);
            for (String word : WORDS) {
                Query query = WebSearchQuery.parse(word, new QuoteAnalyzer()).query();
                List<RankedSearch.Hit> many = RankedSearch.top(searcher, query, 400, null, null, Set.of());
                assertTrue(many.size() > 50, word + " matches many texts");
                assertTrue(many.stream().map(RankedSearch.Hit::score).distinct().count() < many.size() / 10, "most hits tie");
                for (int n : new int[] {1, 5, 21, 400}) {
                    assertEquals(expected(searcher, query, n), seqs(RankedSearch.top(searcher, query, n, null, null, Set.of())), word + ", first " + n);
                }
            }
        }
    }

    @Test
    void pagingFromTheLastHitGoesOnWithTheNextOneAndNeverRepeatsOrSkips() throws IOException {
        try (Directory directory = index(new Random(11)); DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (String word : WORDS) {
                Query query = WebSearchQuery.parse(word, new QuoteAnalyzer()).query();
                List<Long> all = expected(searcher, query, reader.maxDoc());
                List<Long> paged = new ArrayList<>();
                Float afterScore = null;
                Long afterSeq = null;
                while (true) {
                    List<RankedSearch.Hit> page = RankedSearch.top(searcher, query, 7, afterScore, afterSeq, Set.of());
                    if (page.isEmpty()) {
                        break;
                    }
                    paged.addAll(seqs(page));
                    RankedSearch.Hit last = page.get(page.size() - 1);
                    afterScore = last.score();
                    afterSeq = last.seq();
                }
                assertEquals(all, paged, word);
                assertEquals(paged.size(), new HashSet<>(paged).size(), word + ": no hit twice");
            }
        }
    }

    @Test
    void eachHitCarriesTheSpansTheAnalyzerWouldMarkInItsTextAndNoneForAnEditedText() throws IOException {
        QuoteAnalyzer analyzer = new QuoteAnalyzer();
        try (Directory directory = new ByteBuffersDirectory()) {
            List<String> texts = List.of("Talks on the budget, talks again: \"BUDGET talks\".", "Ça coûte: the café's budget 🙂 talked through.",
                    "No match here.", "talking");
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setIndexSort(RankedSearch.INDEX_SORT))) {
                for (int i = 0; i < texts.size(); i++) {
                    writer.addDocument(document(i, texts.get(i)));
                    writer.commit(); // a segment each: the marks of each hit are read from its own segment
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (String search : List.of("talks", "budget talk", "budget -café", "\"the budget\"")) {
                    WebSearchQuery parsed = WebSearchQuery.parse(search, analyzer);
                    List<RankedSearch.Hit> hits = RankedSearch.top(new IndexSearcher(reader), parsed.query(), 10, null, null, parsed.matchedTerms());
                    assertTrue(!hits.isEmpty(), search);
                    for (RankedSearch.Hit hit : hits) {
                        String text = texts.get((int) hit.seq());
                        assertEquals(render(parsed.highlights(text, analyzer)), render(hit.marks().in(text)), search + " in " + text);
                        assertNull(hit.marks().in(text.replace('t', 'T')), "marks of another version of " + text);
                    }
                }
            }
        }
    }

    /**
     * A filter is read from its postings when it is the narrower part of a search and checked per candidate in the doc
     * values when the words are (Lucene picks per segment): both ways give the hits a plain filter gives.
     */
    @Test
    void filtersFindTheSameHitsWhetherWalkedOrCheckedPerCandidate() throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            IndexWriterConfig settings = new IndexWriterConfig(new QuoteAnalyzer()).setIndexSort(RankedSearch.INDEX_SORT).setMaxBufferedDocs(97);
            Random random = new Random(13);
            try (IndexWriter writer = new IndexWriter(directory, settings)) {
                for (long seq = 1; seq <= 600; seq++) {
                    Document doc = document(seq, text(random) + (seq % 40 == 0 ? "zebra" : ""));
                    QuoteIndex.keyword(doc, "type", seq % 2 == 0 ? "direct" : "indirect"); // half of them
                    QuoteIndex.keyword(doc, "status", seq % 50 == 0 ? "disputed" : "unverified"); // a few
                    doc.add(new IntField("quotedOn", (int) seq, Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (String word : List.of("budget", "zebra")) { // about 300 matches, and 15
                    Query words = WebSearchQuery.parse(word, new QuoteAnalyzer()).query();
                    assertFilterAgrees(searcher, words, filters(word, "direct", null, null, null),
                            new TermQuery(new Term("type", "direct")));
                    assertFilterAgrees(searcher, words, filters(word, null, "disputed", null, null),
                            new TermQuery(new Term("status", "disputed")));
                    assertFilterAgrees(searcher, words, filters(word, null, null, 10, 500), IntPoint.newRangeQuery("quotedOn", 10, 500));
                    assertFilterAgrees(searcher, words, filters(word, null, null, 200, 240), IntPoint.newRangeQuery("quotedOn", 200, 240));
                }
            }
        }
    }

    private static SearchFilters filters(String q, String type, String status, Integer fromDay, Integer toDay) {
        return new SearchFilters(q, null, null, List.of(), type, status, fromDay == null ? null : java.time.LocalDate.ofEpochDay(fromDay),
                toDay == null ? null : java.time.LocalDate.ofEpochDay(toDay), null, null, null);
    }

    private static void assertFilterAgrees(IndexSearcher searcher, Query words, SearchFilters filters, Query plainFilter) throws IOException {
        Query plain = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST).add(plainFilter, BooleanClause.Occur.FILTER).build();
        List<Long> expected = expected(searcher, plain, 600);
        assertTrue(!expected.isEmpty(), filters.toString());
        assertEquals(expected, seqs(RankedSearch.top(searcher, QuoteIndex.queryOf(words, filters), 600, null, null, Set.of())), filters.toString());
    }

    private static List<String> render(List<int[]> spans) {
        return spans.stream().map(span -> span[0] + "-" + span[1]).toList();
    }

    @Test
    void firstOlderFindsTheBoundaryInASegmentSortedNewestFirst() throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new QuoteAnalyzer()).setIndexSort(RankedSearch.INDEX_SORT))) {
                for (long seq : new long[] {3, 9, 5, 1, 7}) {
                    writer.addDocument(document(seq, "budget"));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                var segment = reader.leaves().get(0).reader(); // documents 0..4 hold 9, 7, 5, 3, 1
                assertEquals(0, RankedSearch.firstOlder(segment, 10));
                assertEquals(1, RankedSearch.firstOlder(segment, 9));
                assertEquals(2, RankedSearch.firstOlder(segment, 6));
                assertEquals(3, RankedSearch.firstOlder(segment, 5));
                assertEquals(5, RankedSearch.firstOlder(segment, 1));
            }
        }
    }

    /** 600 short texts of a few words (so scores tie often), flushed into several segments, some replaced or deleted. */
    private static Directory index(Random random) throws IOException {
        Directory directory = new ByteBuffersDirectory();
        IndexWriterConfig settings = new IndexWriterConfig(new QuoteAnalyzer())
                .setIndexSort(RankedSearch.INDEX_SORT)
                .setMaxBufferedDocs(97);
        List<Long> seqs = new ArrayList<>();
        for (long seq = 1; seq <= 600; seq++) {
            seqs.add(seq);
        }
        Collections.shuffle(seqs, random);
        try (IndexWriter writer = new IndexWriter(directory, settings)) {
            for (long seq : seqs) {
                writer.addDocument(document(seq, text(random)));
            }
            Set<Long> touched = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                long seq = 1 + random.nextInt(600);
                if (touched.add(seq)) {
                    if (i % 3 == 0) {
                        writer.deleteDocuments(new Term("id", Long.toString(seq)));
                    } else {
                        writer.updateDocument(new Term("id", Long.toString(seq)), document(seq, text(random)));
                    }
                }
            }
        }
        return directory;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int words = 2 + random.nextInt(3);
        for (int i = 0; i < words; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return text.toString();
    }

    private static Document document(long seq, String text) {
        Document doc = new Document();
        doc.add(new StringField("id", Long.toString(seq), Field.Store.NO));
        doc.add(new NumericDocValuesField("seq", seq));
        doc.add(new NumericDocValuesField("idHigh", 0));
        doc.add(new NumericDocValuesField("idLow", seq));
        doc.add(new Field(WebSearchQuery.FIELD, text, QuoteIndex.TEXT));
        doc.add(new NumericDocValuesField("textHash", text.hashCode()));
        return doc;
    }

    /** Lucene's own answer: every match sorted by score, then sequence number, newest first. */
    private static List<Long> expected(IndexSearcher searcher, Query query, int n) throws IOException {
        List<Long> seqs = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query, n, SCORE_THEN_NEWEST, true).scoreDocs) {
            seqs.add((Long) ((FieldDoc) hit).fields[1]);
        }
        return seqs;
    }

    /** The sequence numbers of {@code hits}, each checked against the id the document was given with it. */
    private static List<Long> seqs(List<RankedSearch.Hit> hits) {
        hits.forEach(hit -> assertEquals(hit.seq(), hit.id().getLeastSignificantBits(), "the id read with the hit is its own"));
        return hits.stream().map(RankedSearch.Hit::seq).toList();
    }
}
