package io.quotewire.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quotewire.deploy.PackagedService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import and export commands of the packaged jar: an import killed with SIGKILL in the middle and started again
 * ends with the same database as one uninterrupted run, and an NDJSON export imported into an empty database and
 * exported again gives back the same file, byte for byte (every record, id, instant and appearance).
 */
class ImportResumeIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final int QUOTES = 6_000;
    private static final Pattern PROGRESS = Pattern.compile("\\| ([0-9,]+) lines \\|");
    private static final Pattern RESUMED = Pattern.compile("Resuming import \\S+ after line ([0-9,]+)");

    /** The database, the files and the logs; deleted after the class, so nothing is left in the temp folder. */
    @TempDir
    static Path work;
    private static EmbeddedPostgres postgres;
    private static Path file;
    /** The NDJSON export of one uninterrupted import of {@link #file}; made once, both tests compare with it. */
    private static Path reference;

    @BeforeAll
    static void setUp() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("postgres")).setCleanDataDirectory(true).start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            for (String database : List.of("reference", "killed", "roundtrip")) {
                statement.execute("create database " + database);
            }
        }
        file = work.resolve("quotes.json");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ImportFileGenerator.write(out, QUOTES, 7);
        }
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static ProcessBuilder command(String database, Path log, String... args) throws IOException {
        // the command's temporary files (Vert.x's file cache, which the killed one cannot delete) stay in the test's folder
        Path temporary = Files.createDirectories(work.resolve("tmp-" + database));
        List<String> command = new ArrayList<>(List.of(PackagedService.java(), PackagedService.TEST_JVM, "-Djava.io.tmpdir=" + temporary,
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", database),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUOTEWIRE_SEED_ENABLED", "false",
                "QUOTEWIRE_IMPORT_BATCH_QUOTES", "500",
                // a loaded build machine can take longer than the service's 2 s to hand out a first connection
                "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S"));
        return builder;
    }

    private static String run(String database, String... args) throws Exception {
        Path log = Files.createTempFile(work, database, ".log");
        Process process = command(database, log, args).start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the command ended");
        String output = Files.readString(log);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    /** The export of the uninterrupted import both tests compare with, made once for the class. */
    private static synchronized Path reference() throws Exception {
        if (reference == null) {
            run("reference", "import", file.toString(), "--format", "quotebank");
            Path exported = work.resolve("reference.ndjson.gz");
            run("reference", "export", exported.toString(), "--format", "ndjson");
            reference = exported;
        }
        return reference;
    }

    @Test
    void anImportKilledAndStartedAgainEndsWithTheDatabaseOfOneUninterruptedRun() throws Exception {
        Path reference = reference();
        Path log = work.resolve("killed-first.log");
        Process first = command("killed", log, "import", file.toString(), "--format", "quotebank").start();
        long committed = 0;
        for (int i = 0; i < 1200 && committed == 0; i++) {
            Thread.sleep(100);
            Matcher progress = PROGRESS.matcher(Files.readString(log));
            while (progress.find()) {
                committed = Long.parseLong(progress.group(1).replace(",", ""));
            }
            assertTrue(first.isAlive(), "the import was still running when a batch had committed: " + Files.readString(log));
        }
        assertTrue(committed > 0 && committed < QUOTES, "a batch committed before the kill: " + committed);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL

        String second = run("killed", "import", file.toString(), "--format", "quotebank");
        Matcher resumed = RESUMED.matcher(second);
        assertTrue(resumed.find(), second);
        long resumedAfter = Long.parseLong(resumed.group(1).replace(",", ""));
        assertTrue(resumedAfter >= committed && resumedAfter < QUOTES, "resumed after line " + resumedAfter);
        Path killed = work.resolve("killed.ndjson.gz");
        run("killed", "export", killed.toString(), "--format", "ndjson");

        // the instants a run stamps (created, updated) are the only difference two runs may have
        assertEquals(withoutInstants(reference), withoutInstants(killed));
    }

    @Test
    void anNdjsonExportImportedIntoAnEmptyDatabaseExportsTheSameBytes() throws Exception {
        Path original = reference();
        String imported = run("roundtrip", "import", original.toString(), "--format", "ndjson");
        assertTrue(imported.contains("succeeded"), imported);
        Path again = work.resolve("again.ndjson.gz");
        run("roundtrip", "export", again.toString(), "--format", "ndjson");
        List<String> before = lines(original);
        List<String> after = lines(again);
        assertTrue(before.size() > QUOTES, "the export holds the speakers, sources and quotes: " + before.size());
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i), after.get(i), "line " + (i + 1));
        }
    }

    private static List<String> lines(Path gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static List<String> withoutInstants(Path gzipped) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String line : lines(gzipped)) {
            ObjectNode node = (ObjectNode) mapper.readTree(line);
            node.remove(List.of("createdAt", "updatedAt"));
            if (node.has("appearances")) {
                node.get("appearances").forEach(a -> ((ObjectNode) a).remove("createdAt"));
            }
            out.add(node.toString());
        }
        return out;
    }
}
