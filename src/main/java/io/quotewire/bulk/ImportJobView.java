package io.quotewire.bulk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job as GET /api/v1/imports/{id} shows it. */
@Schema(name = "ImportJob")
public record ImportJobView(
        UUID id,
        @Schema(examples = "quotebank") String format,
        @Schema(enumeration = {"queued", "running", "succeeded", "failed"}) String state,
        @Schema(enumeration = {"load", "merge"}, description = "load: the database was empty, so the lines are staged, then loaded in one "
                + "transaction at the end (quotesCreated and quotesMerged are counted then); merge: batch by batch. Absent until the job first runs")
        String mode,
        @Schema(description = "Size of the file as sent, in bytes") long bytes,
        Counts counts,
        @Schema(description = "Quotes read per second of work so far (created and merged)") double rate,
        @Schema(description = "Why the job failed, when it did") String failure,
        @Schema(description = "The first lines refused, with their line numbers (CSV: the line a row ends on)") List<LineError> errors,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    @Schema(name = "ImportCounts")
    public record Counts(
            @Schema(description = "Lines (CSV: rows) handled") long records,
            @Schema(description = "New quotes") long quotesCreated,
            @Schema(description = "Quotes that were already stored or earlier in the file: their new appearances and ids were added") long quotesMerged,
            @Schema(description = "Appearances added besides the new quotes' own") long appearancesAdded,
            @Schema(description = "Lines refused") long skipped) {
    }

    @Schema(name = "ImportLineError")
    public record LineError(long line, String reason) {
    }
}
