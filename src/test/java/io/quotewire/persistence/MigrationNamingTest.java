package io.quotewire.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Migrations keep one style: a version and lower-case words in the name, a comment first, SQL in lower case. */
class MigrationNamingTest {

    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Pattern NAME = Pattern.compile("V[1-9][0-9]*__[a-z0-9]+(_[a-z0-9]+)*\\.sql");
    /** Shipped before the style was written down; never edited, so they keep their upper-case SQL. */
    private static final Set<String> SHIPPED_IN_UPPER_CASE = Set.of("V14__idempotency_keys.sql", "V15__rate_limit_buckets.sql");
    private static final Pattern UPPER_CASE_KEYWORD = Pattern.compile("\\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|SELECT|TABLE|INDEX|NOT NULL|PRIMARY KEY)\\b");

    @Test
    void everyMigrationIsNamedVersionThenLowerCaseWords() throws IOException {
        List<String> names = migrations();
        assertTrue(names.size() >= 6, "migrations found in " + MIGRATIONS.toAbsolutePath());
        for (String name : names) {
            assertTrue(NAME.matcher(name).matches(), name + " is not V<number>__lower_case_words.sql");
        }
        assertEquals(names.size(), names.stream().map(n -> n.substring(0, n.indexOf("__"))).distinct().count(), "one migration per version");
    }

    @Test
    void everyNewMigrationStartsWithWhyAndWritesSqlInLowerCase() throws IOException {
        for (String name : migrations()) {
            String sql = Files.readString(MIGRATIONS.resolve(name));
            assertTrue(sql.startsWith("--"), name + " starts with a comment saying why");
            if (!SHIPPED_IN_UPPER_CASE.contains(name)) {
                String code = sql.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).replaceAll("'[^']*'", "''");
                assertTrue(!UPPER_CASE_KEYWORD.matcher(code).find(), name + " writes SQL keywords in lower case");
            }
        }
    }

    private static List<String> migrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }
}
