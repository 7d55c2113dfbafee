package io.quotewire.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Inputs that would make a careless (quadratic or backtracking) extractor hang, and what each must
 * yield. Time bounds are generous (the machine is shared); the outputs are exact.
 */
class PathologicalInputTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private static Extraction extractInTime(String text) {
        return assertTimeoutPreemptively(LIMIT, () -> new QuoteExtractor().extract(Article.ofText(text)));
    }

    @Test
    void tenThousandUnmatchedQuoteMarksYieldNothing() {
        Extraction e = extractInTime("Title\n\n" + "word “".repeat(10_000) + "\n\n" + " 'open".repeat(10_000) + "\n");
        assertEquals(0, e.quotes().size());
    }

    @Test
    void tenThousandOpeningSingleMarksWithoutCloseYieldNothing() {
        assertEquals(0, extractInTime("Title\n\n" + "‘a ".repeat(10_000) + "\n").quotes().size());
    }

    @Test
    void halfMegabyteRunOnSentenceYieldsOneBoundedReportedClause() {
        StringBuilder paragraph = new StringBuilder("Title\n\n");
        while (paragraph.length() < 500_000) {
            paragraph.append("the committee said that members had been told the plan would work and ");
        }
        Extraction e = extractInTime(paragraph.append(".\n").toString());
        assertEquals(1, e.quotes().size());
        ExtractedQuote q = e.quotes().get(0);
        assertEquals(QuoteType.INDIRECT, q.type());
        assertNull(q.speaker(), "'the committee' names nobody");
        assertTrue(q.text().length() < 100, q.text());
    }

    @Test
    void halfMegabyteOfSpeechVerbsWithoutPunctuationYieldsNothing() {
        assertEquals(0, extractInTime("Title\n\n" + "he said ".repeat(60_000) + "\n").quotes().size());
    }

    @Test
    void deeplyNestedQuotesYieldShortUnattributedQuotes() {
        Extraction e = extractInTime("Title\n\n" + "“‘".repeat(20_000) + "deep" + "’”".repeat(20_000) + " she said.\n");
        assertEquals(20_001, e.quotes().size());
        assertTrue(e.quotes().stream().allMatch(q -> q.type() == QuoteType.DIRECT && q.speaker() == null && q.text().length() <= 4));
    }

    @Test
    void longRunOfCapitalisedWordsIsNoName() {
        Extraction e = extractInTime("Title\n\n" + "Alpha Beta ".repeat(50_000) + "said the plan would work.\n");
        assertEquals(0, e.quotes().size());
    }

    @Test
    void twentyThousandNamesYieldNothing() {
        StringBuilder text = new StringBuilder("Title\n\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("Ana Berg").append(Integer.toString(i, 26).replaceAll("[0-9]", "x")).append(" met Ola. ");
        }
        assertEquals(0, extractInTime(text.append("\n").toString()).quotes().size());
    }

    @Test
    void tenThousandRoleNounsResolveToTheOneDescribedSpeaker() {
        Extraction e = extractInTime("Title\n\n"
                + "Ana Bergson, the harbour master, said the port is open. The harbour master said the port is open. ".repeat(5_000) + "\n");
        assertEquals(10_000, e.quotes().size());
        assertEquals(1, e.speakers().size());
        assertEquals("Ana Bergson", e.speakers().get(0).name());
    }

    @Test
    void twentyThousandAccordingToPhrasesYieldNothing() {
        assertEquals(0, extractInTime("Title\n\n" + "according to Ana Berg, ".repeat(20_000) + "the port is open.\n").quotes().size());
    }
}
