package io.quotewire.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A news article to extract quotes from, as sent in JSON; a text/plain body is the text alone. */
@Schema(name = "ArticleInput")
public record ArticleInput(
        @NotBlank @Size(max = 1_000_000) @Schema(required = true, description = "The article: headline on the first line, then its paragraphs") String text,
        @Size(max = 500) @Schema(description = "Defaults to the first line of the text", examples = "Ferries resume after the storm") String title,
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http or https URL")
        @Schema(description = "Where the article was published; an article is recognised again by its URL, or by its text when it has none",
                examples = "https://example.org/news/ferries-resume") String url,
        @Size(max = 200) @Schema(examples = "Harbour Gazette") String publisher,
        @Schema(examples = "2024-06-27T14:05:00Z") Instant publishedAt) {

    /** An article sent as text/plain: the text and nothing else. */
    static ArticleInput ofText(String text) {
        return new ArticleInput(text, null, null, null, null);
    }
}
