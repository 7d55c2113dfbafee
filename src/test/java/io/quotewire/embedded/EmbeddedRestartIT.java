package io.quotewire.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotewire.Fixtures;
import io.quotewire.deploy.PackagedService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service on its embedded default, run the way the README runs it: data written through the API is
 * still there after a restart, the seed is not loaded twice, and PostgreSQL is shut down cleanly with the service.
 */
class EmbeddedRestartIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void dataWrittenThroughTheApiSurvivesARestartAndTheDatabaseStopsCleanly(@TempDir Path dataDirectory) throws Exception {
        int port = PackagedService.freePort();
        String name = "Restart Witness " + UUID.randomUUID().toString().substring(0, 8);

        PackagedService first = start(dataDirectory, port);
        try {
            HttpResponse<String> created = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/speakers"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + Fixtures.EDITOR_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")));
            assertEquals(201, created.statusCode(), created.body());
        } finally {
            first.stop(); // SIGTERM, as an orchestrator stops a service
        }
        assertFalse(Files.exists(dataDirectory.resolve("postgres").resolve("postmaster.pid")),
                "PostgreSQL was shut down with the service");

        PackagedService second = start(dataDirectory, port);
        try {
            String slug = name.toLowerCase().replace(' ', '-');
            HttpResponse<String> speaker = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/speakers/" + slug)).GET());
            assertEquals(200, speaker.statusCode(), "the speaker written before the restart");
            HttpResponse<String> seedQuotes = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/sources?limit=100&includeTotal=true")).GET());
            assertTrue(seedQuotes.body().contains("\"total\":1"), "the seed source once, not twice: " + seedQuotes.body());
            // the packaged service (prod profile) never exposes the Dev UI
            assertEquals(404, send(port, HttpRequest.newBuilder(uri(port, "/q/dev-ui")).GET()).statusCode(), "no Dev UI in production");
            assertEquals(404, send(port, HttpRequest.newBuilder(uri(port, "/q/dev-ui/extensions")).GET()).statusCode(), "no Dev UI in production");
        } finally {
            second.stop();
        }
    }

    private static PackagedService start(Path dataDirectory, int port) throws IOException, InterruptedException {
        // the packaged service runs the prod profile: its keys come from the environment, as in production
        return PackagedService.start(port, Map.of(QuotewireMain.DATA_DIRECTORY_VARIABLE, dataDirectory.toString(),
                "QUOTEWIRE_AUTH_KEYS", Fixtures.EDITOR_KEY_ENTRY), dataDirectory.resolve("service-" + port + ".log")).awaitReady();
    }

    private HttpResponse<String> send(int port, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
