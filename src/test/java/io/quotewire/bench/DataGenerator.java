package io.quotewire.bench;

import io.quotewire.text.Slugs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a Quotewire database (schema made by the service's Flyway migrations) with synthetic speakers, sources, tags
 * and quotes, the same rows for the same seed, using PostgreSQL COPY.
 *
 * <p>It loads in three steps. First, in one transaction, the tables are truncated (which lets COPY write frozen
 * rows), the secondary indexes of the quote tables are dropped (one sorted build after the load is far cheaper
 * than a million inserts into a GIN index; their definitions are kept in the marker table until rebuilt) and the
 * speakers, sources and tags are copied. Then the quotes are copied in {@value #SLICES} slices on as many
 * connections at once, since PostgreSQL spends one core per COPY computing the search vectors. Last, the indexes
 * are rebuilt on as many connections, the kept quote counts recomputed, the marker set complete and the tables
 * vacuumed and analyzed. The quote triggers and foreign-key checks are off in the loading sessions
 * ({@code session_replication_role = replica}): the rows are consistent by construction. An interrupted load leaves
 * the marker incomplete; running again with {@code --truncate} starts over and restores the kept index definitions.
 *
 * <p>Not part of the service: it lives in the test sources and runs with
 * {@code ./mvnw -q test-compile exec:java@generate -Dexec.args="--url jdbc:postgresql://127.0.0.1:5432/quotewire_bench"}.
 */
public final class DataGenerator {

    private static final Instant PERIOD_START = Instant.parse("2011-01-01T00:00:00Z");
    private static final Instant PERIOD_END = Instant.parse("2025-12-31T00:00:00Z");
    private static final int MIN_QUOTE_LENGTH = 40;
    private static final int MAX_QUOTE_LENGTH = 400;
    private static final String MARKER_TABLE = "bench_dataset";
    private static final List<String> QUOTE_TABLES = List.of("quote", "quote_tag", "quote_appearance");
    /** Quotes are made and copied in this many slices, on as many connections; fixed so the rows depend only on the seed. */
    static final int SLICES = 2;

    record Options(String url, String user, String password, int quotes, int speakers, int sources, int tags, long seed,
            boolean truncate, boolean skipIfPresent, Path termsOut, Path words) {

        static Options parse(String[] args) {
            String url = null;
            String user = "postgres";
            String password = "";
            int quotes = 1_000_000;
            int speakers = 20_000;
            int sources = 100_000;
            int tags = 300;
            long seed = 42;
            boolean truncate = false;
            boolean skip = false;
            Path terms = null;
            Path words = Vocabulary.Lexicon.DEFAULT_WORD_LIST;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--url" -> url = args[++i];
                    case "--user" -> user = args[++i];
                    case "--password" -> password = args[++i];
                    case "--quotes" -> quotes = Integer.parseInt(args[++i]);
                    case "--speakers" -> speakers = Integer.parseInt(args[++i]);
                    case "--sources" -> sources = Integer.parseInt(args[++i]);
                    case "--tags" -> tags = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--truncate" -> truncate = true;
                    case "--skip-if-present" -> skip = true;
                    case "--terms-out" -> terms = Path.of(args[++i]);
                    case "--words" -> words = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                }
            }
            if (url == null) {
                throw new IllegalArgumentException("--url is required\n" + USAGE);
            }
            if (quotes < 1 || speakers < 1 || sources < 1 || tags < 1
                    || tags > Vocabulary.TOPICS.size() * Vocabulary.TAG_QUALIFIERS.size()) {
                throw new IllegalArgumentException("counts must be positive, and tags at most "
                        + Vocabulary.TOPICS.size() * Vocabulary.TAG_QUALIFIERS.size());
            }
            return new Options(url, user, password, quotes, speakers, sources, tags, seed, truncate, skip, terms, words);
        }

        boolean sameDataset(long otherSeed, int otherQuotes, int otherSpeakers, int otherSources, int otherTags) {
            return seed == otherSeed && quotes == otherQuotes && speakers == otherSpeakers && sources == otherSources && tags == otherTags;
        }
    }

    static final String USAGE = """
            usage: DataGenerator --url jdbc:postgresql://HOST:PORT/DB [--user postgres] [--password ...]
                   [--quotes 1000000] [--speakers 20000] [--sources 100000] [--tags 300] [--seed 42]
                   [--truncate]          replace data already in the database
                   [--skip-if-present]   do nothing when the same dataset (seed and sizes) is already loaded
                   [--terms-out FILE]    also write search terms drawn from the generator's vocabulary
                   [--words FILE]        word list quotes are made of (default: Debian wamerican's)""";

    private final Options options;
    private final Vocabulary.Lexicon lexicon;
    private long lastProgress;

    private DataGenerator(Options options, Vocabulary.Lexicon lexicon) {
        this.options = options;
        this.lexicon = lexicon;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Vocabulary.Lexicon lexicon = Vocabulary.Lexicon.load(options.words());
        if (options.termsOut() != null) {
            Files.write(options.termsOut(), Vocabulary.searchTerms(lexicon, new SplittableRandom(options.seed()), 400), StandardCharsets.UTF_8);
        }
        try {
            new DataGenerator(options, lexicon).run();
        } catch (RefusedException e) {
            System.err.println(e.getMessage());
            System.exit(3);
        }
    }

    private void run() throws SQLException, InterruptedException {
        long started = System.nanoTime();
        Dataset data = new Dataset(options, lexicon);
        List<String> indexes;
        try (Connection connection = loadingConnection()) {
            if (!checkTarget(connection)) {
                return;
            }
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                List<String> kept = keptIndexDefinitions(statement);
                statement.execute("truncate quote_tag, quote_of_the_day, quote_appearance, quote, speaker, source, tag, article_ingest restart identity");
                indexes = dropSecondaryIndexes(statement, kept);
                statement.execute("create table if not exists " + MARKER_TABLE + " (seed bigint not null, quotes integer not null,"
                        + " speakers integer not null, sources integer not null, tags integer not null, complete boolean not null,"
                        + " dropped_indexes text[] not null, generated_at timestamptz not null)");
                statement.execute("alter table " + MARKER_TABLE + " add column if not exists words integer not null default 0");
                statement.execute("delete from " + MARKER_TABLE);
                try (PreparedStatement marker = connection.prepareStatement("insert into " + MARKER_TABLE
                        + " values (?, ?, ?, ?, ?, false, ?, now())")) {
                    marker.setLong(1, options.seed());
                    marker.setInt(2, options.quotes());
                    marker.setInt(3, options.speakers());
                    marker.setInt(4, options.sources());
                    marker.setInt(5, options.tags());
                    marker.setArray(6, connection.createArrayOf("text", indexes.toArray()));
                    marker.executeUpdate();
                }
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                long tags = CopyStream.copy(copy, "copy tag (id, slug, name, created_at) from stdin with (freeze)", data::writeTags);
                long speakers = CopyStream.copy(copy, "copy speaker (id, slug, name, aliases, role, organization, description,"
                        + " wikidata_id, version, created_at, updated_at) from stdin with (freeze)", data::writeSpeakers);
                long sources = CopyStream.copy(copy, "copy source (id, kind, title, url, publisher, authors, published_at,"
                        + " language, version, created_at, updated_at) from stdin with (freeze)", data::writeSources);
                connection.commit();
                log("%,d tags, %,d speakers, %,d sources in %.1f s", tags, speakers, sources, seconds(started));
            } catch (SQLException | RuntimeException | InterruptedException e) {
                connection.rollback();
                throw e;
            }
        }

        long quotesStarted = System.nanoTime();
        lastProgress = quotesStarted;
        long[] copied = inParallel(SLICES, slice -> {
            try (Connection connection = loadingConnection()) {
                connection.setAutoCommit(false);
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                long quotes = CopyStream.copy(copy, "copy quote (id, text, type, speaker_id, source_id, context, start_offset,"
                        + " end_offset, language, status, quoted_on, version, created_at, updated_at) from stdin",
                        rows -> data.writeQuotes(rows, slice, this::progress));
                long quoteTags = CopyStream.copy(copy, "copy quote_tag (quote_id, tag_id) from stdin", rows -> data.writeQuoteTags(rows, slice));
                connection.commit();
                return new long[] {quotes, quoteTags};
            }
        });
        double copySeconds = seconds(quotesStarted);
        log("%,d quotes and %,d quote tags copied in %.1f s: %,.0f quotes/s", copied[0], copied[1], copySeconds, copied[0] / copySeconds);

        long appearancesStarted = System.nanoTime();
        try (Connection connection = loadingConnection(); Statement statement = connection.createStatement()) {
            // every quote's first appearance, which the triggers of V26 (off while loading) would have written
            long appearances = statement.executeUpdate("""
                    insert into quote_appearance (id, quote_id, source_id, start_offset, end_offset, context, seen_on, created_at)
                    select id, id, source_id, start_offset, end_offset, context, quoted_on, created_at from quote""");
            log("%,d first appearances written in %.1f s", appearances, seconds(appearancesStarted));
        }

        long indexStarted = System.nanoTime();
        // the GIN index alone takes about as long as the others together
        List<List<String>> batches = List.of(indexes.stream().filter(d -> d.contains(" USING gin ")).toList(),
                indexes.stream().filter(d -> !d.contains(" USING gin ")).toList());
        inParallel(batches.size(), batch -> {
            try (Connection connection = loadingConnection(); Statement statement = connection.createStatement()) {
                for (String index : batches.get(batch)) {
                    statement.execute(index);
                }
                return new long[] {batches.get(batch).size(), 0};
            }
        });
        log("%d secondary indexes rebuilt in %.1f s", indexes.size(), seconds(indexStarted));

        long finishStarted = System.nanoTime();
        try (Connection connection = loadingConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    update speaker s set quote_count = c.n
                    from (select speaker_id, count(*) as n from quote where speaker_id is not null group by speaker_id) c
                    where s.id = c.speaker_id""");
            statement.execute("""
                    update tag t set quote_count = c.n
                    from (select tag_id, count(*) as n from quote_tag group by tag_id) c
                    where t.id = c.tag_id""");
            statement.execute("update " + MARKER_TABLE + " set complete = true, dropped_indexes = '{}', generated_at = now(), words = "
                    + lexicon.size());
            // COPY ran with triggers off, so the search change log knows nothing of these quotes: every instance's
            // search index must be rebuilt (a change without a quote asks for that; see migration V20)
            statement.execute("insert into search_change (quote_id) values (null)");
            // sets the visibility map and the statistics now, rather than autovacuum doing it during a benchmark
            statement.execute("vacuum (analyze) tag, speaker, source, quote, quote_tag, quote_appearance");
        }
        log("quote counts recomputed, tables vacuumed and analyzed in %.1f s", seconds(finishStarted));
        double total = seconds(started);
        log("done: %,d quotes in %.1f s end to end (%,.0f quotes/s); COPY of quotes and their tags alone %,.0f quotes/s",
                copied[0], total, copied[0] / total, copied[0] / copySeconds);
    }

    private Connection loadingConnection() throws SQLException {
        Connection connection = DriverManager.getConnection(options.url(), options.user(), options.password());
        try (Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.execute("set maintenance_work_mem = '512MB'");
            statement.execute("set synchronous_commit = off");
        }
        return connection;
    }

    interface SliceWork {
        long[] run(int slice) throws Exception;
    }

    /** Runs {@code work} for slices 0..n-1 on as many threads, returning the sums of their results. */
    private static long[] inParallel(int n, SliceWork work) throws InterruptedException {
        long[] sums = new long[2];
        List<Thread> threads = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int slice = 0; slice < n; slice++) {
            int s = slice;
            Thread thread = new Thread(() -> {
                try {
                    long[] result = work.run(s);
                    synchronized (sums) {
                        sums[0] += result[0];
                        sums[1] += result[1];
                    }
                } catch (Throwable e) {
                    synchronized (sums) {
                        failure[0] = e;
                    }
                }
            }, "load-" + slice);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure[0] != null) {
            throw new IllegalStateException("loading failed", failure[0]);
        }
        return sums;
    }

    /** Whether to generate: refuses to overwrite data without --truncate; false when --skip-if-present applies. */
    private boolean checkTarget(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet schema = statement.executeQuery("select to_regclass('quote') is not null, to_regclass('" + MARKER_TABLE + "') is not null")) {
                schema.next();
                if (!schema.getBoolean(1)) {
                    throw new RefusedException("No quote table: start the service once against this database so that Flyway creates the schema.");
                }
                if (schema.getBoolean(2)) {
                    statement.execute("alter table " + MARKER_TABLE + " add column if not exists words integer not null default 0");
                    try (ResultSet marker = statement.executeQuery("select seed, quotes, speakers, sources, tags, generated_at, complete, words from " + MARKER_TABLE)) {
                        if (marker.next()) {
                            String described = String.format(Locale.ROOT, "seed %d, %,d quotes, %,d speakers, %,d sources, %,d tags (%s %s)",
                                    marker.getLong(1), marker.getInt(2), marker.getInt(3), marker.getInt(4), marker.getInt(5),
                                    marker.getBoolean(7) ? "generated" : "INCOMPLETE, started", marker.getString(6));
                            if (options.skipIfPresent() && marker.getBoolean(7) && options.sameDataset(marker.getLong(1), marker.getInt(2), marker.getInt(3), marker.getInt(4), marker.getInt(5))
                                    && marker.getInt(8) == lexicon.size()) {
                                log("already generated: %s; nothing to do", described);
                                return false;
                            }
                            if (!options.truncate()) {
                                throw new RefusedException("The database already holds generated data: " + described + ". Give --truncate to replace it.");
                            }
                            return true;
                        }
                    }
                }
            }
            try (ResultSet rows = statement.executeQuery("select (select count(*) from quote), (select count(*) from speaker), (select count(*) from source)")) {
                rows.next();
                if ((rows.getLong(1) > 0 || rows.getLong(2) > 0 || rows.getLong(3) > 0) && !options.truncate()) {
                    throw new RefusedException(String.format(Locale.ROOT,
                            "The database is not empty (%,d quotes, %,d speakers, %,d sources). Give --truncate to delete them all.",
                            rows.getLong(1), rows.getLong(2), rows.getLong(3)));
                }
            }
        }
        return true;
    }

    /** Index definitions an interrupted earlier load dropped and did not rebuild. */
    private static List<String> keptIndexDefinitions(Statement statement) throws SQLException {
        List<String> kept = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("select to_regclass('" + MARKER_TABLE + "') is not null")) {
            rows.next();
            if (!rows.getBoolean(1)) {
                return kept;
            }
        }
        try (ResultSet rows = statement.executeQuery("select unnest(dropped_indexes) from " + MARKER_TABLE)) {
            while (rows.next()) {
                kept.add(rows.getString(1));
            }
        }
        return kept;
    }

    /**
     * Drops the indexes of the quote tables that no constraint needs, returning the statements that rebuild them
     * together with the {@code kept} ones.
     */
    private static List<String> dropSecondaryIndexes(Statement statement, List<String> kept) throws SQLException {
        List<String> definitions = new ArrayList<>(kept);
        List<String> names = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("""
                select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
                from pg_index i
                where i.indrelid::regclass::text in ('%s')
                  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                order by 1""".formatted(String.join("', '", QUOTE_TABLES)))) {
            while (rows.next()) {
                names.add(rows.getString(1));
                if (!definitions.contains(rows.getString(2))) {
                    definitions.add(rows.getString(2));
                }
            }
        }
        for (String name : names) {
            statement.execute("drop index " + name);
        }
        return definitions;
    }

    private final java.util.concurrent.atomic.AtomicLong quotesMade = new java.util.concurrent.atomic.AtomicLong();

    private synchronized void progress(long madeInSlice) {
        long done = quotesMade.incrementAndGet();
        if (done % 100_000 == 0 || done == options.quotes()) {
            long now = System.nanoTime();
            log("  %,d / %,d quotes (%.0f%%), %,.0f quotes/s", done, options.quotes(), 100.0 * done / options.quotes(),
                    (done % 100_000 == 0 ? 100_000 : done % 100_000) / ((now - lastProgress) / 1e9));
            lastProgress = now;
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    private static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }

    /**
     * The synthetic records. Each table has its own random stream derived from the seed, so a table's rows depend
     * only on the seed and the sizes, not on how another table was made.
     */
    static final class Dataset {

        private final Options options;
        private final UUID[] tagIds;
        private final UUID[] speakerIds;
        private final String[] speakerSurnames;
        private final UUID[] sourceIds;
        private final Instant[] sourcePublished;
        private final Zipf speakerRanks;
        private final int[] speakerByRank;
        private final Zipf tagRanks;
        private final long[] quoteIdHigh;
        private final long[] quoteIdLow;
        private final short[] quoteTags;

        private final Vocabulary.Lexicon lexicon;

        Dataset(Options options, Vocabulary.Lexicon lexicon) {
            this.options = options;
            this.lexicon = lexicon;
            tagIds = new UUID[options.tags()];
            speakerIds = new UUID[options.speakers()];
            speakerSurnames = new String[options.speakers()];
            sourceIds = new UUID[options.sources()];
            sourcePublished = new Instant[options.sources()];
            speakerRanks = new Zipf(options.speakers(), 0.95);
            tagRanks = new Zipf(options.tags(), 0.8);
            speakerByRank = shuffledIndexes(options.speakers(), stream(5));
            quoteIdHigh = new long[options.quotes()];
            quoteIdLow = new long[options.quotes()];
            quoteTags = new short[options.quotes() * 3];
        }

        private SplittableRandom stream(int table) {
            return new SplittableRandom(options.seed() * 1_000_003L + table);
        }

        void writeTags(CopyStream rows) {
            SplittableRandom random = stream(1);
            List<String> slugs = new ArrayList<>();
            for (String topic : Vocabulary.TOPICS) {
                for (String qualifier : Vocabulary.TAG_QUALIFIERS) {
                    slugs.add(qualifier.isEmpty() ? topic : topic + "-" + qualifier);
                }
            }
            int[] order = shuffledIndexes(slugs.size(), random);
            for (int i = 0; i < tagIds.length; i++) {
                String slug = slugs.get(order[i]);
                Instant created = PERIOD_START.plusSeconds(random.nextLong(86_400L * 30));
                tagIds[i] = uuid7(created, random);
                String name = Character.toUpperCase(slug.charAt(0)) + slug.substring(1).replace('-', ' ');
                rows.uuid(tagIds[i]).text(slug).text(name).text(created.toString()).endRow();
            }
        }

        void writeSpeakers(CopyStream rows) {
            SplittableRandom random = stream(2);
            Set<String> slugs = new HashSet<>();
            long span = PERIOD_END.getEpochSecond() - PERIOD_START.getEpochSecond();
            for (int i = 0; i < speakerIds.length; i++) {
                String first = Vocabulary.pick(random, Vocabulary.FIRST_NAMES);
                String last = Vocabulary.pick(random, Vocabulary.LAST_NAMES);
                String name = first + " " + last;
                String slug = Slugs.of(name);
                for (int attempt = 0; !slugs.add(slug); attempt++) {
                    name = first + " " + (char) ('A' + attempt % 26) + ". " + last + (attempt >= 26 ? " " + romanSuffix(attempt / 26) : "");
                    slug = Slugs.of(name);
                }
                String role = random.nextInt(100) < 85 ? Vocabulary.pick(random, Vocabulary.ROLES) : null;
                String organization = random.nextInt(100) < 80 ? Vocabulary.pick(random, Vocabulary.ORGANIZATIONS) : null;
                List<String> aliases = new ArrayList<>(3);
                int aliasCount = random.nextInt(100) < 30 ? 0 : 1 + random.nextInt(3);
                if (aliasCount >= 1) {
                    aliases.add(first.charAt(0) + ". " + last);
                }
                if (aliasCount >= 2) {
                    aliases.add(role != null ? role.split(" ")[0] + " " + last : last);
                }
                if (aliasCount >= 3) {
                    aliases.add(first.substring(0, Math.min(3, first.length())) + " " + last);
                }
                String description = role != null && organization != null && random.nextBoolean() ? role + ", " + organization : null;
                String wikidata = random.nextInt(100) < 30 ? "Q" + (1000 + random.nextInt(90_000_000)) : null;
                Instant created = PERIOD_START.plusSeconds(span * i / speakerIds.length + random.nextLong(3600));
                speakerIds[i] = uuid7(created, random);
                speakerSurnames[i] = last;
                rows.uuid(speakerIds[i]).text(slug).text(name).textArray(aliases).text(role).text(organization).text(description)
                        .text(wikidata).number(0).text(created.toString()).text(created.toString()).endRow();
            }
        }

        void writeSources(CopyStream rows) {
            SplittableRandom random = stream(3);
            long span = PERIOD_END.getEpochSecond() - PERIOD_START.getEpochSecond();
            String[] kinds = {"article", "article", "article", "article", "article", "article", "interview", "speech",
                    "briefing", "statement", "social-post", "other"};
            for (int j = 0; j < sourceIds.length; j++) {
                Instant published = PERIOD_START.plusSeconds(span * j / sourceIds.length + random.nextLong(Math.max(1, span / sourceIds.length)));
                sourcePublished[j] = published;
                Instant created = published.plusSeconds(600 + random.nextLong(86_400));
                sourceIds[j] = uuid7(created, random);
                String kind = kinds[random.nextInt(kinds.length)];
                String publisher = Vocabulary.pick(random, Vocabulary.PUBLISHERS);
                String title = capitalized(Vocabulary.sourceTitle(random, Vocabulary.pick(random, Vocabulary.LAST_NAMES)));
                String url = "https://" + Slugs.of(publisher) + ".example/" + LocalDate.ofInstant(published, ZoneOffset.UTC).getYear()
                        + "/" + Slugs.of(title) + "-" + j;
                List<String> authors = new ArrayList<>(2);
                if (kind.equals("article") || kind.equals("interview")) {
                    for (int a = random.nextInt(4) == 0 ? 2 : 1; a > 0; a--) {
                        authors.add(Vocabulary.pick(random, Vocabulary.FIRST_NAMES) + " " + Vocabulary.pick(random, Vocabulary.LAST_NAMES));
                    }
                }
                rows.uuid(sourceIds[j]).text(kind).text(title).text(url).text(publisher).textArray(authors).text(published.toString())
                        .text("en").number(0).text(created.toString()).text(created.toString()).endRow();
            }
        }

        /**
         * Quotes follow their sources through time (a source's quotes are said on its date and entered soon after),
         * so their time-ordered ids arrive nearly in order. Speakers are Zipf-distributed: a few are quoted
         * thousands of times, most a handful.
         */
        void writeQuotes(CopyStream rows, int slice, java.util.function.LongConsumer progress) {
            SplittableRandom random = stream(100 + slice);
            int quotes = options.quotes();
            int sources = sourceIds.length;
            for (int i = sliceStart(slice); i < sliceStart(slice + 1); i++) {
                int source = (int) Math.min(sources - 1, Math.max(0, (long) i * sources / quotes + Math.round(gaussian(random) * 2)));
                Instant said = sourcePublished[source];
                Instant created = said.plusSeconds(1800 + random.nextLong(3 * 86_400));
                UUID id = uuid7(created, random);
                quoteIdHigh[i] = id.getMostSignificantBits();
                quoteIdLow[i] = id.getLeastSignificantBits();
                int target = (int) Math.round(Math.exp(Math.log(95) + 0.55 * gaussian(random)));
                String text = lexicon.quote(random, Math.max(MIN_QUOTE_LENGTH, Math.min(MAX_QUOTE_LENGTH, target)), MAX_QUOTE_LENGTH);
                boolean direct = random.nextInt(3) != 0;
                UUID speaker = random.nextInt(100) < 3 ? null : speakerIds[speakerByRank[speakerRanks.sample(random)]];
                String context = random.nextInt(100) < 25
                        ? "Speaking about " + Vocabulary.pick(random, Vocabulary.TOPICS) + " at a " + (random.nextBoolean() ? "press conference" : "public hearing")
                        : null;
                int statusDraw = random.nextInt(100);
                String status = statusDraw < 60 ? "unverified" : statusDraw < 95 ? "verified" : statusDraw < 99 ? "disputed" : "misattributed";
                Instant updated = status.equals("unverified") ? created : created.plusSeconds(3600 + random.nextLong(30 * 86_400L));
                LocalDate quotedOn = LocalDate.ofInstant(said, ZoneOffset.UTC).minusDays(random.nextInt(10) == 0 ? 1 + random.nextInt(3) : 0);
                rows.uuid(id).text(text).text(direct ? "direct" : "indirect");
                if (speaker == null) {
                    rows.nullValue();
                } else {
                    rows.uuid(speaker);
                }
                rows.uuid(sourceIds[source]).text(context).nullValue().nullValue().text("en").text(status).text(quotedOn.toString())
                        .number(updated.equals(created) ? 0 : 1).text(created.toString()).text(updated.toString()).endRow();

                int tagDraw = random.nextInt(100);
                int tagCount = tagDraw < 25 ? 0 : tagDraw < 65 ? 1 : tagDraw < 90 ? 2 : 3;
                for (int t = 0; t < 3; t++) {
                    quoteTags[i * 3 + t] = -1;
                }
                for (int t = 0; t < tagCount; t++) {
                    short tag = (short) tagRanks.sample(random);
                    if (tag != quoteTags[i * 3] && tag != quoteTags[i * 3 + 1]) {
                        quoteTags[i * 3 + t] = tag;
                    }
                }
                progress.accept(i + 1L);
            }
        }

        void writeQuoteTags(CopyStream rows, int slice) {
            for (int i = sliceStart(slice); i < sliceStart(slice + 1); i++) {
                UUID quote = null;
                for (int t = 0; t < 3; t++) {
                    short tag = quoteTags[i * 3 + t];
                    if (tag >= 0) {
                        if (quote == null) {
                            quote = new UUID(quoteIdHigh[i], quoteIdLow[i]);
                        }
                        rows.uuid(quote).uuid(tagIds[tag]).endRow();
                    }
                }
            }
        }

        private int sliceStart(int slice) {
            return (int) ((long) options.quotes() * slice / SLICES);
        }

        /** A UUIDv7: 48 bits of Unix milliseconds, the version, the variant and random bits from {@code random}. */
        static UUID uuid7(Instant at, SplittableRandom random) {
            long high = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
            long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(high, low);
        }

        private static int[] shuffledIndexes(int size, SplittableRandom random) {
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            return order;
        }

        private static double gaussian(SplittableRandom random) {
            // Box-Muller; SplittableRandom has no nextGaussian on Java 17
            return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        }

        private static String capitalized(String text) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }

        private static String romanSuffix(int n) {
            return switch (n) {
                case 1 -> "II";
                case 2 -> "III";
                case 3 -> "IV";
                default -> "V" + n;
            };
        }
    }

    /** Ranks 0..n-1 drawn with probability proportional to 1/(rank+1)^exponent. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double exponent) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1 / Math.pow(k + 1, exponent);
                cumulative[k] = sum;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= sum;
            }
        }

        int sample(SplittableRandom random) {
            int found = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, found >= 0 ? found : -found - 1);
        }
    }
}
