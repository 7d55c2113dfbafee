package io.quotewire.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the top-level quotations of a paragraph in one left-to-right pass.
 *
 * <p>Double marks alternate open/close whatever their glyph, because real text mixes straight and
 * curly marks and sometimes uses the wrong curly one. Single marks only quote when they stand where
 * an opening and a closing mark can stand, so apostrophes (don’t, Patel’s, ’90s) are never taken for
 * quotes. Anything nested inside a double-quoted span belongs to that span. A double quote left open
 * at the paragraph end runs to the paragraph end (multi-paragraph and unclosed quotes).
 *
 * <p>Closing candidates are looked up through forward-only cursors, so even thousands of unmatched
 * marks keep the scan linear.
 */
final class QuotedSpanScanner {

    private static final int MAX_NICKNAME_LENGTH = 24;

    List<QuotedSpan> scan(String text, Paragraph paragraph) {
        int start = paragraph.start();
        int end = paragraph.end();
        MarkCursor doubles = new MarkCursor(text, start, end, true);
        MarkCursor closingSingles = new MarkCursor(text, start, end, false);
        List<QuotedSpan> spans = new ArrayList<>();
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (QuoteMarks.isDouble(c)) {
                int close = doubles.nextAfter(i);
                if (close < 0) {
                    spans.add(span(text, paragraph, i, -1));
                    break;
                }
                if (!isNickname(text, i, close)) {
                    spans.add(span(text, paragraph, i, close));
                }
                i = close + 1;
            } else if (QuoteMarks.isSingle(c) && QuoteMarks.canOpenSingle(text, i, start, end)) {
                int close = closingSingles.nextAfter(i);
                int nextDouble = doubles.nextAfter(i);
                boolean closesBeforeAnyDouble = close >= 0 && (nextDouble < 0 || close < nextDouble);
                if (closesBeforeAnyDouble) {
                    spans.add(span(text, paragraph, i, close));
                    i = close + 1;
                } else {
                    i++;
                }
            } else {
                i++;
            }
        }
        spans.removeIf(s -> s.contentEnd() <= s.contentStart());
        return spans;
    }

    /** A nickname inside a name, as in Thomas “Tommy” Reyes, is part of the name, not a quotation. */
    static boolean isNickname(String text, int open, int close) {
        if (close - open > MAX_NICKNAME_LENGTH || open < 2 || close + 2 >= text.length()) {
            return false;
        }
        if (text.charAt(open - 1) != ' ' || !Character.isUpperCase(text.charAt(open + 1))
                || text.charAt(close + 1) != ' ' || !Character.isUpperCase(text.charAt(close + 2))
                || !Character.isLetter(text.charAt(open - 2))) {
            return false;
        }
        int wordStart = open - 2;
        while (wordStart > 0 && Character.isLetter(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        if (!Character.isUpperCase(text.charAt(wordStart))) {
            return false;
        }
        for (int i = open + 1; i < close; i++) {
            char c = text.charAt(i);
            if (!(Character.isLetter(c) || c == ' ' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static QuotedSpan span(String text, Paragraph paragraph, int open, int close) {
        int contentStart = open + 1;
        int contentEnd = close >= 0 ? close : paragraph.end();
        while (contentStart < contentEnd && Character.isWhitespace(text.charAt(contentStart))) {
            contentStart++;
        }
        while (contentEnd > contentStart && Character.isWhitespace(text.charAt(contentEnd - 1))) {
            contentEnd--;
        }
        // A trailing comma only links the quote to its attribution ("…attack," he said).
        if (contentEnd > contentStart && text.charAt(contentEnd - 1) == ',') {
            contentEnd--;
            while (contentEnd > contentStart && Character.isWhitespace(text.charAt(contentEnd - 1))) {
                contentEnd--;
            }
        }
        return new QuotedSpan(open, close, contentStart, contentEnd, paragraph);
    }

    /** Forward-only cursor over the double marks, or over the single marks that can close a quote. */
    private static final class MarkCursor {
        private final String text;
        private final int end;
        private final boolean doubles;
        private int position;
        private int found = -1;

        MarkCursor(String text, int start, int end, boolean doubles) {
            this.text = text;
            this.end = end;
            this.doubles = doubles;
            this.position = start;
        }

        /** The first matching mark after {@code index}, or -1. Calls must not go backwards. */
        int nextAfter(int index) {
            if (found > index) {
                return found;
            }
            position = Math.max(position, index + 1);
            while (position < end) {
                char c = text.charAt(position);
                boolean matches = doubles
                        ? QuoteMarks.isDouble(c)
                        : QuoteMarks.isSingle(c) && QuoteMarks.canCloseSingle(text, position, end);
                if (matches) {
                    found = position++;
                    return found;
                }
                position++;
            }
            found = -1;
            return -1;
        }
    }
}
