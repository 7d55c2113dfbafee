package io.quotewire.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads one JSON object per line, with the limits of a line. */
final class JsonLines {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).build());
    }

    private JsonLines() {
    }

    static JsonNode object(String line) throws BadRecord {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadRecord("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadRecord("not a JSON object");
        }
        return node;
    }

    /** Refuses a first record that lacks any of the fields every record of the format has. */
    static void requireFields(String line, String format, String... fields) throws BadRecord {
        JsonNode node = object(line);
        for (String field : fields) {
            if (!node.has(field)) {
                throw new BadRecord("the first record has no field " + field + ", which every " + format + " record has");
            }
        }
    }
}
