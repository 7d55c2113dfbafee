package io.quotewire.bulk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a line of any format becomes before it is written: speakers, sources, tags and quotes with their appearances,
 * each with an id. Rows read from a Quotewire export are {@code exact}: their ids, versions and instants are kept and
 * they match stored records by id only. The others carry ids derived from their content ({@link Ids}) and also match
 * stored records by natural key (a speaker by Wikidata id or name, a source by URL, a quote by speaker and text).
 */
final class Rows {

    private Rows() {
    }

    record SpeakerRow(UUID id, String slug, String name, List<String> aliases, String role, String organization, String description,
            String wikidataId, long version, Instant createdAt, Instant updatedAt, boolean exact) {
    }

    record SourceRow(UUID id, String kind, String title, String url, String publisher, List<String> authors, Instant publishedAt,
            String language, String text, long version, Instant createdAt, Instant updatedAt, boolean exact) {
    }

    record TagRow(UUID id, String slug, String name, Instant createdAt) {
    }

    record AppearanceRow(UUID id, UUID sourceId, Integer start, Integer end, String context, LocalDate seenOn, Instant createdAt) {
    }

    record QuoteRow(long line, UUID id, String text, String type, UUID speakerId, UUID sourceId, String context, Integer start,
            Integer end, String language, String status, LocalDate quotedOn, Double confidence, Map<String, String> externalIds,
            String attributionRule, List<String> tags, long version, Instant createdAt, Instant updatedAt, boolean exact,
            List<AppearanceRow> appearances) {
    }

    /** Everything one line holds. */
    record Parsed(List<SpeakerRow> speakers, List<SourceRow> sources, List<TagRow> tags, List<QuoteRow> quotes) {
        static Parsed of(List<SpeakerRow> speakers, List<SourceRow> sources, List<QuoteRow> quotes) {
            return new Parsed(speakers, sources, List.of(), quotes);
        }
    }
}
