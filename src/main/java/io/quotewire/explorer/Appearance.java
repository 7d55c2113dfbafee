package io.quotewire.explorer;

import java.time.Instant;

/**
 * One source that reported a quote, with the source text cut around the quote so that a reader can check it:
 * {@code before}, the quote's own characters ({@code quoted}, at code points {@code start} to {@code end}) and
 * {@code after}. Without offsets only the source is named.
 */
public record Appearance(String sourceId, String title, String url, String publisher, Instant publishedAt,
        String before, String quoted, String after, Integer start, Integer end) {

    public boolean anchored() {
        return quoted != null;
    }
}
