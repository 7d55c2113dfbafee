package io.quotewire.speaker;

import io.quotewire.text.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a speaker, as sent to create or replace one. */
@Schema(name = "SpeakerInput")
public record SpeakerInput(
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by hyphens, such as vedant-patel")
        @Schema(description = "Made from the name when absent", examples = "vedant-patel") String slug,
        @NotBlank @Size(max = 200) @Schema(required = true, examples = "Vedant Patel") String name,
        @Size(max = SpeakerInput.MAX_ALIASES) List<@NotBlank @Size(max = 200) String> aliases,
        @Size(max = 200) @Schema(examples = "Deputy Spokesperson") String role,
        @Size(max = 200) @Schema(examples = "US State Department") String organization,
        @Size(max = 2000) String description,
        @Pattern(regexp = "^Q[1-9][0-9]{0,11}$", message = "must be a Wikidata item id such as Q42") @Schema(examples = "Q42") String wikidataId) {

    /** The most aliases a speaker has. */
    public static final int MAX_ALIASES = 50;
}
