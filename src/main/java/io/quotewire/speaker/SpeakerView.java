package io.quotewire.speaker;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A speaker as the API shows it. */
@Schema(name = "Speaker")
public record SpeakerView(
        UUID id,
        String slug,
        String name,
        List<String> aliases,
        String role,
        String organization,
        String description,
        String wikidataId,
        @Schema(description = "Number of quotes attributed to the speaker") int quoteCount,
        Instant createdAt,
        Instant updatedAt) {

    static SpeakerView of(Speaker speaker) {
        return new SpeakerView(speaker.id, speaker.slug, speaker.name, List.copyOf(speaker.aliases), speaker.role,
                speaker.organization, speaker.description, speaker.wikidataId, speaker.quoteCount, speaker.createdAt, speaker.updatedAt);
    }

    SpeakerInput toInput() {
        return new SpeakerInput(slug, name, aliases, role, organization, description, wikidataId);
    }
}
