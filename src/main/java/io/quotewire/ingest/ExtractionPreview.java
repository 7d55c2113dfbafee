package io.quotewire.ingest;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an ingest of the article would save, computed without saving anything. */
@Schema(name = "ExtractionPreview")
public record ExtractionPreview(
        @Schema(description = "The title the source would get") String title,
        @Schema(description = "The source already holding this article (same URL, or same text without one), in which case an ingest would change nothing; absent otherwise") UUID existingSourceId,
        List<ExtractedQuoteView> quotes,
        @Schema(description = "Every named speaker of the quotes, each matched to a stored speaker or new") List<SpeakerProposal> speakers) {
}
