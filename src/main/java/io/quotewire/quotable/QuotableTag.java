package io.quotewire.quotable;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quotewire.tag.Tag;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tag in Quotable's shape. Tags are never edited here, so dateModified is dateAdded. */
@Schema(name = "QuotableTag")
public record QuotableTag(
        @JsonProperty("_id") @Schema(description = "The tag's id (a UUID here)") String id,
        @Schema(examples = "Human rights") String name,
        @Schema(examples = "human-rights") String slug,
        @Schema(description = "Number of quotes with this tag (attributed or not)") int quoteCount,
        LocalDate dateAdded,
        LocalDate dateModified) {

    static QuotableTag of(Tag tag) {
        LocalDate added = QuotableQuote.day(tag.createdAt);
        return new QuotableTag(tag.id.toString(), tag.name, tag.slug, tag.quoteCount, added, added);
    }
}
