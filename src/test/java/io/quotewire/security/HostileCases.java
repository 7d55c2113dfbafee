package io.quotewire.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The table of hostile requests: generated per endpoint of openapi.yaml from the fields of its input, so a new field
 * or endpoint only needs a line here. Paths and bodies may hold placeholders ({quote}, {source}, {speaker}, {tag},
 * {cursor:list:kind}) that the test fills with records it created, so that the input, not a missing record, is what
 * a request gets refused for.
 */
final class HostileCases {

    /** What a case expects: these statuses; and for a 200, whether the list must come back empty. */
    record Case(String family, String name, String operation, String method, String path, String contentType, String auth,
            byte[] body, Set<Integer> expected, boolean emptyList, String ifMatch) {

        Case(String family, String name, String operation, String method, String path, String contentType, String auth,
                byte[] body, Set<Integer> expected, boolean emptyList) {
            this(family, name, operation, method, path, contentType, auth, body, expected, emptyList, null);
        }

        @Override
        public String toString() {
            return family + ": " + name;
        }
    }

    static final String EDITOR = "editor";
    static final String ADMIN = "admin";
    static final String JSON = "application/json";
    static final String MERGE_PATCH = "application/merge-patch+json";
    /** Content-Type headers the test sends by hand (RestAssured always names a valid one): "raw:" and the header's value, none when empty. */
    static final String RAW = "raw:";
    /** Stand-ins for the 10 MB bodies, made only when sent so the table stays small. */
    static final String TEN_MB_JSON = "{ten-megabytes-of-json}";
    static final String TEN_MB_TEXT = "{ten-megabytes-of-text}";

    private enum Kind { STRING, ENUM, UUID, DATE, INSTANT, INT, STRING_LIST }

    private record Field(String name, Kind kind, String valid, int maxLength) {
    }

    /** One input schema and where it is written. */
    private record Input(String name, List<Field> fields, String collection, String item, String patchField) {
        /** The valid body, in JSON, with one field set to a raw JSON value (or left out with null). */
        String bodyWith(String field, String rawValue) {
            Map<String, String> values = new LinkedHashMap<>();
            fields.stream().filter(f -> f.valid() != null).forEach(f -> values.put(f.name(), f.valid()));
            if (rawValue == null) {
                values.remove(field);
            } else {
                values.put(field, rawValue);
            }
            return values.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
        }
    }

    private static final Input QUOTE = new Input("quote", List.of(
            new Field("text", Kind.STRING, "\"Hostile probe words\"", 10_000),
            new Field("type", Kind.ENUM, "\"direct\"", 0),
            new Field("speakerId", Kind.STRING, "\"{speaker}\"", 100),
            new Field("sourceId", Kind.UUID, "\"{source}\"", 0),
            new Field("context", Kind.STRING, "\"Hostile probe words, in context.\"", 5_000),
            new Field("start", Kind.INT, null, 0),
            new Field("end", Kind.INT, null, 0),
            new Field("language", Kind.STRING, "\"en\"", 0),
            new Field("tags", Kind.STRING_LIST, "[\"hostile-probe\"]", 20),
            new Field("status", Kind.ENUM, "\"unverified\"", 0),
            new Field("quotedOn", Kind.DATE, "\"2024-05-02\"", 0)),
            "/api/v1/quotes", "/api/v1/quotes/{quote}", "context");

    private static final Input SPEAKER = new Input("speaker", List.of(
            new Field("slug", Kind.STRING, null, 80),
            new Field("name", Kind.STRING, "\"Hostile Probe Speaker\"", 200),
            new Field("aliases", Kind.STRING_LIST, "[\"Probe\"]", 50),
            new Field("role", Kind.STRING, "\"Tester\"", 200),
            new Field("organization", Kind.STRING, "\"Quotewire\"", 200),
            new Field("description", Kind.STRING, "\"Sends hostile input\"", 2_000),
            new Field("wikidataId", Kind.STRING, "\"Q42\"", 0)),
            "/api/v1/speakers", "/api/v1/speakers/{speaker}", "role");

    private static final Input SOURCE = new Input("source", List.of(
            new Field("kind", Kind.ENUM, "\"article\"", 0),
            new Field("title", Kind.STRING, "\"Hostile probe source\"", 500),
            new Field("url", Kind.STRING, "\"https://example.org/hostile-probe\"", 2_000),
            new Field("publisher", Kind.STRING, "\"Probe Gazette\"", 200),
            new Field("authors", Kind.STRING_LIST, "[\"A. Prober\"]", 50),
            new Field("publishedAt", Kind.INSTANT, "\"2024-05-02T10:00:00Z\"", 0),
            new Field("language", Kind.STRING, "\"en\"", 0),
            new Field("text", Kind.STRING, "\"Probe text.\"", 0)),
            "/api/v1/sources", "/api/v1/sources/{source}", "publisher");

    private static final Input ARTICLE = new Input("article", List.of(
            new Field("text", Kind.STRING, "\"Probe headline\\n\\nThe prober said: \\\"This is only a probe.\\\"\"", 0),
            new Field("title", Kind.STRING, "\"Probe headline\"", 500),
            new Field("url", Kind.STRING, "\"https://example.org/probe-article\"", 2_000),
            new Field("publisher", Kind.STRING, "\"Probe Gazette\"", 200),
            new Field("publishedAt", Kind.INSTANT, "\"2024-05-02T10:00:00Z\"", 0)),
            "/api/v1/articles", null, null);

    private static final Input EXTRACTION = new Input("extraction", ARTICLE.fields(), "/api/v1/extractions", null, null);

    /** A write of an input: method, path, content type and the JSON body it takes for a given field value. */
    private record Write(Input input, String method, String path, String contentType, boolean patch) {
        String operation() {
            return method + " " + path.replace("{quote}", "{id}").replace("{source}", "{id}").replace("{speaker}", "{idOrSlug}");
        }

        String body(String field, String rawValue) {
            return patch ? "{\"" + field + "\":" + rawValue + "}" : input.bodyWith(field, rawValue);
        }

        String validBody() {
            return patch ? "{\"" + input.patchField() + "\":\"probe\"}" : input.bodyWith("-", null);
        }
    }

    private static final List<Write> WRITES = List.of(
            new Write(QUOTE, "POST", QUOTE.collection(), JSON, false),
            new Write(QUOTE, "PUT", QUOTE.item(), JSON, false),
            new Write(QUOTE, "PATCH", QUOTE.item(), MERGE_PATCH, true),
            new Write(SPEAKER, "POST", SPEAKER.collection(), JSON, false),
            new Write(SPEAKER, "PUT", SPEAKER.item(), JSON, false),
            new Write(SPEAKER, "PATCH", SPEAKER.item(), MERGE_PATCH, true),
            new Write(SOURCE, "POST", SOURCE.collection(), JSON, false),
            new Write(SOURCE, "PUT", SOURCE.item(), JSON, false),
            new Write(SOURCE, "PATCH", SOURCE.item(), MERGE_PATCH, true),
            new Write(ARTICLE, "POST", ARTICLE.collection(), JSON, false),
            new Write(EXTRACTION, "POST", EXTRACTION.collection(), JSON, false));

    /** Every list and the operation it is. */
    private static final Map<String, String> LISTS = Map.of(
            "quotes", "/api/v1/quotes",
            "sources", "/api/v1/sources",
            "speakers", "/api/v1/speakers",
            "tags", "/api/v1/tags",
            "sourceQuotes", "/api/v1/sources/{source}/quotes",
            "speakerQuotes", "/api/v1/speakers/{speaker}/quotes");

    /** The reads that take the quote filters. */
    private static final List<String> QUOTE_FILTERED = List.of("/api/v1/quotes", "/api/v1/quotes/random", "/api/v1/quotes/facets",
            "/api/v1/sources/{source}/quotes", "/api/v1/speakers/{speaker}/quotes");

    /** Every GET of openapi.yaml, with its placeholders filled by the test. */
    private static final List<String> READS = List.of("/api/v1/quotes", "/api/v1/quotes/facets", "/api/v1/quotes/random",
            "/api/v1/quotes/today", "/api/v1/quotes/{quote}", "/api/v1/sources", "/api/v1/sources/{source}",
            "/api/v1/sources/{source}/quotes", "/api/v1/speakers", "/api/v1/speakers/{speaker}", "/api/v1/speakers/{speaker}/quotes",
            "/api/v1/tags", "/api/v1/tags/{tag}", "/problems/{slug}");

    private final List<Case> cases = new ArrayList<>();

    private HostileCases() {
    }

    static List<Case> all() {
        HostileCases table = new HostileCases();
        table.wrongJsonTypes();
        table.outOfRangeNumbers();
        table.invalidUuids();
        table.forgedCursors();
        table.invalidDatesAndEnums();
        table.overLongStrings();
        table.controlCharacters();
        table.invalidUtf8();
        table.deepNesting();
        table.duplicateKeys();
        table.hugeBodies();
        table.metacharacters();
        table.wrongContentTypes();
        table.unsupportedMethods();
        table.stalePreconditions();
        table.bulk();
        table.unknownQueryParameters();
        table.longQueries();
        table.quotable();
        return List.copyOf(table.cases);
    }

    // --- families ---

    private void wrongJsonTypes() {
        for (Write write : WRITES) {
            for (Field field : write.input().fields()) {
                for (String wrong : wrongValues(field.kind())) {
                    add("wrong-json-type", write, field.name() + "=" + wrong, write.body(field.name(), wrong), 400);
                }
            }
        }
    }

    private static List<String> wrongValues(Kind kind) {
        return switch (kind) {
            case STRING -> List.of("12345", "true", "{\"a\":\"b\"}");
            case ENUM -> List.of("0", "true", "[\"direct\"]");
            case UUID -> List.of("12345", "true", "{\"a\":\"b\"}");
            case DATE -> List.of("20240502", "true", "[\"2024-05-02\"]");
            case INSTANT -> List.of("1719497100", "true", "{\"a\":\"b\"}");
            case INT -> List.of("\"5\"", "1.5", "[5]");
            case STRING_LIST -> List.of("\"x\"", "{\"a\":\"b\"}", "[5]");
        };
    }

    private void outOfRangeNumbers() {
        for (Map.Entry<String, String> list : LISTS.entrySet()) {
            for (String limit : List.of("-1", "0", "2147483648", "99999999999999999999", "1e2", "-99999999999999999999")) {
                read("out-of-range-number", list.getValue(), "limit=" + limit, 400);
            }
        }
        for (String count : List.of("0", "-1", "51", "2147483648", "99999999999999999999", "1.5")) {
            read("out-of-range-number", "/api/v1/quotes/random", "count=" + count, 400);
        }
        for (String top : List.of("0", "-1", "101", "2147483648")) {
            read("out-of-range-number", "/api/v1/quotes/facets", "top=" + top, 400);
        }
        for (String path : List.of("/api/v1/quotes", "/api/v1/quotes/random", "/api/v1/quotes/facets")) {
            for (String query : List.of("minLength=-1", "minLength=100001", "maxLength=-5", "maxLength=99999999999999999999", "minLength=10&maxLength=5")) {
                read("out-of-range-number", path, query, 400);
            }
        }
        for (Write write : WRITES.subList(0, 3)) {
            for (String field : List.of("start", "end")) {
                for (String value : List.of("-1", "2147483648", "99999999999999999999", "1e400", "-2147483649")) {
                    add("out-of-range-number", write, field + "=" + value, write.body(field, value), 400);
                }
            }
        }
    }

    private void invalidUuids() {
        List<String> garbage = List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e5f0",
                "%7B%7D", "0190a6a4+3b1e+7c2d+9f00+5a1b2c3d4e5f");
        for (String id : garbage) {
            for (String item : List.of("/api/v1/quotes/", "/api/v1/sources/")) {
                String operation = item + "{id}";
                Input input = item.contains("quotes") ? QUOTE : SOURCE;
                cases.add(new Case("invalid-uuid", "GET " + item + id, "GET " + operation, "GET", item + id, null, null, null, Set.of(400), false));
                cases.add(new Case("invalid-uuid", "PUT " + item + id, "PUT " + operation, "PUT", item + id, JSON, EDITOR,
                        bytes(input.bodyWith("-", null)), Set.of(400), false));
                cases.add(new Case("invalid-uuid", "PATCH " + item + id, "PATCH " + operation, "PATCH", item + id, MERGE_PATCH, EDITOR,
                        bytes("{\"language\":\"en\"}"), Set.of(400), false));
                cases.add(new Case("invalid-uuid", "DELETE " + item + id, "DELETE " + operation, "DELETE", item + id, null, ADMIN, null,
                        Set.of(400), false));
            }
            cases.add(new Case("invalid-uuid", "GET sources/" + id + "/quotes", "GET /api/v1/sources/{id}/quotes", "GET",
                    "/api/v1/sources/" + id + "/quotes", null, null, null, Set.of(400), false));
            for (String path : List.of("/api/v1/quotes", "/api/v1/quotes/random", "/api/v1/quotes/facets")) {
                read("invalid-uuid", path, "source=" + id, 400);
            }
            // speakers and tags are addressed by id or slug: a malformed one names no record
            cases.add(new Case("invalid-uuid", "GET speakers/" + id, "GET /api/v1/speakers/{idOrSlug}", "GET", "/api/v1/speakers/" + id,
                    null, null, null, Set.of(400, 404), false));
        }
        // a well-formed quote id that does not exist, in a body
        for (Write write : WRITES.subList(0, 2)) {
            add("invalid-uuid", write, "sourceId unknown", write.body("sourceId", "\"0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e5f\""), 400);
        }
    }

    private void forgedCursors() {
        Map<String, String> textSort = Map.of("sources", "&sort=title", "speakers", "&sort=name", "tags", "&sort=slug");
        for (Map.Entry<String, String> list : LISTS.entrySet()) {
            for (String kind : List.of("garbage", "notBase64", "flipped", "truncated", "otherList")) {
                read("forged-cursor", list.getValue(), "limit=1&cursor={cursor:" + kind + "}", 400);
            }
            // re-signed cursors (the checksum is no secret) whose sort value the database could not compare
            String instantSort = list.getKey().equals("tags") ? "" : "&sort=createdAt";
            read("forged-cursor", list.getValue(), "limit=1" + instantSort + "&cursor={cursor:resignedYear}", 400);
            read("forged-cursor", list.getValue(), "limit=1" + textSort.getOrDefault(list.getKey(), "") + "&cursor={cursor:resignedNul}", 400);
        }
    }

    private void invalidDatesAndEnums() {
        List<String> dated = new ArrayList<>(QUOTE_FILTERED);
        dated.add("/api/v1/sources");
        for (String path : dated) {
            for (String query : List.of("from=2024-13-01", "from=2024-02-30", "from=%2B999999999-12-31", "to=-999999999-01-01",
                    "from=2024-1-1", "to=2024-05-02T00:00:00Z", "from=2024-05-02&to=2024-05-01")) {
                read("invalid-date-or-enum", path, query, 400);
            }
        }
        for (String path : QUOTE_FILTERED) {
            for (String query : List.of("type=DIRECT", "type=1", "status=approved", "status=verified%20", "language=EN_us", "tag=Not%20A%20Slug")) {
                read("invalid-date-or-enum", path, query, 400);
            }
        }
        for (String path : LISTS.values()) {
            for (String query : List.of("sort=nope", "sort=-createdAt,-createdAt,-createdAt", "includeTotal=yes")) {
                read("invalid-date-or-enum", path, query, 400);
            }
        }
        for (Write write : WRITES.subList(0, 3)) {
            for (String date : List.of("\"2024-02-30\"", "\"+999999999-12-31\"", "\"02/05/2024\"")) {
                add("invalid-date-or-enum", write, "quotedOn=" + date, write.body("quotedOn", date), 400);
            }
            for (String value : List.of("\"DIRECT\"", "\"quote\"", "\"\"")) {
                add("invalid-date-or-enum", write, "type=" + value, write.body("type", value), 400);
            }
            add("invalid-date-or-enum", write, "status=approved", write.body("status", "\"approved\""), 400);
        }
        for (Write write : WRITES) {
            if (write.input() == SOURCE || write.input() == ARTICLE || write.input() == EXTRACTION) {
                for (String instant : List.of("\"2024-06-27\"", "\"2024-06-27T14:05:00\"", "\"+999999999-12-31T23:59:59Z\"", "\"-0001-01-01T00:00:00Z\"")) {
                    add("invalid-date-or-enum", write, "publishedAt=" + instant, write.body("publishedAt", instant), 400);
                }
            }
            if (write.input() == SOURCE) {
                for (String kind : List.of("\"tweet\"", "\"ARTICLE\"", "\"\"")) {
                    add("invalid-date-or-enum", write, "kind=" + kind, write.body("kind", kind), 400);
                }
            }
        }
    }

    private void overLongStrings() {
        for (Write write : WRITES) {
            if (write.patch()) {
                continue;
            }
            for (Field field : write.input().fields()) {
                if (field.maxLength() == 0) {
                    continue;
                }
                String tooLong = field.kind() == Kind.STRING_LIST
                        ? "[" + String.join(",", java.util.Collections.nCopies(field.maxLength() + 1, "\"x\"")) + "]"
                        : "\"" + (field.name().equals("url") ? "https://example.org/" + "a".repeat(field.maxLength()) : "a".repeat(field.maxLength() + 1)) + "\"";
                add("over-long-string", write, field.name() + " longer than " + field.maxLength(), write.body(field.name(), tooLong), 400);
            }
        }
        String longTag = "[\"" + "a".repeat(61) + "\"]";
        add("over-long-string", WRITES.get(0), "a tag longer than 60", WRITES.get(0).body("tags", longTag), 400);
        for (String path : QUOTE_FILTERED) {
            read("over-long-string", path, "q=" + "a".repeat(501), 400);
            read("over-long-string", path, "speaker=" + "a".repeat(101), 400);
            read("over-long-string", path, "tag=" + "a".repeat(501), 400);
        }
        read("over-long-string", "/api/v1/speakers", "q=" + "a".repeat(201), 400);
        read("over-long-string", "/api/v1/speakers", "name=" + "a".repeat(201), 400);
        read("over-long-string", "/api/v1/sources", "publisher=" + "a".repeat(201), 400);
        for (String path : LISTS.values()) {
            read("over-long-string", path, "cursor=" + "A".repeat(2001), 400);
        }
        String longId = "a".repeat(3000); // longer, and the request line outgrows what the HTTP layer parses (414)
        cases.add(new Case("over-long-string", "GET quotes/3000 chars", "GET /api/v1/quotes/{id}", "GET", "/api/v1/quotes/" + longId, null, null, null, Set.of(400), false));
        cases.add(new Case("over-long-string", "GET sources/3000 chars", "GET /api/v1/sources/{id}", "GET", "/api/v1/sources/" + longId, null, null, null, Set.of(400), false));
        cases.add(new Case("over-long-string", "GET speakers/3000 chars", "GET /api/v1/speakers/{idOrSlug}", "GET", "/api/v1/speakers/" + longId, null, null, null, Set.of(404), false));
        cases.add(new Case("over-long-string", "GET tags/3000 chars", "GET /api/v1/tags/{slug}", "GET", "/api/v1/tags/" + longId, null, null, null, Set.of(404), false));
        cases.add(new Case("over-long-string", "GET problems/3000 chars", "GET /problems/{slug}", "GET", "/problems/" + longId, null, null, null, Set.of(404), false));
    }

    private void controlCharacters() {
        for (Write write : WRITES) {
            if (write.method().equals("PUT")) {
                continue;
            }
            for (Field field : write.input().fields()) {
                if (field.kind() != Kind.STRING && field.kind() != Kind.STRING_LIST) {
                    continue;
                }
                for (String control : List.of("\\u0007", "\\u001b[2J", "\\u0000", "\\u0085")) {
                    String value = "\"probe" + control + "\"";
                    add("control-character", write, field.name() + " with " + control, write.body(field.name(),
                            field.kind() == Kind.STRING_LIST ? "[" + value + "]" : value), 400);
                }
            }
        }
        for (String path : List.of("/api/v1/articles", "/api/v1/extractions")) {
            cases.add(new Case("control-character", "text/plain with BEL to " + path, "POST " + path, "POST", path, "text/plain", EDITOR,
                    bytes("Probe headline\n\nRing \u0007 the bell."), Set.of(400), false));
        }
        for (String path : READS) {
            for (String control : List.of("%07", "%1B%5B2J", "%7F", "%C2%85", "%0A")) {
                read("control-character", path, "q=probe" + control, 400);
            }
        }
        for (String path : List.of("/api/v1/speakers/a%0Ab", "/api/v1/tags/a%09b", "/problems/a%1Bb", "/api/v1/quotes/%00")) {
            cases.add(new Case("control-character", "GET " + path, operationOf("GET", path), "GET", path, null, null, null, Set.of(400), false));
        }
    }

    private void invalidUtf8() {
        Map<String, byte[]> sequences = new LinkedHashMap<>();
        sequences.put("lone 0xFF", new byte[] {(byte) 0xff});
        sequences.put("0xC3 0x28", new byte[] {(byte) 0xc3, 0x28});
        sequences.put("encoded surrogate", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
        sequences.put("overlong slash", new byte[] {(byte) 0xc0, (byte) 0xaf});
        sequences.put("truncated euro", new byte[] {(byte) 0xe2, (byte) 0x82});
        for (Write write : WRITES) {
            String field = write.input().fields().get(write.input() == SOURCE ? 1 : 0).name();
            String body = write.body(field, "\"probe@@\"");
            for (Map.Entry<String, byte[]> sequence : sequences.entrySet()) {
                cases.add(new Case("invalid-utf8", write.operation() + " " + field + " with " + sequence.getKey(), write.operation(), write.method(),
                        write.path(), write.contentType(), write.method().equals("DELETE") ? ADMIN : EDITOR, splice(body, sequence.getValue()), Set.of(400), false));
            }
        }
        for (String path : List.of("/api/v1/articles", "/api/v1/extractions")) {
            for (Map.Entry<String, byte[]> sequence : sequences.entrySet()) {
                cases.add(new Case("invalid-utf8", "text/plain " + path + " with " + sequence.getKey(), "POST " + path, "POST", path, "text/plain",
                        EDITOR, splice("Probe headline\n\nBad @@ bytes.", sequence.getValue()), Set.of(400), false));
            }
        }
        for (String path : READS) {
            for (String escaped : List.of("%FF", "%C3%28", "%ED%A0%80", "%C0%AF", "%E2%82")) {
                read("invalid-utf8", path, "q=" + escaped, 400);
            }
        }
        for (String path : List.of("/api/v1/speakers/%FF", "/api/v1/tags/%C3%28", "/api/v1/quotes/%ED%A0%80", "/problems/%FF",
                "/api/v1/sources/%C0%AF/quotes")) {
            cases.add(new Case("invalid-utf8", "GET " + path, operationOf("GET", path), "GET", path, null, null, null, Set.of(400), false));
        }
    }

    private void deepNesting() {
        String deepArray = "[".repeat(10_000) + "]".repeat(10_000);
        String deepObject = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        String justOverLimit = "[".repeat(40) + "]".repeat(40);
        for (Write write : WRITES) {
            add("deep-nesting", write, "10,000 nested arrays as the body", deepArray, 400);
            add("deep-nesting", write, "10,000 nested objects as the body", deepObject, 400);
            String field = write.input().fields().get(1).name();
            add("deep-nesting", write, "10,000 nested arrays in " + field, write.body(field, deepArray), 400);
            add("deep-nesting", write, "40 nested arrays in " + field, write.body(field, justOverLimit), 400);
        }
    }

    private void duplicateKeys() {
        for (Write write : WRITES) {
            Field first = write.input().fields().stream().filter(f -> f.valid() != null).findFirst().orElseThrow();
            String name = write.patch() ? write.input().patchField() : first.name();
            String value = write.patch() ? "\"probe\"" : first.valid();
            String valid = write.validBody();
            add("duplicate-key", write, name + " twice, same value", valid.replaceFirst("\\}$", ",\"" + name + "\":" + value + "}"), 400);
            add("duplicate-key", write, name + " twice, other value", valid.replaceFirst("\\}$", ",\"" + name + "\":\"other\"}"), 400);
        }
    }

    private void hugeBodies() {
        for (Write write : WRITES) {
            add("huge-body", write, "10 MB body", TEN_MB_JSON, 413);
            add("huge-body", write, "1 MiB + 1 byte body", "{\"text\":\"" + "a".repeat(1024 * 1024 - 10) + "\"}", 413);
        }
        for (String path : List.of("/api/v1/articles", "/api/v1/extractions")) {
            cases.add(new Case("huge-body", "10 MB text/plain to " + path, "POST " + path, "POST", path, "text/plain", EDITOR,
                    bytes(TEN_MB_TEXT), Set.of(413), false));
        }
    }

    private void metacharacters() {
        List<String> search = List.of("%27%20OR%20%271%27%3D%271", "%27%3B%20DROP%20TABLE%20quote%3B%20--", "%25", "_", "%5C", ".*%2B%28%5B",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%21%3A*%26%7C", "%22unterminated", "(a%7Cb)*c%24");
        for (String path : List.of("/api/v1/quotes", "/api/v1/quotes/random", "/api/v1/quotes/facets", "/api/v1/speakers")) {
            for (String q : search) {
                // free text is data: found or not, never syntax
                cases.add(new Case("metacharacter", "q=" + q + " on " + path, "GET " + path, "GET", path + "?q=" + q, null, null, null, Set.of(200), false));
            }
        }
        List<String> patterns = List.of("%25", "_", "%5C", "%27%20OR%20%271%27%3D%271", "%25%27%20OR%20%27%25%27%3D%27");
        for (String value : patterns) {
            // exact or prefix filters: a pattern character that were not escaped would match every record
            cases.add(new Case("metacharacter", "name=" + value, "GET /api/v1/speakers", "GET", "/api/v1/speakers?name=" + value, null, null, null, Set.of(200), true));
            cases.add(new Case("metacharacter", "publisher=" + value, "GET /api/v1/sources", "GET", "/api/v1/sources?publisher=" + value, null, null, null, Set.of(200), true));
            cases.add(new Case("metacharacter", "speaker=" + value, "GET /api/v1/quotes", "GET", "/api/v1/quotes?speaker=" + value, null, null, null, Set.of(200), true));
            read("metacharacter", "/api/v1/quotes", "tag=" + value, 400);
            read("metacharacter", "/api/v1/quotes", "language=" + value, 400);
            cases.add(new Case("metacharacter", "tag path " + value, "GET /api/v1/tags/{slug}", "GET", "/api/v1/tags/" + value, null, null, null, Set.of(404), false));
            cases.add(new Case("metacharacter", "speaker path " + value, "GET /api/v1/speakers/{idOrSlug}", "GET", "/api/v1/speakers/" + value, null, null, null, Set.of(404), false));
        }
    }

    private void wrongContentTypes() {
        for (Write write : WRITES) {
            List<String> types = new ArrayList<>(List.of("application/x-www-form-urlencoded", "application/xml", "text/html", "application/octet-stream",
                    RAW, RAW + " ", RAW + ";", RAW + "application", RAW + "application/json, text/plain", RAW + "*/*", RAW + "application/*"));
            if (!write.path().equals("/api/v1/articles") && !write.path().equals("/api/v1/extractions")) {
                types.add("text/plain");
            }
            types.add(write.patch() ? JSON : MERGE_PATCH);
            for (String type : types) {
                cases.add(new Case("wrong-content-type", write.operation() + " as " + type, write.operation(),
                        write.method(), write.path(), type, EDITOR, bytes(write.validBody()), Set.of(415), false));
            }
        }
    }

    private void unsupportedMethods() {
        for (String collection : List.of("/api/v1/quotes", "/api/v1/sources", "/api/v1/speakers", "/api/v1/tags")) {
            for (String method : List.of("PUT", "PATCH", "DELETE")) {
                cases.add(new Case("unsupported-method", method + " " + collection, method + " " + collection, method, collection,
                        method.equals("DELETE") ? null : JSON, method.equals("DELETE") ? ADMIN : EDITOR, method.equals("DELETE") ? null : bytes("{}"), Set.of(405), false));
            }
        }
        for (String path : List.of("/api/v1/quotes/{quote}", "/api/v1/sources/{source}", "/api/v1/speakers/{speaker}", "/api/v1/tags/{tag}",
                "/api/v1/quotes/facets", "/api/v1/sources/{source}/quotes", "/api/v1/speakers/{speaker}/quotes")) {
            cases.add(new Case("unsupported-method", "POST " + path, operationOf("POST", path), "POST", path, JSON, EDITOR, bytes("{}"), Set.of(405), false));
        }
        for (String method : List.of("PUT", "DELETE")) {
            cases.add(new Case("unsupported-method", method + " tag", method + " /api/v1/tags/{slug}", method, "/api/v1/tags/{tag}", null,
                    method.equals("DELETE") ? ADMIN : EDITOR, null, Set.of(405), false));
            cases.add(new Case("unsupported-method", method + " problem type", method + " /problems/{slug}", method, "/problems/validation", null,
                    method.equals("DELETE") ? ADMIN : EDITOR, null, Set.of(405), false));
        }
        for (String path : List.of("/api/v1/articles", "/api/v1/extractions")) {
            for (String method : List.of("GET", "PUT", "DELETE")) {
                cases.add(new Case("unsupported-method", method + " " + path, method + " " + path, method, path, null,
                        method.equals("DELETE") ? ADMIN : EDITOR, null, Set.of(405), false));
            }
        }
        // the fixed sub-resources are matched as an {id} by the other methods: an invalid id, or no such method
        cases.add(new Case("unsupported-method", "DELETE /api/v1/quotes/random", "DELETE /api/v1/quotes/random", "DELETE", "/api/v1/quotes/random",
                null, ADMIN, null, Set.of(400, 405), false));
        cases.add(new Case("unsupported-method", "PUT /api/v1/quotes/today", "PUT /api/v1/quotes/today", "PUT", "/api/v1/quotes/today",
                JSON, EDITOR, bytes(QUOTE.bodyWith("-", null)), Set.of(400, 405), false));
        cases.add(new Case("unsupported-method", "PATCH /api/v1/quotes/facets", "PATCH /api/v1/quotes/facets", "PATCH", "/api/v1/quotes/facets",
                MERGE_PATCH, EDITOR, bytes("{}"), Set.of(400, 405), false));
        List<String> every = new ArrayList<>(READS);
        every.addAll(List.of("/api/v1/articles", "/api/v1/extractions"));
        // the bulk operations (issue 13)
        every.addAll(List.of("/api/v1/imports", "/api/v1/imports/01a2361b-f96b-7046-9be4-c860f70e6d07", "/api/v1/quotes/export",
                "/api/v1/quotes/{quote}/appearances"));
        for (String path : every) {
            cases.add(new Case("unsupported-method", "TRACE " + path, operationOf("TRACE", path), "TRACE", path.replace("{slug}", "validation"),
                    null, null, null, Set.of(405), false));
        }
    }

    private void stalePreconditions() {
        for (String item : List.of("/api/v1/quotes/{quote}", "/api/v1/sources/{source}", "/api/v1/speakers/{speaker}")) {
            cases.add(new Case("stale-if-match", "DELETE " + item, operationOf("DELETE", item), "DELETE", item, null, ADMIN, null, Set.of(412), false,
                    "\"0-stale\""));
            cases.add(new Case("stale-if-match", "PATCH " + item, operationOf("PATCH", item), "PATCH", item, MERGE_PATCH, EDITOR,
                    bytes("{\"language\":\"en\"}".replace("language", item.contains("speakers") ? "role" : "language")), Set.of(412), false, "W/\"garbled"));
        }
        for (String path : List.of("/api/v1/speakers/%FF", "/api/v1/speakers/a%0Ab")) {
            cases.add(new Case("invalid-utf8", "DELETE " + path, "DELETE /api/v1/speakers/{idOrSlug}", "DELETE", path, null, ADMIN, null, Set.of(400), false, null));
        }
    }

    /** Appearances, bulk import and export (issue 13). */
    private void bulk() {
        String appearances = "/api/v1/quotes/{quote}/appearances";
        read("bulk", appearances, "limit=0", 400);
        read("bulk", appearances, "cursor=forged", 400);
        read("bulk", "/api/v1/quotes/not-a-uuid/appearances", "limit=5", 400);
        String export = "/api/v1/quotes/export";
        read("bulk", export, "format=xml", 400);
        read("bulk", export, "from=2024-13-01", 400);
        read("bulk", export, "tag=Not%20A%20Slug", 400);
        read("bulk", export, "minLength=-1", 400);
        read("bulk", export, "type=shouted", 400);
        read("bulk", "/api/v1/imports/not-a-uuid", "x=1", 400);
        read("bulk", "/api/v1/imports/%FF", "x=1", 400);
        String octets = "application/octet-stream";
        for (String[] bad : List.of(
                new String[] {"format=yaml", "{\"record\":\"quote\"}\n"},
                new String[] {"format=", "{\"record\":\"quote\"}\n"},
                new String[] {"format=quotebank", "{\"url\":\"https://a.example\",\"quotes\":[]}\n"},
                new String[] {"format=ndjson", "not json at all\n"},
                new String[] {"format=csv", "a,b,c\n1,2,3\n"},
                new String[] {"format=gdelt", ""},
                new String[] {"format=gdelt", "\u0000\u0001\u0002\n"})) {
            cases.add(new Case("bulk", "POST /api/v1/imports?" + bad[0] + " " + bad[1].strip(), "POST /api/v1/imports", "POST",
                    "/api/v1/imports?" + bad[0], octets, EDITOR, bytes(bad[1]), Set.of(400), false));
        }
        cases.add(new Case("bulk", "POST /api/v1/imports invalid UTF-8 first line", "POST /api/v1/imports", "POST", "/api/v1/imports?format=ndjson",
                octets, EDITOR, new byte[] {(byte) 0xC0, (byte) 0xAF, '\n'}, Set.of(400), false));
    }

    private void unknownQueryParameters() {
        // ignored, a misspelt or invented filter would answer the unfiltered list as if it were filtered
        for (String path : READS) {
            if (!path.startsWith("/api/")) {
                continue;
            }
            for (String query : List.of("author=x", "speakerId=x", "callback=x")) {
                read("unknown-parameter", path, query, 400);
            }
        }
        for (Write write : WRITES) {
            cases.add(new Case("unknown-parameter", write.operation() + " ?dryRun=true", write.operation(), write.method(),
                    write.path() + "?dryRun=true", write.contentType(), EDITOR, bytes(write.validBody()), Set.of(400), false));
        }
        cases.add(new Case("unknown-parameter", "DELETE /api/v1/quotes/{id}?force=true", "DELETE /api/v1/quotes/{id}", "DELETE",
                "/api/v1/quotes/{quote}?force=true", null, ADMIN, null, Set.of(400), false));
    }

    private void longQueries() {
        // request lines up to 16 KiB reach the application, so an over-long search is the documented 400, not a bare 414
        for (String path : List.of("/api/v1/quotes", "/api/v1/quotes/random", "/api/v1/quotes/facets", "/api/v1/speakers")) {
            read("long-query", path, "q=" + "a".repeat(10_000), 400);
        }
        read("long-query", "/api/v1/quotes", "tag=" + "a-".repeat(4_000) + "a", 400);
        read("long-query", "/api/v1/quotes", "cursor=" + "A".repeat(12_000), 400);
    }

    /** The Quotable-compatible reads (tag Quotable): answered as Quotable did, its errors in its own body. */
    static final String QUOTABLE = "/quotable";
    private static final List<String> QUOTABLE_READS = List.of("/quotable/random", "/quotable/quotes/random", "/quotable/quotes",
            "/quotable/quotes/{quote}", "/quotable/search/quotes", "/quotable/search/authors", "/quotable/authors", "/quotable/authors/{quote}",
            "/quotable/authors/slug/{speaker}", "/quotable/tags");
    /** The Quotable lists that take paging, with a query that makes each valid. */
    private static final Map<String, String> QUOTABLE_PAGED = Map.of(
            "/quotable/quotes", "", "/quotable/authors", "", "/quotable/search/quotes", "query=probe&", "/quotable/search/authors", "query=probe&");
    /** The Quotable reads that take the quote filters. */
    private static final List<String> QUOTABLE_FILTERED = List.of("/quotable/random", "/quotable/quotes/random", "/quotable/quotes");

    private void quotable() {
        for (Map.Entry<String, String> list : QUOTABLE_PAGED.entrySet()) {
            // Quotable read numbers with parseInt and clamped them: never refused, so neither here
            for (String value : List.of("-1", "0", "2147483648", "99999999999999999999", "1e2", "abc", "-99999999999999999999")) {
                read("out-of-range-number", list.getKey(), list.getValue() + "limit=" + value, 200);
                read("out-of-range-number", list.getKey(), list.getValue() + "page=" + value, 200);
            }
        }
        for (String path : QUOTABLE_FILTERED) {
            for (String query : List.of("minLength=-1", "minLength=abc", "maxLength=99999999999999999999", "minLength=10&maxLength=5", "maxLength=1e400")) {
                // bounds that no quote can meet match nothing: an empty list, or Quotable's 404 for the single random quote
                read("out-of-range-number", path, query, path.equals("/quotable/random") && query.contains("maxLength=5") ? 404 : 200);
            }
        }
        for (String count : List.of("0", "-1", "51", "99999999999999999999", "1.5")) {
            read("out-of-range-number", "/quotable/quotes/random", "limit=" + count, 200);
        }
        // an id that is no UUID names no record: Quotable's 404
        for (String id : List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e5f0", "%7B%7D")) {
            for (String item : List.of("/quotable/quotes/", "/quotable/authors/", "/quotable/authors/slug/")) {
                cases.add(new Case("invalid-uuid", "GET " + item + id, operationOf("GET", item + id), "GET", item + id, null, null, null, Set.of(404), false));
            }
        }
        for (String path : List.of("/quotable/quotes", "/quotable/authors", "/quotable/tags")) {
            // unknown sort fields and orders mean the default, as in Quotable
            for (String query : List.of("sortBy=nope", "sortBy=-dateAdded", "order=sideways", "sortOrder=2", "sortBy=__proto__")) {
                read("invalid-date-or-enum", path, query, 200);
            }
        }
        for (String path : QUOTABLE_FILTERED) {
            read("invalid-date-or-enum", path, "author=a,b", 400);
        }
        for (String path : List.of("/quotable/search/quotes", "/quotable/search/authors")) {
            read("over-long-string", path, "query=" + "word%20".repeat(40), 400);
            read("over-long-string", path, "query=", 422);
        }
        read("over-long-string", "/quotable/random", "query=" + "word%20".repeat(40), 400);
        for (String item : List.of("/quotable/quotes/", "/quotable/authors/", "/quotable/authors/slug/")) {
            cases.add(new Case("over-long-string", "GET " + item + "3000 chars", operationOf("GET", item + "x"), "GET", item + "a".repeat(3000),
                    null, null, null, Set.of(404), false));
        }
        for (String path : QUOTABLE_READS) {
            for (String control : List.of("%07", "%1B%5B2J", "%7F", "%C2%85", "%0A")) {
                read("control-character", path, "query=probe" + control, 400);
            }
            for (String escaped : List.of("%FF", "%C3%28", "%ED%A0%80", "%C0%AF", "%E2%82")) {
                read("invalid-utf8", path, "query=" + escaped, 400);
            }
        }
        for (String path : List.of("/quotable/authors/slug/a%0Ab", "/quotable/quotes/%00", "/quotable/authors/%FF")) {
            cases.add(new Case(path.contains("%FF") ? "invalid-utf8" : "control-character", "GET " + path, operationOf("GET", path), "GET", path,
                    null, null, null, Set.of(400), false));
        }
        List<String> search = List.of("%27%20OR%20%271%27%3D%271", "%27%3B%20DROP%20TABLE%20quote%3B%20--", "%25", "_", "%5C", ".*%2B%28%5B",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%21%3A*%26%7C", "%22unterminated", "(a%7Cb)*c%24", "NOT%20NOT%20OR%20AND");
        for (String query : search) {
            // free text is data: found or not (or, with no word left in it, Quotable's 422), never syntax
            for (String path : List.of("/quotable/search/quotes", "/quotable/search/authors")) {
                cases.add(new Case("metacharacter", "query=" + query + " on " + path, "GET " + path, "GET", path + "?query=" + query,
                        null, null, null, Set.of(200, 422), false));
            }
            cases.add(new Case("metacharacter", "query=" + query + " on /quotable/quotes/random", "GET /quotable/quotes/random", "GET",
                    "/quotable/quotes/random?query=" + query, null, null, null, Set.of(200), false));
        }
        for (String value : List.of("%25", "_", "%5C", "%27%20OR%20%271%27%3D%271", "%25%27%20OR%20%27%25%27%3D%27")) {
            // compared as values: a pattern character taken as a pattern would match every record
            for (String filter : List.of("author", "tags", "authorId")) {
                cases.add(new Case("metacharacter", filter + "=" + value + " on /quotable/quotes", "GET /quotable/quotes", "GET",
                        "/quotable/quotes?" + filter + "=" + value, null, null, null, Set.of(200), true));
            }
            cases.add(new Case("metacharacter", "slug=" + value + " on /quotable/authors", "GET /quotable/authors", "GET",
                    "/quotable/authors?slug=" + value, null, null, null, Set.of(200), true));
            cases.add(new Case("metacharacter", "quotable author path " + value, "GET /quotable/authors/slug/{slug}", "GET",
                    "/quotable/authors/slug/" + value, null, null, null, Set.of(404), false));
        }
        for (String path : QUOTABLE_READS) {
            // Quotable's routes were GET only: any other method finds no route, its 404
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                cases.add(new Case("unsupported-method", method + " " + path, operationOf(method, path), method, path,
                        method.equals("DELETE") ? null : JSON, method.equals("DELETE") ? ADMIN : EDITOR, method.equals("DELETE") ? null : bytes("{}"),
                        Set.of(404), false));
            }
            cases.add(new Case("unsupported-method", "TRACE " + path, operationOf("TRACE", path), "TRACE", path, null, null, null, Set.of(404), false));
            // Quotable ignored parameters it did not know; so does its layer here (unlike /api/v1)
            for (String query : List.of("callback=x", "speakerId=x", "cursor=x")) {
                read("unknown-parameter", path, query, path.contains("search/") ? 422 : path.equals("/quotable/authors/{quote}") ? 404 : 200);
            }
        }
        for (String path : List.of("/quotable/search/quotes", "/quotable/search/authors", "/quotable/random")) {
            read("long-query", path, "query=" + "a".repeat(10_000), 400);
        }
        read("long-query", "/quotable/quotes", "tags=" + "a-".repeat(4_000) + "a", 200);
    }

    // --- helpers ---

    private void read(String family, String path, String query, int status) {
        cases.add(new Case(family, query + " on " + path, operationOf("GET", path), "GET", path + "?" + query, null, null, null, Set.of(status), false));
    }

    private void add(String family, Write write, String name, String body, int status) {
        cases.add(new Case(family, write.operation() + " " + name, write.operation(), write.method(), write.path(), write.contentType(),
                EDITOR, bytes(body), Set.of(status), false));
    }

    /** The openapi.yaml operation a concrete path belongs to. */
    static String operationOf(String method, String path) {
        String template = path
                .replaceFirst("^/api/v1/quotes/(?!random$|today$|facets$|export$)[^/?]+", "/api/v1/quotes/{id}")
                .replaceFirst("^/api/v1/imports/[^/?]+", "/api/v1/imports/{id}")
                .replaceFirst("^/api/v1/sources/[^/?]+", "/api/v1/sources/{id}")
                .replaceFirst("^/api/v1/speakers/[^/?]+", "/api/v1/speakers/{idOrSlug}")
                .replaceFirst("^/api/v1/tags/[^/?]+", "/api/v1/tags/{slug}")
                .replaceFirst("^/problems/[^/?]+", "/problems/{slug}")
                .replaceFirst("^/quotable/quotes/(?!random$|random\\?)[^/?]+", "/quotable/quotes/{id}")
                .replaceFirst("^/quotable/authors/slug/[^/?]+", "/quotable/authors/slug/{slug}")
                .replaceFirst("^/quotable/authors/(?!slug/)[^/?]+", "/quotable/authors/{id}");
        return method + " " + template;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code text} with the marker {@code @@} replaced by raw bytes. */
    private static byte[] splice(String text, byte[] raw) {
        int at = text.indexOf("@@");
        byte[] before = bytes(text.substring(0, at));
        byte[] after = bytes(text.substring(at + 2));
        byte[] result = new byte[before.length + raw.length + after.length];
        System.arraycopy(before, 0, result, 0, before.length);
        System.arraycopy(raw, 0, result, before.length, raw.length);
        System.arraycopy(after, 0, result, before.length + raw.length, after.length);
        return result;
    }
}
