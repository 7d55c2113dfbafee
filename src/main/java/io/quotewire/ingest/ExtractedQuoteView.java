package io.quotewire.ingest;

import io.quotewire.quote.QuoteType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A quote found in the article, as the dry run shows it and an ingest would save it. The {@code rule}
 * enumeration lists the ids of {@link io.quotewire.extraction.AttributionRule} (a test keeps them equal).
 */
@Schema(name = "ExtractedQuote")
public record ExtractedQuoteView(
        @Schema(description = "The words exactly as in the (NFC-normalised) text") String text,
        @Schema(description = "Code-point offset of the first character in the text") int start,
        @Schema(description = "Code-point offset after the last character") int end,
        QuoteType type,
        @Schema(description = "The speech verb that attributes it", examples = "said") String cueVerb,
        @Schema(description = "The speaker as written at the attribution", examples = "he") String speakerMention,
        @Schema(description = "The resolved speaker; null when the article names nobody") SpeakerProposal speaker,
        @Schema(description = "The extraction rule that attributed it (docs/EXTRACTION.md describes each)",
                examples = "quote-speaker-verb", enumeration = {
                        "quote-verb-speaker", "quote-speaker-verb", "quote-according-to", "speaker-verb-intro",
                        "speaker-verb-partial", "possessor-statement", "sentence-subject-intro", "reported",
                        "according-to", "multi-paragraph", "same-paragraph", "continuation", "headline-echo",
                        "unattributed"})
        String rule,
        @Schema(description = "Rough confidence in the attribution, 0 to 1") double confidence,
        @Schema(description = "The sentence the quote stands in") String context) {
}
