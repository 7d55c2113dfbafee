package io.quotewire.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import io.quotewire.api.paging.PageCursor;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input on every endpoint of openapi.yaml (the table is {@link HostileCases}): every answer is a 4xx
 * problem (or, for metacharacters in free-text search, a 200 that treats them as text), never a 5xx, and no row of
 * any application table changes. Writes carry a valid key, so the input is what is refused. Responses are checked
 * against openapi.yaml by ContractValidation like every other test's; requests are not, as they are invalid on
 * purpose.
 * <p>
 * Tables left out of the row counts: {@code flyway_schema_history} (migrations only), {@code rate_limit_windows}
 * (every request, refused or not, takes a token from its client's bucket, and a new client gets a row) and
 * {@code idempotency_keys} (by design it keeps the answer, 4xx included, of a POST sent with an Idempotency-Key,
 * so that a retry replays it). {@code quote_of_the_day} is counted: no refused request may pick one.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    static final int MINIMUM_CASES = 300;
    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final Set<String> BOOKKEEPING = Set.of("flyway_schema_history", "rate_limit_windows", "idempotency_keys");
    private static final RestAssuredConfig AS_SENT = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
    private static final Pattern CURSOR = Pattern.compile("\\{cursor:(\\w+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Records the cases address, made once for the class. */
    private static Map<String, String> records;
    private static Map<String, String> etagsBefore;
    private static Map<String, Long> countsBefore;
    private static Map<String, Long> countsAfterLastCase;
    /** The counted tables, and one statement counting the rows of each, read once: no case creates a table. */
    private static List<String> tables;
    private static String countQuery;

    @Inject
    AgroalDataSource dataSource;

    static List<HostileCases.Case> cases() {
        return HostileCases.all();
    }

    @BeforeEach
    void createRecordsOnce() {
        if (records != null) {
            return;
        }
        String source = Fixtures.createSource();
        String speaker = Fixtures.createSpeaker(Fixtures.unique("Hostile Target"));
        String tag = Fixtures.unique("hostile-tag");
        String quote = Fixtures.createQuote(source, speaker, Fixtures.DIRECT_QUOTE, tag);
        Fixtures.createQuote(source, speaker, "She added that audits would follow.", tag);
        records = Map.of("{quote}", quote, "{source}", source, "{speaker}", speaker, "{tag}", tag, "{slug}", "validation");
        etagsBefore = etags();
        countsBefore = rowCounts();
    }

    @Test
    @Order(1)
    void theTableHasAtLeast300CasesAndCoversEveryOperationOfTheContract() throws IOException {
        List<HostileCases.Case> all = cases();
        Map<String, Long> perFamily = all.stream().collect(Collectors.groupingBy(HostileCases.Case::family, TreeMap::new, Collectors.counting()));
        System.out.println("Hostile input cases: " + all.size() + " " + perFamily);
        assertTrue(all.size() >= MINIMUM_CASES, "only " + all.size() + " cases");
        assertEquals(18, perFamily.size(), "families: " + perFamily.keySet());

        Set<String> covered = all.stream().map(HostileCases.Case::operation).collect(Collectors.toSet());
        JsonNode paths = new YAMLMapper().readTree(Path.of("openapi.yaml").toFile()).get("paths");
        Set<String> missing = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String operation = methods.next().toUpperCase() + " " + path.getKey();
                if (!covered.contains(operation)) {
                    missing.add(operation);
                }
            }
            if (!covered.contains("TRACE " + path.getKey())) {
                missing.add("TRACE " + path.getKey());
            }
        }
        assertEquals(Set.of(), missing, "operations of openapi.yaml without a hostile case");
        Map<String, Long> names = all.stream().collect(Collectors.groupingBy(HostileCases.Case::toString, Collectors.counting()));
        names.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), names, "case names are unique");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(2)
    void hostileInputIsRefusedWithAProblemAndChangesNothing(HostileCases.Case hostile) throws IOException {
        // the counts after the previous case are this case's before: the cases run one after another, and nothing else
        // writes to the counted tables meanwhile
        Map<String, Long> before = countsAfterLastCase != null ? countsAfterLastCase : rowCounts();
        String path = resolve(hostile.path());
        Answer response = hostile.contentType() != null && hostile.contentType().startsWith(HostileCases.RAW) ? sendByHand(hostile, path) : send(hostile, path);

        int status = response.status();
        String body = response.body();
        assertTrue(hostile.expected().contains(status),
                hostile + ": expected " + hostile.expected() + " but got " + status + " " + abbreviate(body));
        if (hostile.path().startsWith(HostileCases.QUOTABLE)) {
            assertQuotableAnswer(hostile, response);
        } else if (status >= 400) {
            assertTrue(response.contentType().startsWith("application/problem+json"), hostile + ": content type " + response.contentType());
            JsonNode problem = JSON.readTree(body);
            assertEquals(status, problem.path("status").asInt(), hostile + ": problem status");
            assertTrue(problem.path("type").asText().startsWith("/problems/"), hostile + ": problem type " + problem.path("type"));
            assertFalse(problem.path("title").asText().isEmpty(), hostile + ": problem title");
        } else {
            assertTrue(response.contentType().startsWith("application/json"), hostile + ": content type " + response.contentType());
            if (hostile.emptyList()) {
                assertEquals(0, JSON.readTree(body).path("items").size(), hostile + ": the value was taken as a pattern, not as data");
            }
        }
        countsAfterLastCase = rowCounts();
        assertEquals(before, countsAfterLastCase, hostile + ": rows changed");
    }

    @Test
    @Order(3)
    void afterTheWholeTableNoRowAndNoAddressedRecordHasChanged() {
        assertEquals(countsBefore, rowCounts(), "row counts across the whole suite");
        assertEquals(etagsBefore, etags(), "the records the cases address were not modified");
    }

    @Test
    @Order(4)
    void whatTheHttpLayerCannotParseIsRefusedBeforeAnyRouteAndLongRequestLinesReachTheApplication() throws IOException {
        Map<String, Long> before = rowCounts();
        // the HTTP codec refuses a malformed percent escape (which RestAssured and java.net.URI would not even send)
        // as an invalid request URI, below anything Quarkus lets the application hook into: a bare 400
        for (String target : List.of("/api/v1/quotes?q=%ZZ", "/api/v1/speakers/%G1", "/api/v1/quotes?q=%", "/api/v1/tags?limit=%2")) {
            assertEquals(400, raw("GET", target, "").status(), target);
        }
        assertEquals(400, raw("POST", "/api/v1/speakers?x=%ZZ", "").status());
        // request lines up to 16 KiB reach the application: a long path is an invalid id, a long q a validation error
        RawAnswer longId = raw("GET", "/api/v1/quotes/" + "a".repeat(5000), "");
        assertEquals(400, longId.status());
        assertTrue(longId.head().contains("application/problem+json"), longId.head());
        assertEquals(400, raw("GET", "/api/v1/quotes?q=" + "a".repeat(15_000), "").status());
        // past that, and past the header limit, the HTTP codec answers itself, as bare as the malformed escape: the
        // 414 and 431 documented in openapi.yaml
        assertEquals(414, raw("GET", "/api/v1/quotes?q=" + "a".repeat(20_000), "").status());
        assertEquals(431, raw("GET", "/api/v1/quotes", "X-Padding: " + "a".repeat(40_000) + "\r\n").status());
        assertEquals(before, rowCounts());
    }

    /**
     * The Quotable layer answers as Quotable did: JSON always, an error as {statusCode, statusMessage} (its clients
     * read that, not a problem), a filter value taken as data matching nothing as an empty list.
     */
    private static void assertQuotableAnswer(HostileCases.Case hostile, Answer response) throws IOException {
        assertTrue(response.contentType().startsWith("application/json"), hostile + ": content type " + response.contentType());
        JsonNode body = JSON.readTree(response.body());
        if (response.status() >= 400) {
            assertEquals(response.status(), body.path("statusCode").asInt(), hostile + ": Quotable's statusCode");
            assertFalse(body.path("statusMessage").asText().isEmpty(), hostile + ": Quotable's statusMessage");
            assertFalse(body.has("type"), hostile + ": not a problem");
        } else if (hostile.emptyList()) {
            assertEquals(0, (body.isArray() ? body : body.path("results")).size(), hostile + ": the value was taken as a pattern, not as data");
        }
    }

    private record RawAnswer(int status, String head) {
    }

    /** The status and headers of a request written byte for byte on a socket. */
    private static RawAnswer raw(String method, String target, String extraHeaders) throws IOException {
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            String request = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Fixtures.EDITOR_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n" + extraHeaders + "Connection: close\r\n\r\n{}";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int endOfHead = answer.indexOf("\r\n\r\n");
            return new RawAnswer(Integer.parseInt(answer.substring(9, 12)), (endOfHead < 0 ? answer : answer.substring(0, endOfHead)).toLowerCase());
        }
    }

    // --- helpers ---

    private record Answer(int status, String contentType, String body) {
    }

    private static Answer send(HostileCases.Case hostile, String path) {
        RequestSpecification request = given().config(AS_SENT).urlEncodingEnabled(false);
        if (hostile.auth() != null) {
            request.header("Authorization", "Bearer " + key(hostile));
        }
        if (hostile.ifMatch() != null) {
            request.header("If-Match", hostile.ifMatch());
        }
        if (hostile.contentType() != null) {
            request.contentType(hostile.contentType());
        }
        if (hostile.contentType() != null && hostile.contentType().startsWith("application/x-www-form-urlencoded")) {
            request.body("text=probe&type=direct"); // RestAssured encodes form bodies itself, from text
        } else if (hostile.body() != null) {
            request.body(resolve(hostile.body()));
        }
        Response response = request.when().request(hostile.method(), path);
        return new Answer(response.statusCode(), response.contentType(), response.asString());
    }

    /** Without RestAssured, which always sends a valid Content-Type; this answer is checked here, not against openapi.yaml. */
    private static Answer sendByHand(HostileCases.Case hostile, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .method(hostile.method(), HttpRequest.BodyPublishers.ofByteArray(resolve(hostile.body())))
                .header("Authorization", "Bearer " + key(hostile));
        String contentType = hostile.contentType().substring(HostileCases.RAW.length());
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String key(HostileCases.Case hostile) {
        return HostileCases.ADMIN.equals(hostile.auth()) ? Fixtures.ADMIN_KEY : Fixtures.EDITOR_KEY;
    }

    /** The row count of every application table. */
    private Map<String, Long> rowCounts() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (tables == null) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                    while (rs.next()) {
                        if (!BOOKKEEPING.contains(rs.getString(1))) {
                            names.add(rs.getString(1));
                        }
                    }
                }
                countQuery = names.stream().map(t -> "(select count(*) from \"" + t + "\")").collect(Collectors.joining(", ", "select ", ""));
                tables = names;
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery(countQuery)) {
                rs.next();
                for (int i = 0; i < tables.size(); i++) {
                    counts.put(tables.get(i), rs.getLong(i + 1));
                }
            }
            assertTrue(counts.keySet().containsAll(List.of("quote", "speaker", "source", "tag", "quote_tag", "article_ingest")), counts.toString());
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> etags() {
        Map<String, String> etags = new TreeMap<>();
        for (String path : List.of("/api/v1/quotes/{quote}", "/api/v1/sources/{source}", "/api/v1/speakers/{speaker}", "/api/v1/tags/{tag}")) {
            String resolved = resolve(path);
            etags.put(resolved, given().when().get(resolved).then().statusCode(200).extract().header("ETag"));
        }
        return etags;
    }

    private static String resolve(String template) {
        String path = template;
        for (Map.Entry<String, String> record : records.entrySet()) {
            path = path.replace(record.getKey(), record.getValue());
        }
        Matcher cursor = CURSOR.matcher(path);
        if (cursor.find()) {
            String listQuery = path.substring(0, cursor.start()).replaceFirst("&cursor=$", "");
            path = path.substring(0, cursor.start()) + forge(listQuery, cursor.group(1)) + path.substring(cursor.end());
        }
        return path;
    }

    private static byte[] resolve(byte[] body) {
        String marker = new String(body, StandardCharsets.UTF_8);
        if (marker.equals(HostileCases.TEN_MB_JSON)) {
            return ("{\"text\":\"" + "a".repeat(TEN_MB) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        if (marker.equals(HostileCases.TEN_MB_TEXT)) {
            return "a".repeat(TEN_MB).getBytes(StandardCharsets.UTF_8);
        }
        // ISO-8859-1 maps every byte to one char and back, so invalid UTF-8 survives the replacement
        String text = new String(body, StandardCharsets.ISO_8859_1);
        for (Map.Entry<String, String> record : records.entrySet()) {
            text = text.replace(record.getKey(), record.getValue());
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A cursor for {@code listQuery} made wrong in the way {@code kind} names. */
    private static String forge(String listQuery, String kind) {
        String real = nextCursor(listQuery);
        return switch (kind) {
            case "garbage" -> "AAAA";
            case "notBase64" -> "!!!*";
            case "flipped" -> real.substring(0, 10) + (real.charAt(10) == 'A' ? 'B' : 'A') + real.substring(11);
            case "truncated" -> real.substring(0, real.length() - 4);
            case "otherList" -> nextCursor(listQuery.startsWith("/api/v1/quotes?") ? "/api/v1/speakers?limit=1" : "/api/v1/quotes?limit=1");
            case "resignedYear" -> resign(real, "+999999999-12-31T00:00:00Z");
            case "resignedNul" -> resign(real, "a\u0000b");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String nextCursor(String listQuery) {
        String cursor = given().urlEncodingEnabled(false).when().get(listQuery).then().statusCode(200).extract().path("nextCursor");
        assertNotNull(cursor, listQuery + " has a second page");
        return cursor;
    }

    /** The cursor with every sort value replaced, and a checksum that matches again. */
    private static String resign(String cursor, String value) {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
        int sortValues = parts.length - 4;
        return PageCursor.encode(parts[1], new PageCursor.Position(Collections.nCopies(sortValues, value), UUID.fromString(parts[parts.length - 2])));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
