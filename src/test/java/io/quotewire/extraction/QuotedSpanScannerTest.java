package io.quotewire.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuotedSpanScannerTest {

    private static List<String> quotes(String paragraph) {
        Paragraph p = new Paragraph(1, 0, paragraph.length(), false);
        return new QuotedSpanScanner().scan(paragraph, p).stream().map(s -> s.content(paragraph)).toList();
    }

    @Test
    void findsCurlyAndStraightDoubleQuotes() {
        assertEquals(List.of("The ferry leaves at noon.", "Bring a coat"),
                quotes("“The ferry leaves at noon.” She added, \"Bring a coat,\" and left."));
    }

    @Test
    void keepsNestedSingleQuotesInsideTheOuterQuote() {
        assertEquals(List.of("My coach told me, ‘Never look back,’ and I listened."),
                quotes("“My coach told me, ‘Never look back,’ and I listened.” the runner said."));
    }

    @Test
    void apostrophesAreNeverQuoteMarks() {
        assertTrue(quotes("Patel’s team don’t miss the ’90s or the players' old kit.").isEmpty());
        assertEquals(List.of("We can’t wait for Lee’s return"),
                quotes("She wrote ‘We can’t wait for Lee’s return’ on the card."));
    }

    @Test
    void unclosedQuoteRunsToParagraphEnd() {
        assertEquals(List.of("The roads stay shut until Friday."),
                quotes("He told drivers: “The roads stay shut until Friday."));
    }

    @Test
    void dropsTheCommaThatLinksToTheAttributionButKeepsFinalPunctuation() {
        assertEquals(List.of("We lost the final", "Are you sure?"),
                quotes("\"We lost the final,\" she said. \"Are you sure?\""));
    }

    @Test
    void nicknameInsideANameIsNotAQuote() {
        assertTrue(quotes("The founder, Margaret “Peggy” Olsen, opened the shop.").isEmpty());
    }

    @Test
    void malformedReopeningMarkStillYieldsTheSecondSegment() {
        List<String> found = quotes("“She said, ‘Wait for me,” he recalled, ” ‘and keep the lamp lit.’ ”");
        assertEquals(2, found.size());
        assertEquals("‘and keep the lamp lit.’", found.get(1));
        assertFalse(found.get(0).endsWith(","));
    }
}
