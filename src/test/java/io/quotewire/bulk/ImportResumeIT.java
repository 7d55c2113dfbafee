package io.quotewire.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * The import and export commands of the packaged jar: an import killed with SIGKILL in the middle (of reading its
 * file, or of the load that ends an import into an empty database) and started again ends with the same database as
 * one uninterrupted run; a load writes what merging line by line writes; and an NDJSON export imported into an empty
 * database and exported again gives back the same file, byte for byte (every record, id, instant and appearance).
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
            for (String database : List.of("reference", "killed", "killed_loading", "roundtrip", "rules_loaded", "rules_merged", "refused_load", "refused_lines")) {
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
        return command(database, log, Map.of(), args);
    }

    /** The command on the database, with settings (environment variables) of its own besides the test's. */
    private static ProcessBuilder command(String database, Path log, Map<String, String> settings, String... args) throws IOException {
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
        builder.environment().putAll(settings);
        return builder;
    }

    private static String run(String database, String... args) throws Exception {
        return run(database, Map.of(), args);
    }

    private static String run(String database, Map<String, String> settings, String... args) throws Exception {
        Path log = Files.createTempFile(work, database, ".log");
        Process process = command(database, log, settings, args).start();
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
        // two lines a batch: staging the file takes long enough to be killed in the middle of it
        Process first = command("killed", log, Map.of("QUOTEWIRE_IMPORT_BATCH_QUOTES", "2"), "import", file.toString(), "--format", "quotebank")
                .start();
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
        assertTrue(Files.readString(log).contains("staged for the load"), "an import into an empty database loads");

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
    void anImportKilledInTheMiddleOfItsLoadEndsWithTheDatabaseOfOneUninterruptedRun() throws Exception {
        Path reference = reference();
        Path log = work.resolve("killed-loading-first.log");
        Process first = command("killed_loading", log, "import", file.toString(), "--format", "quotebank").start();
        boolean loading = false;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement activity = connection.prepareStatement("select exists (select 1 from pg_stat_activity "
                        + "where datname = 'killed_loading' and state = 'active' and (query like 'insert into quote (%' or query like 'CREATE INDEX%'))")) {
            for (int i = 0; i < 60_000 && !loading && first.isAlive(); i++) {
                if (!Files.readString(log).contains("Loading the")) { // the migrations at the start build indexes too
                    Thread.sleep(10);
                    continue;
                }
                try (ResultSet row = activity.executeQuery()) {
                    row.next();
                    loading = row.getBoolean(1);
                }
            }
        }
        assertTrue(loading, "the load's transaction was seen writing the quotes or building an index: " + Files.readString(log));
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL, in the middle of the load's one transaction
        assertFalse(Files.readString(log).contains("succeeded"), Files.readString(log));

        String second = run("killed_loading", "import", file.toString(), "--format", "quotebank");
        assertTrue(second.contains(String.format("after line %,d", QUOTES)), "every line was staged before the kill: " + second);
        Path killed = work.resolve("killed-loading.ndjson.gz");
        run("killed_loading", "export", killed.toString(), "--format", "ndjson");
        assertEquals(withoutInstants(reference), withoutInstants(killed));
    }

    /**
     * A file whose lines name one speaker with and without a Wikidata id, two speakers of one name, a quote again,
     * a malformed line and a line without URL: loaded into an empty database, it becomes what merging it line by line
     * (batches of one line) writes, with the same counts and the same refused lines.
     */
    @Test
    void aLoadIntoAnEmptyDatabaseWritesWhatMergingLineByLineWrites() throws Exception {
        Path rules = work.resolve("rules.json");
        Files.writeString(rules, String.join("\n",
                quotebank("r-1", "The harbour stays closed today.", "Ana Ruiz", "[]", "0.8", "https://a.example/1"),
                quotebank("r-2", "We will dredge the channel.", "Ana Ruiz", "[\"Q1001\"]", "0.9", "https://a.example/2\", \"https://a.example/1"),
                quotebank("r-3", "The ferry keeps its timetable.", "Ana Ruiz", "[\"Q1002\"]", "0.7", "https://b.example/3"),
                quotebank("r-4", "The harbour stays closed today.", "ana ruiz", "[]", "0.6", "https://c.example/4\", \"https://a.example/1"),
                "{\"quoteID\": \"r-5\", \"quotation\": \"cut short",
                quotebank("r-6", "We will dredge the channel.", "Ana Ruiz", "[\"Q1001\"]", "0.95", "https://d.example/6"),
                quotebank("r-7", "Nobody knows who said this.", "None", "[]", "0.5", "https://a.example/2"),
                quotebank("r-8", "The budget is not enough.", "Ben Ode", "[\"Q2001\", \"Q2002\"]", "0.4", "https://e.example/8"),
                quotebank("r-9", "The school will reopen.", "Ben Ode", "[\"Q2001\"]", "0.85", "https://e.example/9"),
                "{\"quoteID\": \"r-10\", \"quotation\": \"Seen nowhere.\", \"speaker\": \"None\", \"qids\": [], \"date\": \"2021-05-01 10:00:00\", "
                        + "\"numOccurrences\": 1, \"probas\": [], \"urls\": [], \"phase\": \"E\"}",
                quotebank("r-11", "The harbour stays closed today.", "Ana Ruiz", "[\"Q1001\"]", "0.7", "https://f.example/11"))
                + "\n");
        String loaded = run("rules_loaded", "import", rules.toString(), "--format", "quotebank");
        String merged = run("rules_merged", Map.of("QUOTEWIRE_IMPORT_LOAD_EMPTY_DATABASE", "false", "QUOTEWIRE_IMPORT_BATCH_QUOTES", "1"),
                "import", rules.toString(), "--format", "quotebank");
        assertTrue(loaded.contains("Loading the 11 lines"), loaded);
        assertFalse(merged.contains("Loading"), merged);
        assertEquals(summary(merged), summary(loaded));
        assertTrue(summary(loaded).contains("succeeded: 11 lines, 6 quotes created, 3 merged"), summary(loaded));
        assertTrue(summary(loaded).contains("line 5: ") && summary(loaded).contains("line 10: urls is empty"), summary(loaded));

        Path fromLoad = work.resolve("rules-loaded.ndjson.gz");
        Path fromMerge = work.resolve("rules-merged.ndjson.gz");
        run("rules_loaded", "export", fromLoad.toString(), "--format", "ndjson");
        run("rules_merged", "export", fromMerge.toString(), "--format", "ndjson");
        List<String> records = withoutInstants(fromLoad);
        assertEquals(withoutInstants(fromMerge), records);
        // one Ana Ruiz with Q1001 (first met without it), another with Q1002; Ben Ode first met with two ids takes Q2001
        assertEquals(3, records.stream().filter(r -> r.contains("\"record\":\"speaker\"")).count(), String.join("\n", records));
    }

    /**
     * Two sources of one URL under two ids: the load's unique key on the URL refuses the file as a whole, and the job
     * merges it batch by batch instead, which takes the second source as the first (same URL).
     */
    @Test
    void aFileTheLoadCannotTakeIsMergedBatchByBatchInstead() throws Exception {
        String instants = "\"version\": 0, \"createdAt\": \"2021-01-01T00:00:00Z\", \"updatedAt\": \"2021-01-01T00:00:00Z\"}";
        Path file = work.resolve("same-url.ndjson");
        Files.writeString(file, String.join("\n",
                "{\"record\": \"source\", \"id\": \"00000000-0000-4000-8000-000000000001\", \"kind\": \"article\", \"title\": \"One\", "
                        + "\"url\": \"https://same.example/1\", " + instants,
                "{\"record\": \"source\", \"id\": \"00000000-0000-4000-8000-000000000002\", \"kind\": \"article\", \"title\": \"Two\", "
                        + "\"url\": \"https://same.example/1\", " + instants,
                "{\"record\": \"quote\", \"id\": \"00000000-0000-4000-8000-000000000011\", \"text\": \"The first.\", \"type\": \"direct\", "
                        + "\"status\": \"unverified\", \"sourceId\": \"00000000-0000-4000-8000-000000000001\", " + instants,
                "{\"record\": \"quote\", \"id\": \"00000000-0000-4000-8000-000000000012\", \"text\": \"The second.\", \"type\": \"direct\", "
                        + "\"status\": \"unverified\", \"sourceId\": \"00000000-0000-4000-8000-000000000002\", " + instants) + "\n");
        String output = run("refused_load", "import", file.toString(), "--format", "ndjson");
        assertTrue(output.contains("cannot load (the database refused the file as a whole"), output);
        assertTrue(output.contains("succeeded: 4 lines, 2 quotes created, 0 merged"), output);
        try (Connection connection = postgres.getDatabase("postgres", "refused_load").getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*), count(distinct source_id) from quote")) {
            row.next();
            assertEquals(2, row.getInt(1));
            assertEquals(1, row.getInt(2), "both quotes are in the one source of that URL");
        }
    }

    /**
     * The load's own checks: a quote whose offsets miss its text in its source's text, and one naming a speaker no
     * line holds, are refused with the merge's reasons and their line numbers; the rest is loaded.
     */
    @Test
    void aLoadRefusesTheLinesWhoseOffsetsOrReferencesAreWrongWithTheirReasons() throws Exception {
        String instants = "\"version\": 0, \"createdAt\": \"2021-01-01T00:00:00Z\", \"updatedAt\": \"2021-01-01T00:00:00Z\"}";
        String source = "00000000-0000-4000-8000-000000000001";
        Path file = work.resolve("refused-lines.ndjson");
        Files.writeString(file, String.join("\n",
                "{\"record\": \"source\", \"id\": \"" + source + "\", \"kind\": \"article\", \"title\": \"Port\", "
                        + "\"url\": \"https://port.example/1\", \"text\": \"She said the port will open in May.\", " + instants,
                "{\"record\": \"quote\", \"id\": \"00000000-0000-4000-8000-000000000011\", \"text\": \"the port will open in May\", "
                        + "\"type\": \"indirect\", \"status\": \"unverified\", \"sourceId\": \"" + source + "\", \"start\": 9, \"end\": 34, " + instants,
                "{\"record\": \"quote\", \"id\": \"00000000-0000-4000-8000-000000000012\", \"text\": \"the port will open in May\", "
                        + "\"type\": \"indirect\", \"status\": \"unverified\", \"sourceId\": \"" + source + "\", \"start\": 0, \"end\": 25, " + instants,
                "{\"record\": \"quote\", \"id\": \"00000000-0000-4000-8000-000000000013\", \"text\": \"Nobody named said this.\", "
                        + "\"type\": \"direct\", \"status\": \"unverified\", \"sourceId\": \"" + source + "\", "
                        + "\"speakerId\": \"00000000-0000-4000-8000-000000000099\", " + instants) + "\n");
        String output = run("refused_lines", "import", file.toString(), "--format", "ndjson");
        assertTrue(output.contains("Loading the 4 lines"), output);
        assertTrue(output.contains("succeeded: 4 lines, 1 quotes created, 0 merged"), output);
        assertTrue(output.contains("  line 3: start 0 and end 25 do not select the quote's text in its source's text"), output);
        assertTrue(output.contains("  line 4: speakerId 00000000-0000-4000-8000-000000000099 names no speaker of the file or the database"), output);
    }

    private static String quotebank(String id, String quotation, String speaker, String qids, String proba, String urls) {
        return "{\"quoteID\": \"" + id + "\", \"quotation\": \"" + quotation + "\", \"speaker\": \"" + speaker + "\", \"qids\": " + qids
                + ", \"date\": \"2021-05-01 10:00:00\", \"numOccurrences\": 1, \"probas\": [[\"" + speaker + "\", \"" + proba + "\"]], "
                + "\"urls\": [\"" + urls + "\"], \"phase\": \"E\"}";
    }

    /** The command's last lines: the job's counts and the lines it refused. */
    private static String summary(String output) {
        return output.lines().filter(l -> l.startsWith("succeeded:") || l.startsWith("failed:") || l.startsWith("  line "))
                .map(l -> l.replaceAll(", [0-9]+ quotes/s$", "")) // the rate differs from run to run
                .reduce("", (a, b) -> a + b + "\n");
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
