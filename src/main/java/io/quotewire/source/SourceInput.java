package io.quotewire.source;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a source, as sent to create or replace one. */
@Schema(name = "SourceInput")
public record SourceInput(
        @NotNull @Schema(required = true, examples = "briefing") SourceKind kind,
        @NotBlank @Size(max = 500) @Schema(required = true, examples = "Department Press Briefing") String title,
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http or https URL") @Schema(examples = "https://example.org/briefings/2024-06-27") String url,
        @Size(max = 200) @Schema(examples = "US Department of State") String publisher,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> authors,
        @Schema(examples = "2024-06-27T14:05:00Z") Instant publishedAt,
        @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", message = "must be a BCP 47 language tag such as en or en-GB") @Schema(examples = "en") String language,
        @Size(max = 1_000_000) @Schema(description = "The full text; quote offsets point into it") String text) {
}
