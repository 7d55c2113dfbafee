package io.quotewire.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.Fixtures;
import io.quotewire.deploy.PackagedService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import over HTTP in the heap the container image gives the service (a quarter of the manifests' 512Mi, the serial
 * collector): the batches in memory at once, with the search index taking in what they write, must fit beside
 * everything else the service keeps. With batches cut at a fixed size the service ran out of memory on this file and
 * only got through it by retrying.
 */
class ImportInTheImageHeapIT {

    private static final int QUOTES = 100_000;
    /** The Dockerfile's JAVA_OPTS inside the Kubernetes memory limit of the manifests. */
    private static final String IMAGE_JVM = "-XX:MaxRAM=512m -XX:MaxRAMPercentage=25 -XX:+UseSerialGC";

    @TempDir
    Path work;

    @Test
    void anImportInTheImagesHeapEndsWithoutRunningOutOfMemory() throws Exception {
        Path file = work.resolve("quotes.json");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ImportFileGenerator.write(out, QUOTES, 11);
        }
        Path log = work.resolve("service.log");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("postgres")).start()) {
            PackagedService service = PackagedService.start(PackagedService.freePort(), Map.of(
                    "JAVA_TOOL_OPTIONS", IMAGE_JVM,
                    "QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUOTEWIRE_AUTH_KEYS", Fixtures.EDITOR_KEY_ENTRY,
                    "QUOTEWIRE_SEARCH_INDEX_PATH", work.resolve("search-index").toString(),
                    "QUOTEWIRE_IMPORT_SPOOL_DIR", work.resolve("spool").toString()), log);
            try {
                service.awaitReady();
                // the seed is stored, so the import merges batch by batch while the index takes in each batch
                JsonNode job = importAndWait(service.port(), file);
                assertEquals("succeeded", job.path("state").asText(), job.toString());
                assertEquals(QUOTES, job.at("/counts/records").asLong());
            } finally {
                service.stop();
            }
        }
        String output = Files.readString(log);
        assertFalse(output.contains("OutOfMemoryError"), "the service ran out of memory during the import");
    }

    private static JsonNode importAndWait(int port, Path file) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> queued = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports?format=quotebank"))
                .header("Authorization", "Bearer " + Fixtures.EDITOR_KEY).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, queued.statusCode(), queued.body());
        String id = json.readTree(queued.body()).path("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String state = job.path("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return job;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the import did not end within 5 minutes");
    }
}
