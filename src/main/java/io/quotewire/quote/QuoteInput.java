package io.quotewire.quote;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a quote, as sent to create or replace one. */
@Schema(name = "QuoteInput")
public record QuoteInput(
        @NotBlank @Size(max = 10_000) @Schema(required = true, description = "The words, verbatim") String text,
        @NotNull @Schema(required = true) QuoteType type,
        @Size(max = 100) @Schema(description = "Id or slug of the speaker; absent when the source does not say who spoke", examples = "vedant-patel") String speakerId,
        @NotNull @Schema(required = true) UUID sourceId,
        @Size(max = 5000) @Schema(description = "The sentence the quote stands in; taken from the source text when absent and offsets are given") String context,
        @PositiveOrZero @Schema(description = "Code-point offset of the first character in the source text") Integer start,
        @PositiveOrZero @Schema(description = "Code-point offset after the last character; the source text between start and end must equal text") Integer end,
        @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", message = "must be a BCP 47 language tag such as en") @Schema(examples = "en") String language,
        @Size(max = 20) @Schema(description = "Tag slugs or names; unknown tags are created") List<@NotBlank @Size(max = 60) String> tags,
        @Schema(description = "Defaults to unverified") QuoteStatus status,
        @Schema(description = "The day the words were said; defaults to the source's publication date") LocalDate quotedOn) {
}
