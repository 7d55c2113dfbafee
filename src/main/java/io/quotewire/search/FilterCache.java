package io.quotewire.search;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.UsageTrackingQueryCachingPolicy;

/**
 * The documents of the filters that searches ask again and again (a tag, a year, a status, a type), kept per segment
 * as bit sets, so that each candidate of a search is checked with one bit instead of a doc-values read.
 *
 * <p>Lucene's own default cache leaves a filter uncached while its estimated size is more than ten times that of the
 * words the search leads with, which is nearly always so for a word and a broad filter: on the 5 M-quote benchmark
 * index it kept neither a tag nor a year asked hundreds of times, and every filtered search read the doc values of
 * each candidate of its words, a cost that grows with the index (a word in 14,000 quotes with a tag: 1.5 ms a
 * search, 0.6 ms with the tag's bit set). Here a filter is kept once Lucene's usage-tracking policy has seen it asked
 * a few times among the last searches, whatever the words; filling it walks its postings or points once. Segments
 * under 10,000 documents (the newest writes, replaced at the next merge) are not cached.
 */
final class FilterCache {

    /** At most this many filters are kept, whatever their size. */
    private static final int MAX_FILTERS = 1_000;

    /** Segments smaller than this are read directly: cheap to walk, and replaced at the next merge. */
    private static final int MIN_SEGMENT_DOCS = 10_000;

    /** Null when no bytes are allowed: searchers then read every filter directly. */
    private final LRUQueryCache cache;
    private final QueryCachingPolicy policy = new UsageTrackingQueryCachingPolicy();

    /** A cache of at most {@code maxBytes} of bit sets, shared by every searcher it makes. */
    FilterCache(long maxBytes) {
        cache = maxBytes <= 0 ? null
                : new LRUQueryCache(MAX_FILTERS, maxBytes, leaf -> leaf.reader().maxDoc() >= MIN_SEGMENT_DOCS, Float.POSITIVE_INFINITY);
    }

    /** The cache's size for a heap of {@code heapBytes}: {@code configuredMb}, but at most a tenth of the heap. */
    static long bytesFor(double configuredMb, long heapBytes) {
        return (long) Math.min(configuredMb * 1024 * 1024, heapBytes / 10.0);
    }

    /** Makes the searchers of a {@code SearcherManager}: each one reads and fills this cache. */
    SearcherFactory searchers() {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                return searcher(reader);
            }
        };
    }

    IndexSearcher searcher(IndexReader reader) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(cache);
        searcher.setQueryCachingPolicy(policy);
        return searcher;
    }

    /** cache_gets_total{cache="search-filters",result="hit"|"miss"} and cache_size_bytes on /q/metrics. */
    void bindTo(MeterRegistry registry) {
        if (cache == null) {
            return;
        }
        Tags tags = Tags.of("cache", "search-filters");
        FunctionCounter.builder("cache.gets", cache, LRUQueryCache::getHitCount).tags(tags).tag("result", "hit")
                .description("Filter look-ups that found the filter's documents kept").register(registry);
        FunctionCounter.builder("cache.gets", cache, LRUQueryCache::getMissCount).tags(tags).tag("result", "miss")
                .description("Filter look-ups that read the index instead").register(registry);
        Gauge.builder("cache.size.bytes", cache, LRUQueryCache::ramBytesUsed).tags(tags).baseUnit("bytes")
                .description("Memory held by kept filters").register(registry);
    }
}
