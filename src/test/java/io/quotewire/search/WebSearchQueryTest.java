package io.quotewire.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How web-search syntax becomes a Lucene query, one row per rule, and which words a search marks. */
class WebSearchQueryTest {

    private static final QuoteAnalyzer ANALYZER = new QuoteAnalyzer();

    private static String parsed(String q) {
        return WebSearchQuery.parse(q, ANALYZER).query().toString();
    }

    @Test
    void wordsAreAllRequiredStemmedAndNearnessEarnsABonus() {
        assertEquals("+text:urg", parsed("urges"));
        assertEquals("+text:press +text:freedom (text:\"press freedom\"~6)^0.5", parsed("Press freedom"));
    }

    @Test
    void quotedWordsAreAPhraseWithStopWordGapsKept() {
        assertEquals("+text:\"press freedom\"", parsed("\"press freedom\""));
        assertEquals("+text:\"state ? ? union\"", parsed("\"state of the union\""));
    }

    @Test
    void orJoinsItsNeighboursAndMinusExcludes() {
        assertEquals("+((text:budget text:cafe)~1)", parsed("budget or café"));
        assertEquals("+text:press -text:kind", parsed("press -kind"));
        assertEquals("-text:elect +*:*", parsed("-elections"));
    }

    @Test
    void syntaxCharactersAndStopWordsAreJustText() {
        assertEquals("MatchNoDocsQuery(\"no searchable words\")", parsed("or"));
        assertEquals("MatchNoDocsQuery(\"no searchable words\")", parsed("!!! & | ! ( )"));
        assertEquals("MatchNoDocsQuery(\"no searchable words\")", parsed("-"));
        assertEquals("+text:drop +text:tabl +text:quot", parsed("'; drop table quote; --").replaceAll(" \\(.*", ""));
        assertEquals("+text:unbalanc", parsed("\"unbalanced"));
    }

    @Test
    void highlightsAreCodePointOffsetsOfEveryMatchedWord() {
        String text = "\uD83D\uDCF0 She urged the council to publish; the Council agreed.";
        List<int[]> marks = WebSearchQuery.parse("urges council -agreed", ANALYZER).highlights(text, ANALYZER);
        List<String> marked = marks.stream()
                .map(m -> text.substring(text.offsetByCodePoints(0, m[0]), text.offsetByCodePoints(0, m[1]))).toList();
        assertEquals(List.of("urged", "council", "Council"), marked);
        assertEquals(6, marks.get(0)[0], "offsets count code points: the emoji is one");
    }

    @Test
    void indexSpansBecomeCodePointOffsetsAndSpansOfAnotherTextAreRefused() {
        String text = "\uD83D\uDCF0 She urged";
        List<int[]> converted = WebSearchQuery.codePointSpans(text, List.of(new int[] {7, 12}));
        assertEquals(List.of("6-11"), converted.stream().map(m -> m[0] + "-" + m[1]).toList());
        assertNull(WebSearchQuery.codePointSpans(text, List.of(new int[] {7, 13})), "past the end");
        assertNull(WebSearchQuery.codePointSpans(text, List.of(new int[] {7, 12}, new int[] {3, 6})), "out of order");
    }
}
