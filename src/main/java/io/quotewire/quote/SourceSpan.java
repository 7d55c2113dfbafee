package io.quotewire.quote;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * A stretch of a source text given in Unicode code points (the unit of the API's offsets, as Python indexes
 * strings), with the conversions to Java's UTF-16 indices.
 */
public record SourceSpan(int start, int end) {

    /** Whether the span lies inside {@code text}. */
    public boolean fitsIn(String text) {
        return start >= 0 && start <= end && end <= text.codePointCount(0, text.length());
    }

    /** The characters of {@code text} in this span; call {@link #fitsIn} first. */
    public String of(String text) {
        return text.substring(charIndex(text, start), charIndex(text, end));
    }

    /** Whether the span lies in {@code text} and holds exactly {@code expected}. */
    public boolean holds(String text, String expected) {
        return text != null && fitsIn(text) && of(text).equals(expected);
    }

    /** The sentence or sentences of {@code text} around this span, the context a quote stands in. */
    public String sentenceAround(String text) {
        int from = charIndex(text, start);
        int to = charIndex(text, end);
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text);
        int sentenceStart = sentences.isBoundary(from) ? from : sentences.preceding(from);
        int sentenceEnd = to >= text.length() ? text.length() : sentences.following(Math.max(to - 1, from));
        int paragraphStart = text.lastIndexOf('\n', Math.max(from - 1, 0)) + 1;
        int paragraphEnd = text.indexOf('\n', to);
        int contextStart = Math.max(sentenceStart == BreakIterator.DONE ? 0 : sentenceStart, from == 0 ? 0 : paragraphStart);
        int contextEnd = Math.min(sentenceEnd == BreakIterator.DONE ? text.length() : sentenceEnd, paragraphEnd < 0 ? text.length() : paragraphEnd);
        return text.substring(Math.min(contextStart, from), Math.max(contextEnd, to)).strip();
    }

    private static int charIndex(String text, int codePoints) {
        return text.offsetByCodePoints(0, codePoints);
    }
}
