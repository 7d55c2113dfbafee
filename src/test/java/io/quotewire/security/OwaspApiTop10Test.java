package io.quotewire.security;

import static io.quotewire.Fixtures.ADMIN_KEY;
import static io.quotewire.Fixtures.EDITOR_KEY;
import static io.quotewire.Fixtures.asAdmin;
import static io.quotewire.Fixtures.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.Fixtures;
import io.quotewire.ChangedSettings;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/**
 * The OWASP API Security Top 10 (2023), item by item, each test asserting what the API does about it. It runs with
 * the {@link ChangedSettings} quota of {@value #QUOTA} requests an hour per client, small enough to reach with a client of its own
 * (a key only {@link #api4_unrestrictedResourceConsumption} uses) and large enough for the other tests' clients.
 */
@QuarkusTest
@TestProfile(ChangedSettings.class)
class OwaspApiTop10Test {

    static final int QUOTA = ChangedSettings.QUOTA;
    /** A key of its own for the rate-limit probe. */
    static final String FLOOD_KEY = ChangedSettings.FLOOD_KEY;

    private static final String PROBLEM = "application/problem+json";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    /** API1: objects are public to read; what must hold is that no id is guessable and no body can retarget a write. */
    @Test
    void api1_brokenObjectLevelAuthorization() {
        String source = Fixtures.createSource();
        String speaker = Fixtures.createSpeaker(Fixtures.unique("Bola Target"));
        String quoteA = Fixtures.createQuote(source, speaker, Fixtures.DIRECT_QUOTE);
        String quoteB = Fixtures.createQuote(source, speaker, "She added that audits would follow.");
        assertTrue(quoteA.matches(UUID_PATTERN) && source.matches(UUID_PATTERN), "ids are random-tailed UUIDv7, not counters");
        for (String guess : List.of("1", "2", "0", "-1")) {
            given().when().get("/api/v1/quotes/" + guess).then().statusCode(400).contentType(PROBLEM);
        }
        String etagA = etag("/api/v1/quotes/" + quoteA);
        String etagB = etag("/api/v1/quotes/" + quoteB);
        // the path names the object; an id in the body cannot point the write at another one
        asEditor().contentType(ContentType.JSON)
                .body(Map.of("id", quoteB, "text", "Rewritten", "type", "direct", "sourceId", source))
                .when().put("/api/v1/quotes/" + quoteA)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("id"));
        given().contentType(ContentType.JSON).body(Map.of("text", "Rewritten", "type", "direct", "sourceId", source))
                .when().put("/api/v1/quotes/" + quoteB).then().statusCode(401);
        assertEquals(etagA, etag("/api/v1/quotes/" + quoteA));
        assertEquals(etagB, etag("/api/v1/quotes/" + quoteB));
    }

    /** API2: only a configured key in the Authorization header authenticates; nothing about a refused one is echoed. */
    @Test
    void api2_brokenAuthentication() {
        String name = Fixtures.unique("Auth Probe");
        String body = "{\"name\":\"" + name + "\"}";
        for (String authorization : List.of("Bearer not-a-key", "Bearer " + EDITOR_KEY + "x", "Basic " + EDITOR_KEY, "Bearer ",
                EDITOR_KEY, "Bearer " + EDITOR_KEY.substring(0, EDITOR_KEY.length() - 1))) {
            String answer = given().header("Authorization", authorization).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/speakers")
                    .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Bearer"))
                    .extract().asString();
            assertFalse(answer.contains(EDITOR_KEY.substring(0, 12)), "a refused credential is not echoed: " + answer);
        }
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/speakers")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        // a valid key where keys must never go: refused, and not used
        given().queryParam("api_key", EDITOR_KEY).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/speakers").then().statusCode(400).contentType(PROBLEM);
        // keys are stored as SHA-256 hashes: the stored value, if it leaked from the configuration, is no key
        String storedHash = Fixtures.EDITOR_KEY_ENTRY.substring(Fixtures.EDITOR_KEY_ENTRY.lastIndexOf(':') + 1);
        given().header("Authorization", "Bearer " + storedHash).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/speakers").then().statusCode(401);
        given().queryParam("name", name).when().get("/api/v1/speakers").then().statusCode(200).body("items.size()", equalTo(0));
    }

    /** API3: server-owned properties are refused in writes, and reads show no property the contract does not. */
    @Test
    void api3_brokenObjectPropertyLevelAuthorization() throws IOException {
        String slug = Fixtures.createSpeaker(Fixtures.unique("Property Target"));
        for (Map.Entry<String, Object> owned : Map.<String, Object>of("id", "0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e5f", "quoteCount", 999,
                "createdAt", "2000-01-01T00:00:00Z", "updatedAt", "2000-01-01T00:00:00Z", "version", 7).entrySet()) {
            Map<String, Object> body = new HashMap<>(Map.of("name", Fixtures.unique("Mass Assigner")));
            body.put(owned.getKey(), owned.getValue());
            asEditor().contentType(ContentType.JSON).body(body).when().post("/api/v1/speakers")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo(owned.getKey())).body("errors[0].message", containsString("read-only"));
            asEditor().contentType("application/merge-patch+json").body(Map.of(owned.getKey(), owned.getValue()))
                    .when().patch("/api/v1/speakers/" + slug)
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(owned.getKey()));
        }
        given().when().get("/api/v1/speakers/" + slug).then().statusCode(200).body("quoteCount", equalTo(0));
        String source = Fixtures.createSource();
        String quote = Fixtures.createQuote(source, slug, Fixtures.DIRECT_QUOTE);
        asEditor().contentType(ContentType.JSON)
                .body(Map.of("text", "x", "type", "direct", "sourceId", source, "length", 1))
                .when().post("/api/v1/quotes").then().statusCode(400).body("errors[0].field", equalTo("length"));
        // reads: exactly the documented properties, so nothing internal (a text digest, a search vector) leaks
        JsonNode schemas = new YAMLMapper().readTree(Paths.get("openapi.yaml").toFile()).get("components").get("schemas");
        Map<String, String> reads = Map.of("Speaker", "/api/v1/speakers/" + slug, "Source", "/api/v1/sources/" + source,
                "Quote", "/api/v1/quotes/" + quote);
        for (Map.Entry<String, String> read : reads.entrySet()) {
            Set<String> documented = new TreeSet<>();
            schemas.get(read.getKey()).get("properties").fieldNames().forEachRemaining(documented::add);
            Map<String, Object> served = given().when().get(read.getValue()).then().statusCode(200).extract().jsonPath().getMap("$");
            assertTrue(documented.containsAll(served.keySet()), read.getKey() + " serves undocumented properties: " + served.keySet());
        }
    }

    /** API4: page sizes and picks are capped, bodies and strings bounded, and every client has a rate limit. */
    @Test
    void api4_unrestrictedResourceConsumption() {
        given().when().get("/api/v1/quotes?limit=1000000").then().statusCode(200).body("limit", equalTo(100));
        given().when().get("/api/v1/quotes/random?count=51").then().statusCode(400).contentType(PROBLEM);
        given().when().get("/api/v1/quotes/facets?top=101").then().statusCode(400).contentType(PROBLEM);
        given().when().get("/api/v1/quotes?q=" + "a".repeat(501)).then().statusCode(400).contentType(PROBLEM);
        // a request line up to 16 KiB reaches the validation, which bounds the search: a 400 problem, not a bare 414
        given().when().get("/api/v1/quotes?q=" + "a".repeat(12_000)).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("q"));
        // bodies as bytes: RestAssured would pretty-print text bodies for its failure log
        asEditor().contentType(ContentType.JSON).body(("{\"text\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/articles").then().statusCode(413).contentType(PROBLEM);
        asEditor().contentType(ContentType.JSON).body(("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/speakers").then().statusCode(400).contentType(PROBLEM);
        // a client of its own, so the quota it uses up is nobody else's
        ChangedSettings.awayFromAWindowEnd();
        for (int sent = 1; sent <= QUOTA; sent++) {
            given().header("Authorization", "Bearer " + FLOOD_KEY).when().get("/problems/validation").then().statusCode(200);
        }
        given().header("Authorization", "Bearer " + FLOOD_KEY).when().get("/api/v1/tags")
                .then().statusCode(429).contentType(PROBLEM)
                .body("type", equalTo("/problems/too-many-requests")).body("status", equalTo(429))
                .header("Retry-After", matchesPattern("[1-9]\\d*"))
                .header("RateLimit-Policy", equalTo("\"default\";q=" + QUOTA + ";w=" + ChangedSettings.WINDOW_SECONDS));
        // writes with that key are limited too: nothing is written past the quota
        given().header("Authorization", "Bearer " + FLOOD_KEY).contentType(ContentType.JSON).body(Map.of("name", "Flood"))
                .when().post("/api/v1/speakers").then().statusCode(429);
        given().when().get("/api/v1/speakers?name=Flood").then().statusCode(200).body("items.size()", equalTo(0));
    }

    /** API5: editors create and change, only admins delete; no key writes nothing; no method override sneaks past. */
    @Test
    void api5_brokenFunctionLevelAuthorization() {
        String slug = Fixtures.createSpeaker(Fixtures.unique("Function Target"));
        asEditor().when().delete("/api/v1/speakers/" + slug)
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("/problems/forbidden"));
        asEditor().header("X-HTTP-Method-Override", "DELETE").contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/speakers/" + slug).then().statusCode(405).contentType(PROBLEM);
        given().when().get("/api/v1/speakers/" + slug).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).when().put("/api/v1/speakers/" + slug).then().statusCode(401);
        given().contentType("application/merge-patch+json").body(Map.of("role", "x")).when().patch("/api/v1/speakers/" + slug).then().statusCode(401);
        given().when().delete("/api/v1/speakers/" + slug).then().statusCode(401);
        given().queryParam("access_token", ADMIN_KEY).when().delete("/api/v1/speakers/" + slug).then().statusCode(400).contentType(PROBLEM);
        given().when().get("/api/v1/speakers/" + slug).then().statusCode(200).body("role", nullValue());
        asAdmin().when().delete("/api/v1/speakers/" + slug).then().statusCode(204);
    }

    /** API6: the sensitive flow is ingestion, which writes sources, quotes and speakers in bulk. */
    @Test
    void api6_unrestrictedAccessToSensitiveBusinessFlows() {
        String url = "https://example.org/owasp/" + Fixtures.unique("flow");
        Map<String, Object> article = Map.of("text", "Flow probe\n\nMinister Ana Lima said: \"We will publish every contract.\"", "url", url);
        given().contentType(ContentType.JSON).body(article).when().post("/api/v1/articles")
                .then().statusCode(401).contentType(PROBLEM);
        String key = Fixtures.unique("idem");
        Response first = asEditor().header("Idempotency-Key", key).contentType(ContentType.JSON).body(article).when().post("/api/v1/articles");
        first.then().statusCode(201).body("created", equalTo(true)).header("RateLimit", matchesPattern("\"default\";r=\\d+;t=\\d+"));
        asEditor().header("Idempotency-Key", key).contentType(ContentType.JSON).body(article).when().post("/api/v1/articles")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("sourceId", equalTo(first.path("sourceId")));
        // the same article again, without the key: recognised by its URL, nothing written twice
        asEditor().contentType(ContentType.JSON).body(article).when().post("/api/v1/articles")
                .then().statusCode(200).body("created", equalTo(false)).body("sourceId", equalTo(first.path("sourceId")));
        given().when().get("/api/v1/sources/" + first.path("sourceId") + "/quotes").then().statusCode(200)
                .body("items.size()", equalTo(((List<?>) first.path("quoteIds")).size()));
    }

    /** API7: the service never fetches a URL a client gives; an article's URL is stored as data. */
    @Test
    void api7_serverSideRequestForgery() throws IOException {
        try (ServerSocket listener = new ServerSocket(0)) {
            String trap = "http://127.0.0.1:" + listener.getLocalPort() + "/internal/admin";
            Response ingested = asEditor().contentType(ContentType.JSON)
                    .body(Map.of("text", "SSRF probe\n\nThe prober said: \"Fetch nothing.\"", "url", trap)).when().post("/api/v1/articles");
            ingested.then().statusCode(201);
            asEditor().contentType(ContentType.JSON).body(Map.of("kind", "article", "title", "SSRF source", "url", trap + "/2"))
                    .when().post("/api/v1/sources").then().statusCode(201).body("url", equalTo(trap + "/2"));
            given().contentType(ContentType.JSON).body(Map.of("text", "SSRF probe\n\nAgain.", "url", trap + "/3"))
                    .when().post("/api/v1/extractions").then().statusCode(200);
            given().when().get("/api/v1/sources/" + ingested.path("sourceId")).then().statusCode(200).body("url", equalTo(trap));
            listener.setSoTimeout(500);
            assertThrows(SocketTimeoutException.class, () -> {
                try (Socket connected = listener.accept()) {
                    // reaching here means the service connected to the URL it was given
                }
            }, "the service connected to a client-supplied URL");
        }
    }

    /** API8: headers, error bodies without internals, no Dev UI, no TRACE, CORS writes only from configured origins. */
    @Test
    void api8_securityMisconfiguration() {
        List<Response> answers = List.of(
                given().when().get("/api/v1/quotes"),
                asEditor().contentType(ContentType.JSON).body("{\"name\":").when().post("/api/v1/speakers"),
                asEditor().contentType(ContentType.JSON).body("{\"text\":\"x\",\"type\":\"direct\",\"sourceId\":\"x\"}").when().post("/api/v1/quotes"),
                given().when().get("/api/v1/quotes/not-a-uuid"),
                given().when().get("/api/v1/quotes?cursor=forged"),
                asEditor().contentType("application/xml").body("<a/>").when().post("/api/v1/speakers"),
                given().when().request("TRACE", "/api/v1/quotes"),
                given().when().get("/q/dev-ui"),
                given().when().get("/q/dev"));
        for (Response answer : answers) {
            answer.then().header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer");
            if (answer.statusCode() >= 400) {
                answer.then().contentType(PROBLEM)
                        .body(not(containsString("Exception"))).body(not(containsString("java."))).body(not(containsString("io.quotewire")))
                        .body(not(containsString("org.hibernate"))).body(not(containsString("\tat "))).body(not(containsString("SELECT")));
            }
        }
        assertEquals(405, answers.get(6).statusCode(), "TRACE");
        answers.get(5).then().statusCode(415).body("detail", containsString("send application/json"));
        assertEquals(404, answers.get(7).statusCode(), "Dev UI");
        assertEquals(404, answers.get(8).statusCode(), "/q/dev");
        // a parameter the operation does not take is refused, naming it: never silently ignored as if it had filtered
        given().when().get("/api/v1/quotes?author=vedant-patel").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("author")).body("detail", containsString("speaker"));
        given().when().get("/api/v1/speakers/vedant-patel?fields=password").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("fields"));
        String stranger = "https://elsewhere.example";
        given().header("Origin", stranger).header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/speakers").then().header("Access-Control-Allow-Origin", nullValue());
        asEditor().header("Origin", stranger).contentType(ContentType.JSON).body(Map.of("name", Fixtures.unique("Cors Stranger")))
                .when().post("/api/v1/speakers").then().statusCode(403).contentType(PROBLEM);
        asEditor().header("Origin", "https://editor.example").contentType(ContentType.JSON).body(Map.of("name", Fixtures.unique("Cors Editor")))
                .when().post("/api/v1/speakers").then().statusCode(201).header("Access-Control-Allow-Origin", "https://editor.example");
    }

    /** API9: no undocumented version or route answers, and every route the code serves is in openapi.yaml. */
    @Test
    void api9_improperInventoryManagement() throws IOException {
        for (String path : List.of("/api/v2/quotes", "/api/v0/quotes", "/api/quotes", "/api/v1/admin", "/api/v1/users", "/q/dev",
                "/api/v1/quotes/../../q/health", "/api/v1/quotes/%2e%2e/%2e%2e/q/health")) {
            given().urlEncodingEnabled(false).when().get(path).then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        }
        Set<String> documented = new TreeSet<>();
        JsonNode paths = new YAMLMapper().readTree(Paths.get("openapi.yaml").toFile()).get("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " " + shape(path.getKey())));
        }
        Set<String> served = servedRoutes();
        assertTrue(served.size() > 20, "found the resources: " + served);
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        assertEquals(Set.of(), undocumented, "routes served but not in openapi.yaml");
        Set<String> unserved = new TreeSet<>(documented);
        unserved.removeAll(served);
        assertEquals(Set.of(), unserved, "routes in openapi.yaml that no resource serves");
    }

    /** API10: article text comes from third parties; it is data, stored verbatim and only ever returned as JSON. */
    @Test
    void api10_unsafeConsumptionOfApis() {
        String script = "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>";
        String text = "Payload probe\n\nThe prober said: \"" + script + " is only text.\"";
        Response ingested = asEditor().contentType(ContentType.JSON)
                .body(Map.of("text", text, "url", "https://example.org/owasp/" + Fixtures.unique("payload"), "title", script))
                .when().post("/api/v1/articles");
        ingested.then().statusCode(201).contentType(ContentType.JSON);
        String quoteId = ((List<?>) ingested.path("quoteIds")).get(0).toString();
        given().when().get("/api/v1/quotes/" + quoteId).then().statusCode(200).contentType(ContentType.JSON)
                .header("X-Content-Type-Options", "nosniff").body("text", equalTo(script + " is only text."));
        given().when().get("/api/v1/sources/" + ingested.path("sourceId")).then().statusCode(200).body("title", equalTo(script));
        // a client that asks for HTML gets none, not even for an error that repeats what it sent
        given().accept("text/html").when().get("/api/v1/quotes/" + quoteId).then().statusCode(406).contentType(PROBLEM);
        String payloadPath = "/api/v1/speakers/%3Cscript%3Ealert(1)%3C%2Fscript%3E";
        given().urlEncodingEnabled(false).accept("text/html").when().get(payloadPath).then().statusCode(406).contentType(PROBLEM);
        String reflected = given().urlEncodingEnabled(false).when().get(payloadPath)
                .then().statusCode(404).contentType(PROBLEM).header("X-Content-Type-Options", "nosniff").extract().asString();
        assertTrue(reflected.startsWith("{"), reflected);
    }

    // --- helpers ---

    private static String etag(String path) {
        return given().when().get(path).then().statusCode(200).extract().header("ETag");
    }

    /** A path with its parameter names dropped, so {id} and {idOrSlug} compare as the same shape. */
    private static String shape(String path) {
        return path.replaceAll("\\{[^}]+}", "{}").replaceAll("/$", "");
    }

    /** Every route of every JAX-RS resource class compiled from src/main, read by reflection. */
    private static Set<String> servedRoutes() throws IOException {
        java.nio.file.Path classes = Paths.get("target/classes");
        Set<String> routes = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, OwaspApiTop10Test.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST"
                            : method.isAnnotationPresent(PUT.class) ? "PUT" : method.isAnnotationPresent(PATCH.class) ? "PATCH"
                            : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                    Operation operation = method.getAnnotation(Operation.class);
                    if (verb == null || operation != null && operation.hidden()) {
                        continue; // hidden on purpose: the explorer's HTML pages, the Quotable prefix's catch-all 404
                    }
                    Path sub = method.getAnnotation(Path.class);
                    routes.add(verb + " " + shape(root.value() + (sub == null ? "" : "/" + sub.value().replaceFirst("^/", ""))));
                }
            }
        }
        return routes;
    }
}
