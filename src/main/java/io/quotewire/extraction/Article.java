package io.quotewire.extraction;

import java.time.LocalDate;
import java.util.Objects;

/** A news article to extract quotes from. Only {@code text} is required; the rest is metadata. */
public record Article(String text, String title, String publisher, LocalDate publishedOn) {

    public Article {
        Objects.requireNonNull(text, "text");
    }

    public static Article ofText(String text) {
        return new Article(text, null, null, null);
    }
}
