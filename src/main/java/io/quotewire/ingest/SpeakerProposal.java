package io.quotewire.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A speaker the article quotes, and what an ingest does with it: link the stored speaker it matches, or create it.
 *
 * @param aliases   the names the article also uses for the speaker ("Patel", "Mr Patel") that the stored speaker
 *                  does not have yet; an ingest adds them
 * @param matchedBy how the stored speaker was matched; absent for a new speaker
 * @param id        the stored speaker's id; absent for a new speaker
 * @param slug      the stored speaker's slug, or the slug a new speaker would get
 */
@Schema(name = "SpeakerProposal")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpeakerProposal(
        @Schema(examples = "Vedant Patel") String name,
        @Schema(description = "Role or title the article gives") String role,
        String organization,
        List<String> aliases,
        @Schema(required = true) Resolution resolution,
        MatchRule matchedBy,
        UUID id,
        @Schema(examples = "vedant-patel") String slug) {

    /** Whether the speaker is already stored. */
    @Schema(name = "SpeakerResolution")
    public enum Resolution {
        EXISTING, NEW;

        @JsonValue
        public String wireValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The rule that matched a stored speaker (see docs/EXTRACTION.md). */
    @Schema(name = "SpeakerMatchRule")
    public enum MatchRule {
        NAME, ALIAS, SURNAME;

        @JsonValue
        public String wireValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
