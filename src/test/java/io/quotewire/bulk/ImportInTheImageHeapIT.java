package io.quotewire.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quotewire.Fixtures;
import io.quotewire.deploy.PackagedService;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    private static final String IMAGE_JVM = "-XX:MaxRAM=512m -XX:MaxRAMPercentage=25 -XX:+UseSerialGC -XX:TrimNativeHeapInterval=1000";

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
                JsonPath job = BulkImportTest.importAndWait(service.port(), "quotebank", Files.readAllBytes(file), Duration.ofMinutes(5));
                assertEquals("succeeded", job.getString("state"), job.prettify());
                assertEquals(QUOTES, job.getLong("counts.records"));
            } finally {
                service.stop();
            }
        }
        String output = Files.readString(log);
        assertFalse(output.contains("OutOfMemoryError"), "the service ran out of memory during the import");
    }
}
