package io.quotewire.quotable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quotewire.speaker.Speaker;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A speaker in Quotable's shape; {@code quotes} only on GET /authors/slug/{slug}. */
@Schema(name = "QuotableAuthor")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuotableAuthor(
        @JsonProperty("_id") @Schema(description = "The speaker's id (a UUID here)") String id,
        String name,
        String slug,
        @Schema(description = "A few sentences about the speaker; empty when not known") String bio,
        @Schema(description = "A short description: the speaker's role; empty when not known") String description,
        @Schema(description = "The speaker's Wikidata page; empty when not known") String link,
        @Schema(description = "Number of quotes by this speaker") int quoteCount,
        LocalDate dateAdded,
        LocalDate dateModified,
        @Schema(description = "Only on GET /authors/slug/{slug}: the speaker's quotes, oldest first, at most 1,000") List<QuotableQuote> quotes) {

    static QuotableAuthor of(Speaker speaker) {
        return new QuotableAuthor(speaker.id.toString(), speaker.name, speaker.slug, orEmpty(speaker.description), orEmpty(speaker.role),
                speaker.wikidataId == null ? "" : "https://www.wikidata.org/wiki/" + speaker.wikidataId, speaker.quoteCount,
                QuotableQuote.day(speaker.createdAt), QuotableQuote.day(speaker.updatedAt), null);
    }

    QuotableAuthor withQuotes(List<QuotableQuote> theirs) {
        return new QuotableAuthor(id, name, slug, bio, description, link, quoteCount, dateAdded, dateModified, List.copyOf(theirs));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
