package io.quotewire.extraction;

import java.util.ArrayList;
import java.util.List;

/** Splits article text into paragraphs, one per non-blank line, in a single pass. */
final class ParagraphSplitter {

    private static final int MAX_HEADLINE_WORDS = 25;

    List<Paragraph> split(String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        int lineStart = 0;
        int length = text.length();
        while (lineStart <= length) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = length;
            }
            int start = lineStart;
            int end = lineEnd;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (end > start) {
                int index = paragraphs.size();
                paragraphs.add(new Paragraph(index, start, end, index == 0 || looksLikeHeadline(text, start, end)));
            }
            lineStart = lineEnd + 1;
        }
        return paragraphs;
    }

    /** Standfirsts and crossheads are short and carry no sentence-final punctuation. */
    private static boolean looksLikeHeadline(String text, int start, int end) {
        int last = end - 1;
        while (last > start && QuoteMarks.isQuoteMark(text.charAt(last))) {
            last--;
        }
        char c = text.charAt(last);
        if (c == '.' || c == '!' || c == '?' || c == '…' || c == ':' || c == ';' || c == ',') {
            return false;
        }
        int words = 0;
        for (int i = start; i < end && words <= MAX_HEADLINE_WORDS; i++) {
            if (text.charAt(i) == ' ') {
                words++;
            }
        }
        return words < MAX_HEADLINE_WORDS;
    }
}
