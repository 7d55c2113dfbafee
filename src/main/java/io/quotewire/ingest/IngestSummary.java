package io.quotewire.ingest;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The records an ingest created or found: 201 when it created them, 200 when the article was already there. */
@Schema(name = "IngestSummary")
public record IngestSummary(
        UUID sourceId,
        @Schema(description = "False when the article was already stored and nothing was written") boolean created,
        @Schema(description = "The source's quotes in text order") List<UUID> quoteIds,
        @Schema(description = "Speakers this ingest created") List<UUID> speakersCreated,
        @Schema(description = "Stored speakers the quotes were attributed to") List<UUID> speakersLinked,
        Counts counts) {

    @Schema(name = "IngestCounts")
    public record Counts(int quotes, int speakersCreated, int speakersLinked, int aliasesAdded) {
    }
}
