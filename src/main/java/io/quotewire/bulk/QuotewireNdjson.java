package io.quotewire.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import io.quotewire.text.Slugs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Quotewire's own lossless format, as {@code GET /api/v1/quotes/export?format=ndjson} writes it: one record per
 * line, its kind in {@code record} (speaker, tag, source, quote), every field of the stored record with its id,
 * version and instants, and each quote with all its appearances. Speakers, tags and sources come before the
 * quotes that name them.
 */
final class QuotewireNdjson implements LineParser {

    static final Set<String> SOURCE_KINDS = Set.of("article", "briefing", "speech", "interview", "statement", "social-post", "book", "other");
    static final Set<String> TYPES = Set.of("direct", "indirect");
    static final Set<String> STATUSES = Set.of("unverified", "verified", "disputed", "misattributed");

    @Override
    public void checkFormat(String firstRecord) throws BadRecord {
        JsonNode node = JsonLines.object(firstRecord);
        JsonNode record = node.get("record");
        if (record == null || !Set.of("speaker", "tag", "source", "quote").contains(record.asText())) {
            throw new BadRecord("the first record has no field record naming speaker, tag, source or quote, which every Quotewire NDJSON line has");
        }
    }

    @Override
    public Rows.Parsed parse(String line, long lineNumber) throws BadRecord {
        JsonNode node = JsonLines.object(line);
        String record = JsonFields.required(node, "record", 20);
        return switch (record) {
            case "speaker" -> new Rows.Parsed(List.of(speaker(node)), List.of(), List.of(), List.of());
            case "source" -> new Rows.Parsed(List.of(), List.of(source(node)), List.of(), List.of());
            case "tag" -> new Rows.Parsed(List.of(), List.of(), List.of(tag(node)), List.of());
            case "quote" -> new Rows.Parsed(List.of(), List.of(), List.of(), List.of(quote(node, lineNumber)));
            default -> throw new BadRecord("record must be speaker, tag, source or quote");
        };
    }

    private static Rows.SpeakerRow speaker(JsonNode node) throws BadRecord {
        String slug = JsonFields.required(node, "slug", Slugs.MAX_LENGTH);
        if (!Slugs.isSlug(slug)) {
            throw new BadRecord("slug must be lower-case words joined by hyphens");
        }
        return new Rows.SpeakerRow(uuid(node, "id", true), slug, JsonFields.verbatimRequired(node, "name", JsonFields.MAX_NAME),
                JsonFields.verbatimStrings(node, "aliases", JsonFields.MAX_NAME), JsonFields.verbatim(node, "role", JsonFields.MAX_NAME),
                JsonFields.verbatim(node, "organization", JsonFields.MAX_NAME), JsonFields.verbatim(node, "description", 2000),
                JsonFields.wikidataId(JsonFields.text(node, "wikidataId", 20), "wikidataId"), JsonFields.version(node),
                requiredInstant(node, "createdAt"), requiredInstant(node, "updatedAt"), true);
    }

    private static Rows.SourceRow source(JsonNode node) throws BadRecord {
        String kind = JsonFields.required(node, "kind", 20);
        if (!SOURCE_KINDS.contains(kind)) {
            throw new BadRecord("kind must be one of " + SOURCE_KINDS);
        }
        return new Rows.SourceRow(uuid(node, "id", true), kind, JsonFields.verbatimRequired(node, "title", JsonFields.MAX_TITLE),
                JsonFields.url(JsonFields.verbatim(node, "url", JsonFields.MAX_URL), "url"), JsonFields.verbatim(node, "publisher", JsonFields.MAX_NAME),
                JsonFields.verbatimStrings(node, "authors", JsonFields.MAX_NAME), JsonFields.instant(node, "publishedAt"),
                JsonFields.verbatim(node, "language", 35), JsonFields.verbatim(node, "text", JsonFields.MAX_SOURCE_TEXT), JsonFields.version(node), requiredInstant(node, "createdAt"),
                requiredInstant(node, "updatedAt"), true);
    }

    private static Rows.TagRow tag(JsonNode node) throws BadRecord {
        String slug = JsonFields.required(node, "slug", 60);
        if (!Slugs.isSlug(slug)) {
            throw new BadRecord("slug must be lower-case words joined by hyphens");
        }
        return new Rows.TagRow(uuid(node, "id", true), slug, JsonFields.verbatimRequired(node, "name", 60), requiredInstant(node, "createdAt"));
    }

    private static Rows.QuoteRow quote(JsonNode node, long line) throws BadRecord {
        String type = JsonFields.required(node, "type", 20);
        if (!TYPES.contains(type)) {
            throw new BadRecord("type must be direct or indirect");
        }
        String status = JsonFields.required(node, "status", 20);
        if (!STATUSES.contains(status)) {
            throw new BadRecord("status must be one of " + STATUSES);
        }
        Integer start = JsonFields.integer(node, "start");
        Integer end = JsonFields.integer(node, "end");
        checkOffsets(start, end, "");
        Map<String, String> externalIds = new LinkedHashMap<>();
        JsonNode ids = node.get("externalIds");
        if (ids != null && !ids.isNull()) {
            if (!ids.isObject()) {
                throw new BadRecord("externalIds must be an object of strings");
            }
            for (var field : (Iterable<Map.Entry<String, JsonNode>>) ids::fields) {
                if (!field.getValue().isTextual()) {
                    throw new BadRecord("externalIds must be an object of strings");
                }
                externalIds.put(JsonFields.checked(field.getKey(), "externalIds", 50), JsonFields.checked(field.getValue().asText(), "externalIds", 200));
            }
        }
        List<Rows.AppearanceRow> appearances = new ArrayList<>();
        JsonNode list = node.get("appearances");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new BadRecord("appearances must be an array");
            }
            int index = 0;
            for (JsonNode item : list) {
                String field = "appearances[" + index++ + "].";
                if (!item.isObject()) {
                    throw new BadRecord("appearances must hold objects");
                }
                Integer s = JsonFields.integer(item, "start");
                Integer e = JsonFields.integer(item, "end");
                checkOffsets(s, e, field);
                appearances.add(new Rows.AppearanceRow(uuid(item, "id", true), uuid(item, "sourceId", true), s, e,
                        JsonFields.verbatim(item, "context", JsonFields.MAX_CONTEXT), JsonFields.date(item, "seenOn"), requiredInstant(item, "createdAt")));
            }
        }
        List<String> tags = JsonFields.strings(node, "tags", 60);
        for (String tag : tags) {
            if (!Slugs.isSlug(tag)) {
                throw new BadRecord("tags must be tag slugs");
            }
        }
        Double confidence = JsonFields.probability(node.get("confidence"), "confidence");
        return new Rows.QuoteRow(line, uuid(node, "id", true), JsonFields.verbatimRequired(node, "text", JsonFields.MAX_QUOTE), type,
                uuid(node, "speakerId", false), uuid(node, "sourceId", true), JsonFields.verbatim(node, "context", JsonFields.MAX_CONTEXT), start, end,
                JsonFields.verbatim(node, "language", 35), status, JsonFields.date(node, "quotedOn"), confidence, externalIds,
                JsonFields.verbatim(node, "attributionRule", 100), tags, JsonFields.version(node), requiredInstant(node, "createdAt"),
                requiredInstant(node, "updatedAt"), true, appearances);
    }

    private static void checkOffsets(Integer start, Integer end, String prefix) throws BadRecord {
        if ((start == null) != (end == null)) {
            throw new BadRecord(prefix + "start and " + prefix + "end go together");
        }
        if (start != null && start > end) {
            throw new BadRecord(prefix + "start must not be after " + prefix + "end");
        }
    }

    private static Instant requiredInstant(JsonNode node, String field) throws BadRecord {
        Instant instant = JsonFields.instant(node, field);
        if (instant == null) {
            throw new BadRecord(field + " is missing");
        }
        return instant;
    }

    private static UUID uuid(JsonNode node, String field, boolean required) throws BadRecord {
        String text = JsonFields.text(node, field, 36);
        if (text == null && required) {
            throw new BadRecord(field + " is missing");
        }
        return JsonFields.uuid(text, field);
    }
}
