package io.quotewire.extraction;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Inputs that would make a careless (quadratic or backtracking) extractor hang. Bounds are generous. */
class PathologicalInputTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private static void extractsInTime(String text) {
        assertTimeoutPreemptively(LIMIT, () -> assertNotNull(new QuoteExtractor().extract(Article.ofText(text))));
    }

    @Test
    void tenThousandUnmatchedQuoteMarks() {
        extractsInTime("Title\n\n" + "word “".repeat(10_000) + "\n\n" + " 'open".repeat(10_000) + "\n");
    }

    @Test
    void tenThousandOpeningSingleMarksWithoutClose() {
        extractsInTime("Title\n\n" + "‘a ".repeat(10_000) + "\n");
    }

    @Test
    void oneHalfMegabyteParagraph() {
        StringBuilder paragraph = new StringBuilder("Title\n\n");
        while (paragraph.length() < 500_000) {
            paragraph.append("the committee said that members had been told the plan would work and ");
        }
        extractsInTime(paragraph.append(".\n").toString());
    }

    @Test
    void halfMegabyteParagraphOfSpeechVerbsWithoutPunctuation() {
        extractsInTime("Title\n\n" + "he said ".repeat(60_000) + "\n");
    }

    @Test
    void deeplyNestedQuotes() {
        extractsInTime("Title\n\n" + "“‘".repeat(20_000) + "deep" + "’”".repeat(20_000) + " she said.\n");
    }

    @Test
    void longRunOfCapitalisedWords() {
        extractsInTime("Title\n\n" + "Alpha Beta ".repeat(50_000) + "said the plan would work.\n");
    }
}
