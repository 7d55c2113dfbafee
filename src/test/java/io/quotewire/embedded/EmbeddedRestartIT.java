package io.quotewire.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotewire.Fixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged service on its embedded default, run the way the README runs it: data written through the API is
 * still there after a restart, the seed is not loaded twice, and PostgreSQL is shut down cleanly with the service.
 */
class EmbeddedRestartIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void dataWrittenThroughTheApiSurvivesARestartAndTheDatabaseStopsCleanly() throws Exception {
        Path dataDirectory = Files.createTempDirectory("quotewire-restart");
        int port = freePort();
        String name = "Restart Witness " + UUID.randomUUID().toString().substring(0, 8);

        Process first = start(dataDirectory, port);
        try {
            awaitReady(port);
            HttpResponse<String> created = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/speakers"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + Fixtures.EDITOR_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")));
            assertEquals(201, created.statusCode(), created.body());
        } finally {
            stop(first);
        }
        assertFalse(Files.exists(dataDirectory.resolve("postgres").resolve("postmaster.pid")),
                "PostgreSQL was shut down with the service");

        Process second = start(dataDirectory, port);
        try {
            awaitReady(port);
            String slug = name.toLowerCase().replace(' ', '-');
            HttpResponse<String> speaker = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/speakers/" + slug)).GET());
            assertEquals(200, speaker.statusCode(), "the speaker written before the restart");
            HttpResponse<String> seedQuotes = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/sources?limit=100&includeTotal=true")).GET());
            assertTrue(seedQuotes.body().contains("\"total\":1"), "the seed source once, not twice: " + seedQuotes.body());
            // the packaged service (prod profile) never exposes the Dev UI
            assertEquals(404, send(port, HttpRequest.newBuilder(uri(port, "/q/dev-ui")).GET()).statusCode(), "no Dev UI in production");
            assertEquals(404, send(port, HttpRequest.newBuilder(uri(port, "/q/dev-ui/extensions")).GET()).statusCode(), "no Dev UI in production");
        } finally {
            stop(second);
        }
    }

    private Process start(Path dataDirectory, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-D" + QuotewireMain.DATA_DIRECTORY_PROPERTY + "=" + dataDirectory,
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDirectory.resolve("service-" + Instant.now().toEpochMilli() + ".log").toFile());
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        // the packaged service runs the prod profile: its keys come from the environment, as in production
        builder.environment().put("QUOTEWIRE_AUTH_KEYS", Fixtures.EDITOR_KEY_ENTRY);
        return builder.start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM, as an orchestrator stops a service
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitReady(int port) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (send(port, HttpRequest.newBuilder(uri(port, "/q/health/ready")).GET()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the service is still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not become ready on port " + port);
    }

    private HttpResponse<String> send(int port, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
