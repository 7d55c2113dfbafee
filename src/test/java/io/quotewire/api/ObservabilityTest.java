package io.quotewire.api;

import static io.quotewire.Fixtures.asAdmin;
import static io.quotewire.Fixtures.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import io.quotewire.api.edge.RequestIds;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ObservabilityTest {

    @Test
    void aRequestIdIsAcceptedOrMadeAndReturned() {
        given().header("X-Request-Id", "client-trace-42").when().get("/api/v1/tags")
                .then().statusCode(200).header("X-Request-Id", equalTo("client-trace-42"));
        given().when().get("/api/v1/tags")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "forged\nlog line").when().get("/api/v1/tags")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void everyLogLineOfARequestCarriesItsId() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyMdc();
                    records.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            asEditor().header("X-Request-Id", "trace-write-7").contentType(ContentType.JSON)
                    .body(Map.of("name", Fixtures.unique("Logged Person")))
                    .when().post("/api/v1/speakers").then().statusCode(201);
        } finally {
            root.removeHandler(capture);
        }
        List<ExtLogRecord> ofRequest = records.stream().filter(r -> r.getLoggerName().startsWith("io.quotewire")).toList();
        assertFalse(ofRequest.isEmpty(), "the write was logged");
        assertTrue(ofRequest.stream().allMatch(r -> "trace-write-7".equals(r.getMdc(RequestIds.MDC_KEY))),
                "every line carries the request id");
    }

    @Test
    void extractedQuotesAndIngestedArticlesAreCounted() {
        String article = "Council vote\n\nThe mayor said: \"We will open the library on Sundays.\" " + Fixtures.unique("Ref");
        given().contentType(ContentType.JSON).body(Map.of("text", article)).when().post("/api/v1/extractions").then().statusCode(200);
        double extracted = metric("quotewire_quotes_extracted_total");
        asEditor().contentType(ContentType.JSON).body(Map.of("text", article)).when().post("/api/v1/articles").then().statusCode(201);
        assertTrue(metric("quotewire_quotes_extracted_total") >= extracted + 1, "the ingest's quote was counted");
        double ingested = metric("quotewire_articles_ingested_total");
        asEditor().contentType(ContentType.JSON).body(Map.of("text", article)).when().post("/api/v1/articles").then().statusCode(200);
        assertEquals(ingested, metric("quotewire_articles_ingested_total"), "a repeated ingest saves nothing and counts nothing");
    }

    private static double metric(String name) {
        String exposition = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return exposition.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void prometheusMetricsCoverRoutesStatusesAndThePool() {
        given().when().get("/api/v1/quotes/today").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/quotes/today\""))
                .body(containsString("status=\"200\""))
                .body(containsString("agroal_active_count"));
    }
}
