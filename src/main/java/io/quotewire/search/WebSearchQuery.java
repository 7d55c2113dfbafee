package io.quotewire.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A search in web-search syntax, read the way PostgreSQL's {@code websearch_to_tsquery} reads it (which answers the
 * same search while the index is not current): words must all occur, {@code "quoted words"} must occur as a phrase,
 * {@code or} between two operands lets either do, and {@code -} before a word or phrase excludes it. Any other
 * character is text: nothing a user types can make the query fail to parse. Words the analyzer drops (stop words)
 * drop out of the query, so a search of stop words only matches nothing, as in PostgreSQL.
 *
 * <p>Ranking is BM25 over the quote text; when several words are required, quotes in which they stand close together
 * get a bonus (a sloppy phrase), which plays the part of PostgreSQL's cover density.
 */
public final class WebSearchQuery {

    static final String FIELD = "text";
    /** How far apart (in positions) required words may stand and still earn the proximity bonus. */
    private static final int PROXIMITY_SLOP = 6;
    private static final float PROXIMITY_BOOST = 0.5f;

    /** One operand: the analyzed terms of a word or phrase with their positions, and whether it is excluded. */
    private record Operand(List<String> terms, List<Integer> positions, boolean negated) {
        Query query() {
            if (terms.size() == 1) {
                return new TermQuery(new Term(FIELD, terms.get(0)));
            }
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            for (int i = 0; i < terms.size(); i++) {
                phrase.add(new Term(FIELD, terms.get(i)), positions.get(i));
            }
            return phrase.build();
        }
    }

    private final Query query;
    private final Set<String> matchedTerms;

    private WebSearchQuery(Query query, Set<String> matchedTerms) {
        this.query = query;
        this.matchedTerms = matchedTerms;
    }

    /** The Lucene query of {@code text}, analyzed with {@code analyzer}. */
    public static WebSearchQuery parse(String text, Analyzer analyzer) {
        // groups of alternatives (joined by "or"), all groups required
        List<List<Operand>> groups = new ArrayList<>();
        boolean orPending = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            if (c == '-') {
                negated = true;
                i++;
                if (i >= n || Character.isWhitespace(text.charAt(i))) {
                    continue;
                }
                c = text.charAt(i);
            }
            String chunk;
            boolean quoted = c == '"';
            if (quoted) {
                int close = text.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                chunk = text.substring(i + 1, end);
                i = close < 0 ? n : close + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
                    end++;
                }
                chunk = text.substring(i, end);
                i = end;
                if (!negated && chunk.equalsIgnoreCase("or")) {
                    orPending = !groups.isEmpty();
                    continue;
                }
            }
            Operand operand = analyze(chunk, negated, analyzer);
            if (operand == null) {
                continue;
            }
            if (orPending) {
                groups.get(groups.size() - 1).add(operand);
            } else {
                groups.add(new ArrayList<>(List.of(operand)));
            }
            orPending = false;
        }
        return build(groups);
    }

    private static WebSearchQuery build(List<List<Operand>> groups) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        Set<String> matched = new HashSet<>();
        List<String> requiredWords = new ArrayList<>();
        boolean anyPositive = false;
        boolean anyClause = false;
        for (List<Operand> group : groups) {
            anyClause = true;
            if (group.size() == 1) {
                Operand only = group.get(0);
                if (only.negated()) {
                    builder.add(only.query(), Occur.MUST_NOT);
                } else {
                    builder.add(only.query(), Occur.MUST);
                    matched.addAll(only.terms());
                    anyPositive = true;
                    if (only.terms().size() == 1) {
                        requiredWords.add(only.terms().get(0));
                    }
                }
                continue;
            }
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            for (Operand alternative : group) {
                if (alternative.negated()) {
                    either.add(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER)
                            .add(alternative.query(), Occur.MUST_NOT).build(), Occur.SHOULD);
                } else {
                    either.add(alternative.query(), Occur.SHOULD);
                    matched.addAll(alternative.terms());
                }
            }
            builder.add(either.setMinimumNumberShouldMatch(1).build(), Occur.MUST);
            anyPositive = true;
        }
        if (!anyClause) {
            return new WebSearchQuery(new MatchNoDocsQuery("no searchable words"), Set.of());
        }
        if (!anyPositive) {
            builder.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        if (requiredWords.size() > 1) {
            PhraseQuery.Builder near = new PhraseQuery.Builder().setSlop(PROXIMITY_SLOP);
            for (int p = 0; p < requiredWords.size(); p++) {
                near.add(new Term(FIELD, requiredWords.get(p)), p);
            }
            builder.add(new BoostQuery(near.build(), PROXIMITY_BOOST), Occur.SHOULD);
        }
        return new WebSearchQuery(builder.build(), Set.copyOf(matched));
    }

    private static Operand analyze(String chunk, boolean negated, Analyzer analyzer) {
        List<String> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(FIELD, chunk)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                terms.add(term.toString());
                positions.add(position);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing a string in memory cannot fail", e);
        }
        if (terms.isEmpty()) {
            return null;
        }
        int first = positions.get(0);
        return new Operand(terms, positions.stream().map(p -> p - first).toList(), negated);
    }

    public Query query() {
        return query;
    }

    /** The analyzed terms whose occurrences {@link #highlights} marks: every searched word that is not excluded. */
    public Set<String> matchedTerms() {
        return matchedTerms;
    }

    /**
     * The words of {@code text} this search matches (every occurrence of a searched, not excluded, word), as
     * code-point offsets {start, end} into {@code text}.
     */
    public List<int[]> highlights(String text, Analyzer analyzer) {
        if (matchedTerms.isEmpty()) {
            return List.of();
        }
        List<int[]> found = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (matchedTerms.contains(term.toString())) {
                    found.add(new int[] {offset.startOffset(), offset.endOffset()});
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing a string in memory cannot fail", e);
        }
        return codePointSpans(text, found);
    }

    /**
     * {@code spans} of char offsets {start, end} into {@code text}, in order and not overlapping, as code-point
     * offsets; null when one does not fit in {@code text} (it was written for another text).
     */
    public static List<int[]> codePointSpans(String text, List<int[]> spans) {
        List<int[]> converted = new ArrayList<>(spans.size());
        int chars = 0;
        int codePoints = 0;
        for (int[] span : spans) {
            if (span[0] < chars || span[1] < span[0] || span[1] > text.length()) {
                return null;
            }
            codePoints += text.codePointCount(chars, span[0]);
            int start = codePoints;
            codePoints += text.codePointCount(span[0], span[1]);
            chars = span[1];
            converted.add(new int[] {start, codePoints});
        }
        return converted;
    }
}
