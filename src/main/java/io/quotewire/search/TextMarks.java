package io.quotewire.search;

import java.util.List;

/**
 * Where the searched words are in one quote's text as the index analyzed it: char offsets {start, end} in text order,
 * and the hash of the text they were taken from, so that they are never laid over a text edited since.
 */
public record TextMarks(int textHash, List<int[]> spans) {

    /** The spans as code-point offsets into {@code text}; null when {@code text} is not the text the index analyzed. */
    public List<int[]> in(String text) {
        return text.hashCode() == textHash ? WebSearchQuery.codePointSpans(text, spans) : null;
    }
}
