package io.quotewire.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The filter cache over an index of 60,000 documents (one segment, above the size it caches) where a rare word leads
 * and a tag or a year narrows: the case Lucene's default cache leaves uncached.
 */
class FilterCacheTest {

    private static final int DOCS = 60_000;
    private static final String[] TAGS = {"budget", "energy", "health", "border", "trade"};

    @Test
    void aFilterAskedAgainIsKeptAndAnswersAsTheIndexDoes() throws IOException {
        try (Directory directory = index(); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals(1, reader.leaves().size(), "one segment");
            FilterCache cache = new FilterCache(8L << 20);
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            cache.bindTo(metrics);
            IndexSearcher cached = cache.searcher(reader);
            IndexSearcher uncached = new FilterCache(0).searcher(reader);
            for (SearchFilters filters : List.of(
                    filters("ceasefire", List.of(List.of("energy")), null, null),
                    filters("ceasefire", List.of(), LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)),
                    filters("ceasefire talks", List.of(List.of("border", "trade")), LocalDate.of(2020, 3, 1), null))) {
                Query query = QuoteIndex.queryOf(WebSearchQuery.parse(filters.query(), new QuoteAnalyzer()).query(), filters);
                List<Long> expected = seqs(RankedSearch.top(uncached, query, 21, null, null, Set.of()));
                assertTrue(expected.size() > 5, filters + " finds some");
                for (int i = 0; i < 10; i++) {
                    assertEquals(expected, seqs(RankedSearch.top(cached, query, 21, null, null, Set.of())), filters + ", search " + (i + 1));
                }
            }
            double hits = metrics.get("cache.gets").tag("cache", "search-filters").tag("result", "hit").functionCounter().count();
            assertTrue(hits >= 10, "the filters asked again were read from the cache: " + hits + " hits");
            assertTrue(metrics.get("cache.size.bytes").tag("cache", "search-filters").gauge().value() > 0, "bytes held");
        }
    }

    @Test
    void theCacheTakesAtMostATenthOfTheHeap() {
        assertEquals(32L << 20, FilterCache.bytesFor(32, 1L << 30));
        assertEquals(12_800_000L, FilterCache.bytesFor(32, 128_000_000L));
        assertEquals(0, FilterCache.bytesFor(0, 1L << 30));
    }

    private static SearchFilters filters(String q, List<List<String>> tags, LocalDate from, LocalDate to) {
        return new SearchFilters(q, null, null, tags, null, null, from, to, null, null, null);
    }

    private static List<Long> seqs(List<RankedSearch.Hit> hits) {
        return hits.stream().map(RankedSearch.Hit::seq).toList();
    }

    /** Mostly common words; "ceasefire" in one document of 400; a tag and a day in 2011-2025 for each. */
    private static Directory index() throws IOException {
        Directory directory = new ByteBuffersDirectory();
        Random random = new Random(5);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new QuoteAnalyzer()).setIndexSort(RankedSearch.INDEX_SORT))) {
            for (long seq = 1; seq <= DOCS; seq++) {
                Document doc = new Document();
                String text = (random.nextInt(400) == 0 ? "ceasefire " : "") + (random.nextBoolean() ? "talks " : "")
                        + "the people said the government would answer " + random.nextInt(1000);
                doc.add(new NumericDocValuesField("seq", seq));
                doc.add(new NumericDocValuesField("idHigh", seq));
                doc.add(new NumericDocValuesField("idLow", seq));
                doc.add(new NumericDocValuesField("textHash", text.hashCode()));
                doc.add(new Field(WebSearchQuery.FIELD, text, QuoteIndex.TEXT));
                QuoteIndex.keyword(doc, "tag", TAGS[random.nextInt(TAGS.length)]);
                doc.add(new IntField("quotedOn", (int) LocalDate.of(2011, 1, 1).plusDays(random.nextInt(15 * 365)).toEpochDay(), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        }
        return directory;
    }
}
