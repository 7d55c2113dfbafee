package io.quotewire.quotable;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quotewire.quote.Quote;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quote in Quotable's shape. */
@Schema(name = "QuotableQuote")
public record QuotableQuote(
        @JsonProperty("_id") @Schema(description = "The quote's id (a UUID here)") String id,
        @Schema(description = "What was said") String content,
        @Schema(description = "The speaker's name") String author,
        @Schema(description = "The speaker's slug") String authorSlug,
        @Schema(description = "Length of content as JavaScript counts it (UTF-16 code units)") int length,
        @Schema(description = "Tag names") List<String> tags,
        @Schema(description = "Day the quote was added (UTC)") LocalDate dateAdded,
        @Schema(description = "Day the quote was last changed (UTC)") LocalDate dateModified) {

    /** Quotable's form of a stored quote; only attributed quotes have one (Quotable has no quote without author). */
    static QuotableQuote of(Quote quote) {
        return new QuotableQuote(quote.id.toString(), quote.text, quote.speaker.name, quote.speaker.slug, quote.text.length(),
                quote.tags.stream().map(t -> t.name).sorted().toList(), day(quote.createdAt), day(quote.updatedAt));
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
