package io.quotewire.extraction;

/**
 * Converts Java {@code char} indices (UTF-16 units) to code point indices, which is what the
 * public API and the corpus use (Python {@code str} indices).
 *
 * <p>Conversions are expected in roughly increasing order, so the converter walks from the last
 * answer instead of counting from the start each time: converting all quotes of an article is
 * linear in its length.
 */
public final class CodePointOffsets {

    private final String text;
    private int lastCharIndex;
    private int lastCodePointIndex;

    public CodePointOffsets(String text) {
        this.text = text;
    }

    /** Code point index of the given char index. */
    public int toCodePointIndex(int charIndex) {
        if (charIndex < lastCharIndex) {
            lastCodePointIndex -= text.codePointCount(charIndex, lastCharIndex); // short step back, e.g. from a quote's end to the next start
        } else {
            lastCodePointIndex += text.codePointCount(lastCharIndex, charIndex);
        }
        lastCharIndex = charIndex;
        return lastCodePointIndex;
    }

    /** The text between two code point offsets, as a Python slice {@code text[start:end]} would give. */
    public static String substring(String text, int startCodePoint, int endCodePoint) {
        int start = text.offsetByCodePoints(0, startCodePoint);
        int end = text.offsetByCodePoints(start, endCodePoint - startCodePoint);
        return text.substring(start, end);
    }
}
