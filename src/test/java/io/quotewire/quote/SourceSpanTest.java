package io.quotewire.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceSpanTest {

    @Test
    void offsetsCountCodePointsNotUtf16Units() {
        String text = "😀 Then she said “yes”.";
        SourceSpan span = new SourceSpan(17, 20);
        assertEquals("yes", span.of(text));
        assertTrue(span.holds(text, "yes"));
    }

    @Test
    void spansOutsideTheTextDoNotHold() {
        assertFalse(new SourceSpan(3, 99).holds("short", "rt"));
        assertFalse(new SourceSpan(4, 2).holds("short", ""));
        assertFalse(new SourceSpan(0, 2).holds(null, "sh"));
    }

    @Test
    void theContextIsTheSentenceAroundTheSpanWithinItsParagraph() {
        String text = "Title line\n\nFirst sentence here. He said “we will act” today. Last one.\n\nNext paragraph.";
        int start = text.indexOf("we will act");
        SourceSpan span = new SourceSpan(start, start + "we will act".length());
        assertEquals("He said “we will act” today.", span.sentenceAround(text));
    }
}
