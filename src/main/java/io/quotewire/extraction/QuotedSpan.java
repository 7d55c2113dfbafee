package io.quotewire.extraction;

/**
 * A stretch of text inside quotation marks, found by {@link QuotedSpanScanner}.
 *
 * @param open         char index of the opening mark
 * @param close        char index of the closing mark, or -1 when the paragraph ends first
 * @param contentStart char index where the quote text starts (marks and spaces excluded)
 * @param contentEnd   char index where the quote text ends (a linking comma excluded)
 * @param paragraph    the paragraph holding the span
 */
record QuotedSpan(int open, int close, int contentStart, int contentEnd, Paragraph paragraph) {

    boolean closed() {
        return close >= 0;
    }

    /** Index just past the span, closing mark included (the paragraph end for an unclosed span). */
    int after() {
        return closed() ? close + 1 : paragraph.end();
    }

    String content(String text) {
        return text.substring(contentStart, contentEnd);
    }

    int wordCount(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = contentStart; i < contentEnd; i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }
}
