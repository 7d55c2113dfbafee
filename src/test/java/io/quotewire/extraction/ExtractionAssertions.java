package io.quotewire.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Shared checks for extraction tests: find a quote by its text, check its speaker and offsets. */
final class ExtractionAssertions {

    private ExtractionAssertions() {
    }

    static Extraction extract(String text) {
        Extraction extraction = new QuoteExtractor().extract(Article.ofText(text));
        for (ExtractedQuote quote : extraction.quotes()) {
            assertEquals(quote.text(), CodePointOffsets.substring(text, quote.start(), quote.end()),
                    "offsets must select the quote text");
        }
        return extraction;
    }

    static ExtractedQuote quote(Extraction extraction, String text) {
        for (ExtractedQuote quote : extraction.quotes()) {
            if (quote.text().equals(text)) {
                return quote;
            }
        }
        fail("no quote '" + text + "' among " + texts(extraction));
        return null;
    }

    static void assertQuote(Extraction extraction, String text, QuoteType type, String speaker) {
        ExtractedQuote quote = quote(extraction, text);
        assertEquals(type, quote.type(), "type of '" + text + "'");
        if (speaker == null) {
            assertNull(quote.speaker(), "speaker of '" + text + "'");
        } else {
            assertNotNull(quote.speaker(), "speaker of '" + text + "' (rule " + quote.rule() + ")");
            assertEquals(speaker, quote.speaker().name(), "speaker of '" + text + "'");
        }
    }

    static List<String> texts(Extraction extraction) {
        return extraction.quotes().stream().map(ExtractedQuote::text).toList();
    }
}
