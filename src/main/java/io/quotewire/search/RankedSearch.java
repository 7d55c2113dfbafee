package io.quotewire.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;

/**
 * The best hits of a query, best score first and equal scores newest first (highest sequence number), found segment
 * by segment so that ties cost nothing.
 *
 * <p>Every segment is sorted by sequence number, newest first ({@link #INDEX_SORT}). Within a segment, "newest
 * first" among equal scores is then "lowest document number first", which is how Lucene's score-only collector
 * breaks ties: it can skip every document that does not score strictly above the worst kept hit, whole blocks of
 * postings at a time. A common word in short quotes scores the same in thousands of them; a collector that also
 * compares sequence numbers must look at each of those, this one stops after the first few. The segments' best
 * hits are then merged by (score, sequence number). Term statistics are the whole index's, as in one search.
 */
final class RankedSearch {

    /** The order of documents inside every segment of the index. */
    static final Sort INDEX_SORT = new Sort(new SortField("seq", SortField.Type.LONG, true));

    /**
     * One hit: its quote's id, score and sequence number, and where the asked terms occur in its text (as the index
     * recorded them when it analyzed the text).
     */
    record Hit(UUID id, float score, long seq, TextMarks marks) {
    }

    static final Comparator<Hit> BEST_FIRST = Comparator.comparing(Hit::score, Comparator.reverseOrder())
            .thenComparing(Hit::seq, Comparator.reverseOrder());

    private RankedSearch() {
    }

    /**
     * The first {@code n} hits of {@code query}, best first; after the hit with {@code afterScore} and
     * {@code afterSeq} when {@code afterSeq} is given (the last hit of the page before); each with the places of
     * {@code terms} in its text.
     */
    static List<Hit> top(IndexSearcher searcher, Query query, int n, Float afterScore, Long afterSeq, Set<String> terms)
            throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1f);
        List<Ranked> ranked = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            if (!INDEX_SORT.equals(leaf.reader().getMetaData().getSort())) {
                throw new IllegalStateException("a segment of the index is not sorted by sequence number");
            }
            BulkScorer scorer = weight.bulkScorer(leaf);
            if (scorer == null) {
                continue;
            }
            // on an equal score, the documents up to the first one older than the last hit were on the page before
            ScoreDoc after = afterSeq == null ? null : new ScoreDoc(leaf.docBase + firstOlder(leaf.reader(), afterSeq) - 1, afterScore);
            TopScoreDocCollector collector = new TopScoreDocCollectorManager(n, after, n, false).newCollector();
            LeafCollector collecting = collector.getLeafCollector(leaf);
            try {
                scorer.score(collecting, leaf.reader().getLiveDocs());
            } catch (CollectionTerminatedException nothingMoreCompetes) {
                // this segment is done
            }
            collecting.finish();
            ranked.addAll(withSequenceNumbers(leaf, collector.topDocs().scoreDocs));
        }
        ranked.sort(Comparator.comparing(Ranked::score, Comparator.reverseOrder()).thenComparing(Ranked::seq, Comparator.reverseOrder()));
        List<Ranked> best = ranked.size() > n ? ranked.subList(0, n) : ranked;
        // ids and marks only for the hits that made it: a segment's own best hits are mostly outranked by another's
        List<Hit> hits = new ArrayList<>(best.size());
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            hits.addAll(described(leaf, best.stream().filter(hit -> hit.leaf() == leaf).toList(), terms));
        }
        hits.sort(BEST_FIRST);
        return hits;
    }

    /** A segment's hit before its id and marks are read. */
    private record Ranked(LeafReaderContext leaf, int doc, float score, long seq) {
    }

    /** The hits of one segment with their sequence numbers (read in document order, as doc values are). */
    private static List<Ranked> withSequenceNumbers(LeafReaderContext leaf, ScoreDoc[] found) throws IOException {
        ScoreDoc[] inDocOrder = found.clone();
        Arrays.sort(inDocOrder, Comparator.comparingInt(hit -> hit.doc));
        NumericDocValues seqs = DocValues.getNumeric(leaf.reader(), "seq");
        List<Ranked> ranked = new ArrayList<>(found.length);
        for (ScoreDoc hit : inDocOrder) {
            int doc = hit.doc - leaf.docBase;
            if (!seqs.advanceExact(doc)) {
                throw new IllegalStateException("a document without its sequence number");
            }
            ranked.add(new Ranked(leaf, doc, hit.score, seqs.longValue()));
        }
        return ranked;
    }

    /** Hits of one segment with their ids and where {@code terms} occur in their texts (read in document order). */
    private static List<Hit> described(LeafReaderContext leaf, List<Ranked> found, Set<String> terms) throws IOException {
        if (found.isEmpty()) {
            return List.of();
        }
        List<Ranked> inDocOrder = new ArrayList<>(found);
        inDocOrder.sort(Comparator.comparingInt(Ranked::doc));
        NumericDocValues idHigh = DocValues.getNumeric(leaf.reader(), "idHigh");
        NumericDocValues idLow = DocValues.getNumeric(leaf.reader(), "idLow");
        NumericDocValues textHashes = DocValues.getNumeric(leaf.reader(), "textHash");
        List<PostingsEnum> occurrences = new ArrayList<>();
        for (String term : terms) {
            PostingsEnum postings = leaf.reader().postings(new Term(WebSearchQuery.FIELD, term), PostingsEnum.OFFSETS);
            if (postings != null) {
                occurrences.add(postings);
            }
        }
        List<Hit> hits = new ArrayList<>(found.size());
        for (Ranked hit : inDocOrder) {
            int doc = hit.doc();
            if (!idHigh.advanceExact(doc) || !idLow.advanceExact(doc) || !textHashes.advanceExact(doc)) {
                throw new IllegalStateException("a document without its id or text hash");
            }
            List<int[]> spans = new ArrayList<>();
            for (PostingsEnum postings : occurrences) {
                int at = postings.docID() < doc ? postings.advance(doc) : postings.docID();
                if (at == doc) {
                    for (int i = postings.freq(); i > 0; i--) {
                        postings.nextPosition();
                        spans.add(new int[] {postings.startOffset(), postings.endOffset()});
                    }
                }
            }
            spans.sort(Comparator.comparingInt(span -> span[0]));
            hits.add(new Hit(new UUID(idHigh.longValue(), idLow.longValue()), hit.score(), hit.seq(),
                    new TextMarks((int) textHashes.longValue(), spans)));
        }
        return hits;
    }

    /** The first document of a segment whose sequence number is below {@code seq} (maxDoc when none is). */
    static int firstOlder(LeafReader segment, long seq) throws IOException {
        int low = 0;
        int high = segment.maxDoc();
        while (low < high) {
            int middle = (low + high) >>> 1;
            NumericDocValues seqs = DocValues.getNumeric(segment, "seq"); // forward-only: a fresh one per probe
            if (!seqs.advanceExact(middle)) {
                throw new IllegalStateException("a document without its sequence number");
            }
            if (seqs.longValue() < seq) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
