package io.quotewire.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One CSV row as a quote: its speaker by name, its source by URL (or an id already stored). */
final class CsvQuotes {

    private CsvQuotes() {
    }

    static Rows.Parsed parse(Map<String, String> row, long line) throws BadRecord {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        row.forEach((column, value) -> {
            if (value != null && !value.isEmpty()) {
                node.put(column, value);
            }
        });
        String text = JsonFields.required(node, "text", JsonFields.MAX_QUOTE);
        String type = orDefault(JsonFields.text(node, "type", 20), "direct");
        if (!QuotewireNdjson.TYPES.contains(type)) {
            throw new BadRecord("type must be direct or indirect");
        }
        String status = orDefault(JsonFields.text(node, "status", 20), "unverified");
        if (!QuotewireNdjson.STATUSES.contains(status)) {
            throw new BadRecord("status must be one of " + QuotewireNdjson.STATUSES);
        }
        String name = JsonFields.text(node, "speakerName", JsonFields.MAX_NAME);
        String wikidataId = name == null ? null : JsonFields.wikidataId(JsonFields.text(node, "speakerWikidataId", 20), "speakerWikidataId");
        String url = JsonFields.url(JsonFields.text(node, "sourceUrl", JsonFields.MAX_URL), "sourceUrl");
        UUID sourceId = JsonFields.uuid(JsonFields.text(node, "sourceId", 36), "sourceId");
        if (url == null && sourceId == null) {
            throw new BadRecord("sourceUrl (or the sourceId of a stored source) is required");
        }
        Integer start = integer(node, "start");
        Integer end = integer(node, "end");
        if ((start == null) != (end == null) || (start != null && start > end)) {
            throw new BadRecord("start and end go together, start not after end");
        }
        Double confidence = JsonFields.probability(node.get("confidence"), "confidence");
        Map<String, String> externalIds = externalIds(JsonFields.text(node, "externalIds", 2000));
        var quotedOn = JsonFields.date(node, "quotedOn");
        Speakers.Named speaker = Speakers.named(name, wikidataId);
        List<Rows.SourceRow> sources = new ArrayList<>();
        if (url != null) {
            Rows.SourceRow source = Sources.byUrl(url, JsonFields.text(node, "sourceTitle", JsonFields.MAX_TITLE), null, null);
            sources.add(source);
            sourceId = source.id();
        }
        String context = JsonFields.text(node, "context", JsonFields.MAX_CONTEXT);
        Rows.QuoteRow quote = new Rows.QuoteRow(line, Ids.quote(speaker.key(), text), text, type, speaker.id(), sourceId, context, start, end,
                JsonFields.text(node, "language", 35), status, quotedOn, confidence, externalIds, JsonFields.text(node, "attributionRule", 100),
                List.of(), 0, null, null, false, List.of(new Rows.AppearanceRow(null, sourceId, start, end, context, quotedOn, null)));
        return Rows.Parsed.of(speaker.row() == null ? List.of() : List.of(speaker.row()), sources, List.of(quote));
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static Integer integer(JsonNode node, String field) throws BadRecord {
        String text = JsonFields.text(node, field, 10);
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadRecord(field + " must be a whole number from 0");
        }
    }


    private static Map<String, String> externalIds(String json) throws BadRecord {
        Map<String, String> ids = new LinkedHashMap<>();
        if (json == null) {
            return ids;
        }
        JsonNode node = JsonLines.object(json);
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            if (!field.getValue().isTextual()) {
                throw new BadRecord("externalIds must be a JSON object of strings");
            }
            ids.put(JsonFields.checked(field.getKey(), "externalIds", 50), JsonFields.checked(field.getValue().asText(), "externalIds", 200));
        }
        return ids;
    }
}
