package io.quotewire.tag;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tag as the API shows it. */
@Schema(name = "Tag")
public record TagView(UUID id, @Schema(examples = "human-rights") String slug, @Schema(examples = "Human rights") String name,
        @Schema(description = "Number of quotes with this tag") int quoteCount) {

    static TagView of(Tag tag) {
        return new TagView(tag.id, tag.slug, tag.name, tag.quoteCount);
    }
}
