package io.quotewire.deploy;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged service ({@code target/quarkus-app}) run as a child process by an integration test. */
public final class PackagedService {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedService(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * How the ITs run a JVM of the packaged service or one of its commands: compiled by C1 only, as the test JVMs
     * are (pom.xml, test.jvm.args), since such a JVM lives for seconds and C2 would take half of its CPU.
     */
    public static final String TEST_JVM = "-XX:TieredStopAtLevel=1";

    /** The java command of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts the jar on {@code port} with {@code environment} added, its output in {@code log}. */
    public static PackagedService start(int port, Map<String, String> environment, Path log) throws IOException {
        // the service's temporary files (Vert.x's file cache, which a killed process cannot delete) go beside its log,
        // into the test's own folder, not into the machine's temp folder; the embedded PostgreSQL's binaries are the
        // ones the test JVM uses (under target/ in the Maven build, see the pom)
        Path temporary = Files.createDirectories(log.toAbsolutePath().getParent().resolve("tmp-" + port));
        Path postgresBinaries = Path.of(System.getProperty("ot.epg.working-dir", Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
        ProcessBuilder builder = new ProcessBuilder(java(), TEST_JVM,
                "-Dquarkus.http.port=" + port, "-Djava.io.tmpdir=" + temporary, "-Dot.epg.working-dir=" + postgresBinaries,
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the test says which database the instance uses; none named means the embedded one, as in the README
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().putAll(environment);
        return new PackagedService(builder.start(), port, log);
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** Waits until readiness answers 200. */
    public PackagedService awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the instance on port " + port + " exited with " + process.exitValue() + " while starting; its log ends:\n" + logTail());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the instance on port " + port + " did not become ready; its log ends:\n" + logTail());
    }

    /** The last lines of the instance's log: the log sits in the test's temporary folder, gone once the test fails. */
    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(" + log + " could not be read: " + e + ")";
        }
    }

    /** SIGTERM, then SIGKILL if it has not exited within 30 seconds. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
