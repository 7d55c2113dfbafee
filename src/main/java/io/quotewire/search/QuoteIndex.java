package io.quotewire.search;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quotewire.api.caching.ReadCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The search index of one instance: a Lucene index of every quote's text and filter fields, derived from PostgreSQL,
 * which stays the system of record.
 *
 * <p><b>Keeping up.</b> Triggers log every change of a quote or its tags in {@code search_change} with the id of
 * the writing transaction (migration V20). The index records a watermark: the oldest transaction that was still
 * running when it last read the log ({@code pg_snapshot_xmin}); every change of an older transaction is in the
 * index, and the committed changes of newer ones it has already applied are remembered by sequence number. Before a
 * search, one cheap count of the log rows at or above the watermark tells whether anything new has committed; if so
 * the search first applies it (a few quotes read by id). That count is skipped while no write was heard since the
 * index was last found up to date ({@link ReadCache#writesHeard()}: this instance's writes before their answer
 * leaves, every other instance's by LISTEN/NOTIFY within milliseconds of its commit; while that feed is down every
 * search counts). So a search sees every write acknowledged on this instance before it, and every write committed
 * elsewhere once its notification has arrived. A background poll applies changes every {@code pollInterval} too,
 * searches or not.
 *
 * <p><b>Rebuilding.</b> With no index, an index of another database, one older than the log's retention, or a
 * rebuild asked for (a log row without a quote: the rebuild command, bulk loads), the instance rebuilds from one
 * consistent snapshot of the quote table, reporting progress to its log and to {@code search_index_status}.
 * Meanwhile, and whenever the index cannot answer, {@link #search} answers empty and PostgreSQL answers the search.
 */
@ApplicationScoped
public class QuoteIndex implements MeterBinder {

    private static final Logger LOG = Logger.getLogger(QuoteIndex.class);

    public enum State {
        STARTING, REBUILDING, CURRENT, DISABLED, FAILED
    }

    /**
     * What a search found: the ids of one page in rank order with their scores, where the searched words are in each
     * text, whether more follow, the total.
     */
    public record Hits(List<UUID> ids, List<Float> scores, List<Long> seqs, List<TextMarks> marks, boolean more, Long total) {
    }

    /** The index's own account of itself, for readiness and the status table. */
    public record Status(State state, long indexed, long total, long watermark, String path) {
    }

    /** A few quotes by id, with their tags' slugs. */
    private static final String QUOTES_BY_ID = """
            select q.id, q.text, q.speaker_id, q.source_id, q.type, q.status, q.language, q.quoted_on, q.length,
                   array(select t.slug from quote_tag qt join tag t on t.id = qt.tag_id where qt.quote_id = q.id), q.seq
            from quote q where q.id = any(?)""";
    /** Every quote with its tags' slugs, in one pass over each table (a subquery per quote is far slower). */
    private static final String ALL_QUOTES = """
            select q.id, q.text, q.speaker_id, q.source_id, q.type, q.status, q.language, q.quoted_on, q.length, tags.slugs, q.seq
            from quote q
            left join (select qt.quote_id, array_agg(t.slug) as slugs
                       from quote_tag qt join tag t on t.id = qt.tag_id group by qt.quote_id) tags on tags.quote_id = q.id""";
    /** What the documents hold; an index committed with another layout is rebuilt. */
    private static final String LAYOUT = "5: segments sorted by seq, id in doc values, text offsets and hash, keywords and ranges in doc values too";
    /** The quote text: analyzed, with each word's offsets kept in the postings, so a page's highlights need no analysis. */
    static final FieldType TEXT = textWithOffsets();
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);
    private static final Duration STATUS_EVERY = Duration.ofSeconds(1);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);
    private static final int REBUILD_BATCH = 500;
    /**
     * The datasource of the index's own connections (application.properties): a pool the requests do not use, so
     * that reads keeping every pooled connection busy cannot keep the index behind.
     */
    static final String POOL = "search-index";

    /** The index's own pool ({@link #POOL}): catch-up, rebuild, status, pruning. */
    private final AgroalDataSource database;
    /** The requests' pool: the one look at the change log that a search makes on its own thread. */
    private final AgroalDataSource requests;
    private final SearchConfig config;
    /** Hears every write (LISTEN/NOTIFY): while none was heard since the last look at the change log, a search skips it. */
    private final ReadCache writes;
    /** {@link ReadCache#writesHeard()} when a search last found the index up to date with the change log. */
    private volatile long currentAtWrites = -1;
    private final String dataDirectory;
    private final Analyzer analyzer = new QuoteAnalyzer();
    private final FilterCache filters;
    private final String instance;
    /** Held while changes are applied or the index rebuilt: one writer of the index's state at a time. */
    private final ReentrantLock applying = new ReentrantLock();
    private ScheduledExecutorService background;

    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile Path path;
    private volatile State state = State.STARTING;
    /** Set when the service stops, so that a rebuild in progress gives way at once. */
    private volatile boolean closing;
    private volatile long watermark;
    /** Sequence numbers of applied changes whose transactions are not yet below the watermark. */
    private final Set<Long> appliedAbove = new HashSet<>();
    private volatile int appliedAboveCount;
    private volatile long rebuiltUpTo;
    private volatile long indexed;
    private volatile long total;
    private String logIdentity;
    private boolean uncommitted;
    /** A rebuild's segments are being merged into one in the background; searched once the merge is done. */
    private boolean merging;
    private long lastCommit;
    private long lastStatus;
    private long lastPrune;
    private long failedAt;
    private final AtomicLong rebuildsStarted = new AtomicLong();
    /** Whether the last failure left the index current up to its watermark, so trying again is catching up. */
    private volatile boolean resumable;

    public QuoteIndex(@DataSource(POOL) AgroalDataSource database, AgroalDataSource requests, SearchConfig config, ReadCache writes,
            @ConfigProperty(name = "quotewire.data-dir", defaultValue = "data") String dataDirectory) {
        this.database = database;
        this.requests = requests;
        this.writes = writes;
        this.config = config;
        this.dataDirectory = dataDirectory;
        this.instance = instanceName();
        this.filters = new FilterCache(FilterCache.bytesFor(config.filterCacheMb(), Runtime.getRuntime().maxMemory()));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        filters.bindTo(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            state = State.DISABLED;
            return;
        }
        background = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "search-index");
            thread.setDaemon(true);
            return thread;
        });
        background.execute(this::open);
        long every = config.pollInterval().toMillis();
        background.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (background == null) {
            return;
        }
        closing = true;
        background.shutdownNow();
        try {
            if (!applying.tryLock(5, TimeUnit.SECONDS)) {
                LOG.warn("search index: still busy at shutdown; it catches up or rebuilds on the next start");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            if (writer != null && writer.isOpen()) {
                if (state == State.CURRENT) {
                    commit(); // a rebuild cut short is never committed: the last complete index stays, and is redone
                }
                searchers.close();
                writer.close();
                directory.close();
            }
            try (Connection connection = database.getConnection();
                    PreparedStatement delete = connection.prepareStatement("delete from search_index_status where instance = ?")) {
                delete.setString(1, instance);
                delete.executeUpdate();
            }
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warnf("search index: could not close cleanly (%s); it catches up or rebuilds on the next start", e.toString());
        } finally {
            applying.unlock();
        }
    }

    public Status status() {
        return new Status(state, indexed, total, watermark, path == null ? null : path.toString());
    }

    /** True when searches are answered by this index (else PostgreSQL answers them). */
    public boolean serving() {
        return state == State.CURRENT;
    }

    /**
     * One page of the quotes matching {@code filters}, best first (ties by sequence number, descending), after the
     * position {@code afterScore}/{@code afterSeq} when given; empty when the index cannot answer just now
     * (rebuilding, behind by more than it can apply in {@code catchUpWait}, failed), in which case PostgreSQL must.
     */
    public Optional<Hits> search(SearchFilters filters, int limit, Float afterScore, Long afterSeq, boolean countTotal) {
        if (state != State.CURRENT || !applyNewChanges()) {
            return Optional.empty();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                WebSearchQuery words = WebSearchQuery.parse(filters.query(), analyzer);
                Query query = queryOf(words.query(), filters);
                List<RankedSearch.Hit> top = RankedSearch.top(searcher, query, limit + 1, afterScore, afterSeq, words.matchedTerms());
                List<UUID> ids = new ArrayList<>();
                List<Float> scores = new ArrayList<>();
                List<Long> seqs = new ArrayList<>();
                List<TextMarks> marks = new ArrayList<>();
                for (RankedSearch.Hit hit : top.subList(0, Math.min(limit, top.size()))) {
                    ids.add(hit.id());
                    scores.add(hit.score());
                    seqs.add(hit.seq());
                    marks.add(hit.marks());
                }
                Long count = countTotal ? (long) searcher.count(query) : null;
                return Optional.of(new Hits(ids, scores, seqs, marks, top.size() > limit, count));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "search index: a search failed; PostgreSQL answers it");
            return Optional.empty();
        }
    }

    /** How many segments searches read now (for tests: a rebuild ends merged into one). */
    int segments() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Marks the words of a quote's text that {@code query} matches, as code-point offsets {start, end}, by analyzing
     * the text (where the index's own offsets are not at hand or were written for another version of the text).
     */
    public Function<String, List<int[]>> highlighter(String query) {
        WebSearchQuery parsed = WebSearchQuery.parse(query, analyzer);
        return text -> parsed.highlights(text, analyzer);
    }

    static Query queryOf(Query words, SearchFilters filters) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, Occur.MUST);
        if (filters.speakerId() != null) {
            query.add(exact("speaker", filters.speakerId().toString()), Occur.FILTER);
        }
        if (filters.sourceId() != null) {
            query.add(exact("source", filters.sourceId().toString()), Occur.FILTER);
        }
        for (List<String> group : filters.tagGroups()) {
            query.add(KeywordField.newSetQuery("tag", group.stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        if (filters.type() != null) {
            query.add(exact("type", filters.type()), Occur.FILTER);
        }
        if (filters.status() != null) {
            query.add(exact("status", filters.status()), Occur.FILTER);
        }
        if (filters.language() != null) {
            query.add(exact("language", filters.language()), Occur.FILTER);
        }
        if (filters.from() != null || filters.to() != null) {
            int from = filters.from() == null ? Integer.MIN_VALUE : (int) filters.from().toEpochDay();
            int to = filters.to() == null ? Integer.MAX_VALUE : (int) filters.to().toEpochDay();
            query.add(IntField.newRangeQuery("quotedOn", from, to), Occur.FILTER);
        }
        if (filters.minLength() != null || filters.maxLength() != null) {
            query.add(IntField.newRangeQuery("length", filters.minLength() == null ? Integer.MIN_VALUE : filters.minLength(),
                    filters.maxLength() == null ? Integer.MAX_VALUE : filters.maxLength()), Occur.FILTER);
        }
        return query.build();
    }

    /**
     * Applies the changes committed since the index last looked, if any: one count of the log rows at or above the
     * watermark, and only when it differs from what is applied, a read of the new changes.
     *
     * @return false when the index could not be brought up to date within {@code catchUpWait}
     */
    private boolean applyNewChanges() {
        long heard = writes.writesHeard();
        if (writes.hearsEveryWrite() && heard == currentAtWrites) {
            return true; // nothing was written anywhere since the index was last found up to date
        }
        try {
            long logged;
            try (Connection connection = requests.getConnection();
                    PreparedStatement count = connection.prepareStatement("select count(*) from search_change where xid >= ?::text::xid8")) {
                count.setString(1, Long.toString(watermark));
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    logged = row.getLong(1);
                }
            }
            if (logged == appliedAboveCount) {
                currentAtWrites = heard;
                return true;
            }
            if (!applying.tryLock(config.catchUpWait().toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
            try {
                if (state == State.CURRENT) {
                    catchUp();
                }
                if (state == State.CURRENT) {
                    currentAtWrites = heard;
                    return true;
                }
                return false;
            } finally {
                applying.unlock();
            }
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warnf("search index: could not apply new changes (%s); PostgreSQL answers meanwhile", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // --- background: open, poll, rebuild ------------------------------------------------------------------------

    private void open() {
        applying.lock();
        try {
            Path wanted = Path.of(config.path().orElse(Path.of(dataDirectory, "search-index").toString()));
            Files.createDirectories(wanted);
            try {
                openAt(wanted);
            } catch (LockObtainFailedException e) {
                Path own = Files.createTempDirectory("quotewire-search-index");
                LOG.warnf("search index: %s is in use by another process; this instance keeps its index in %s", wanted, own);
                openAt(own);
            }
            logIdentity = queryString("select id::text from search_change_log");
            Map<String, String> committed = new HashMap<>();
            writer.getLiveCommitData().forEach(entry -> committed.put(entry.getKey(), entry.getValue()));
            String reason = reuseRefusal(committed);
            if (reason != null) {
                LOG.infof("search index: rebuilding (%s)", reason);
                rebuild();
                return;
            }
            watermark = Long.parseLong(committed.get("watermark"));
            rebuiltUpTo = Long.parseLong(committed.get("rebuiltUpTo"));
            indexed = writer.getDocStats().numDocs;
            total = indexed;
            state = State.CURRENT;
            catchUp();
            LOG.infof("search index: %d quotes in %s, caught up with PostgreSQL", indexed, path);
        } catch (IOException | SQLException | RuntimeException e) {
            failed(e);
        } finally {
            applying.unlock();
        }
    }

    private void openAt(Path at) throws IOException {
        Directory opened = FSDirectory.open(at);
        try {
            try {
                writer = new IndexWriter(opened, writerSettings(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            } catch (IllegalArgumentException otherSort) {
                // segments of an earlier layout, not sorted as this one's must be: start empty, and so rebuild
                LOG.infof("search index: the index in %s was written by an earlier version (its segments are not sorted)", at);
                writer = new IndexWriter(opened, writerSettings(IndexWriterConfig.OpenMode.CREATE));
            }
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        directory = opened;
        path = at;
        searchers = new SearcherManager(writer, filters.searchers());
    }

    private IndexWriterConfig writerSettings(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzer)
                .setOpenMode(mode)
                .setRAMBufferSizeMB(writeBufferMb())
                .setIndexSort(RankedSearch.INDEX_SORT)
                .setCommitOnClose(false);
    }

    /**
     * The configured write buffer, at most an eighth of the heap: a rebuild while the service answers (after an
     * import, say) in the image's 128 MB heap would otherwise fill half of it with buffered documents.
     */
    private double writeBufferMb() {
        return Math.min(config.writeBufferMb(), Runtime.getRuntime().maxMemory() / 8.0 / (1024 * 1024));
    }

    /** Why the committed index cannot be caught up from the log, or null when it can. */
    private String reuseRefusal(Map<String, String> committed) {
        if (!committed.containsKey("watermark")) {
            return "no index yet";
        }
        if (!logIdentity.equals(committed.get("log"))) {
            return "the index was derived from another database";
        }
        if (!LAYOUT.equals(committed.get("layout"))) {
            return "the index was written by an earlier version";
        }
        Instant at = Instant.parse(committed.get("committedAt"));
        if (at.plus(config.changeRetention()).isBefore(Instant.now().plusSeconds(60))) {
            return "the index is older than the change log's retention";
        }
        return null;
    }

    private void poll() {
        try {
            if (state == State.FAILED) {
                if (System.nanoTime() - failedAt > RETRY_AFTER_FAILURE.toNanos()) {
                    if (resumable) {
                        // the index and its watermark are whole: catching up from there is what was failing
                        LOG.info("search index: trying again from where it stopped");
                        state = State.CURRENT;
                    } else if (writer == null) {
                        LOG.info("search index: trying again");
                        open();
                    } else {
                        LOG.info("search index: trying again with a rebuild");
                        rebuildLocked();
                    }
                }
                return;
            }
            if (state == State.CURRENT && applying.tryLock()) {
                try {
                    catchUp();
                    if (merging && writer.getMergingSegments().isEmpty() && !writer.hasPendingMerges()) {
                        merging = false;
                        searchers.maybeRefreshBlocking();
                        uncommitted = true;
                        LOG.info("search index: the rebuild's segments are merged into one");
                    }
                    if (uncommitted && System.nanoTime() - lastCommit > COMMIT_EVERY.toNanos()) {
                        commit();
                    }
                } finally {
                    applying.unlock();
                }
            }
            if (state == State.REBUILDING && writer != null && !applying.isLocked()) {
                rebuildLocked();
            }
            long now = System.nanoTime();
            if (now - lastStatus > STATUS_EVERY.toNanos()) {
                reportStatus();
                lastStatus = now;
            }
            if (now - lastPrune > PRUNE_EVERY.toNanos()) {
                prune();
                lastPrune = now;
            }
        } catch (IOException | SQLException | RuntimeException e) {
            failed(e);
        }
    }

    private void rebuildLocked() {
        applying.lock();
        try {
            rebuild();
        } finally {
            applying.unlock();
        }
    }

    /** Reads and applies the log rows at or above the watermark that it has not applied yet. Holds {@link #applying}. */
    private void catchUp() throws SQLException, IOException {
        long newWatermark;
        List<Long> seqs = new ArrayList<>();
        List<Long> xids = new ArrayList<>();
        List<UUID> quotes = new ArrayList<>();
        boolean rebuildAsked = false;
        try (Connection connection = database.getConnection();
                PreparedStatement read = connection.prepareStatement("""
                        select pg_snapshot_xmin(pg_current_snapshot())::text::bigint, c.seq, c.xid::text::bigint, c.quote_id
                        from (select 1) as now left join search_change c on c.xid >= ?::text::xid8
                        order by c.seq""")) {
            read.setString(1, Long.toString(watermark));
            try (ResultSet rows = read.executeQuery()) {
                newWatermark = watermark;
                while (rows.next()) {
                    newWatermark = rows.getLong(1);
                    long seq = rows.getLong(2);
                    if (rows.wasNull() || appliedAbove.contains(seq)) {
                        continue;
                    }
                    UUID quote = rows.getObject(4, UUID.class);
                    if (quote == null) {
                        rebuildAsked |= seq > rebuiltUpTo;
                    } else {
                        quotes.add(quote);
                    }
                    seqs.add(seq);
                    xids.add(rows.getLong(3));
                }
            }
        }
        if (rebuildAsked) {
            LOG.info("search index: a rebuild was asked for; PostgreSQL answers searches meanwhile");
            state = State.REBUILDING;
            return;
        }
        if (!quotes.isEmpty()) {
            reindex(quotes);
            searchers.maybeRefreshBlocking();
            uncommitted = true;
        }
        for (int i = 0; i < seqs.size(); i++) {
            appliedAbove.add(seqs.get(i));
        }
        if (newWatermark != watermark) {
            // applied changes of transactions that are now all below the new watermark need no remembering
            Set<Long> still = new HashSet<>();
            try (Connection connection = database.getConnection();
                    PreparedStatement above = connection.prepareStatement("select seq from search_change where xid >= ?::text::xid8")) {
                above.setString(1, Long.toString(newWatermark));
                try (ResultSet rows = above.executeQuery()) {
                    while (rows.next()) {
                        still.add(rows.getLong(1));
                    }
                }
            }
            appliedAbove.retainAll(still);
            watermark = newWatermark;
            uncommitted = true;
        }
        appliedAboveCount = appliedAbove.size();
    }

    /** Reads the quotes with {@code ids} and replaces their documents; a quote no longer there is deleted. */
    private void reindex(List<UUID> ids) throws SQLException, IOException {
        Set<UUID> remaining = new HashSet<>(ids);
        try (Connection connection = database.getConnection();
                PreparedStatement read = connection.prepareStatement(QUOTES_BY_ID)) {
            read.setArray(1, connection.createArrayOf("uuid", remaining.toArray()));
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    writer.updateDocument(new Term("id", id.toString()), document(rows));
                    remaining.remove(id);
                }
            }
        }
        for (UUID gone : remaining) {
            writer.deleteDocuments(new Term("id", gone.toString()));
        }
    }

    /** How many rebuilds this instance has started (tests tell a rebuild from a catch-up by it). */
    long rebuildsStarted() {
        return rebuildsStarted.get();
    }

    /**
     * Replaces the index with every quote of one consistent snapshot. Changes committed while it reads are in the
     * log at or above the snapshot's xmin, which becomes the watermark: the catch-up that follows applies them.
     * Holds {@link #applying}.
     */
    private void rebuild() {
        rebuildsStarted.incrementAndGet();
        state = State.REBUILDING;
        indexed = 0;
        long started = System.nanoTime();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            long snapshotXmin;
            long upTo;
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("""
                            select pg_snapshot_xmin(pg_current_snapshot())::text::bigint,
                                   (select coalesce(max(seq), 0) from search_change where quote_id is null),
                                   (select count(*) from quote)""")) {
                row.next();
                snapshotXmin = row.getLong(1);
                upTo = row.getLong(2);
                total = row.getLong(3);
            }
            LOG.infof("search index: rebuilding from %d quotes in PostgreSQL", total);
            writer.deleteAll();
            try (Statement settings = connection.createStatement()) {
                // a whole-table read: no JIT compilation (seconds of it under a cursor) and room to hash the tags
                settings.execute("set local jit = off");
                settings.execute("set local work_mem = '256MB'");
            }
            indexAll(connection);
            connection.commit();
            watermark = snapshotXmin;
            rebuiltUpTo = upTo;
            appliedAbove.clear();
            appliedAboveCount = 0;
            commit();
            searchers.maybeRefreshBlocking();
            total = indexed;
            state = State.CURRENT;
            LOG.infof("search index: rebuilt %d quotes in %.1f s", indexed, (System.nanoTime() - started) / 1e9);
            // one segment instead of the rebuild's several: each search then finds every term and its best hits once
            // (half the CPU per search at 1 M quotes, docs/BENCHMARKS.md); done by the merge scheduler's thread while
            // this index answers and catches up, and searched from the next poll after it is done
            writer.forceMerge(1, false);
            merging = true;
            catchUp();
            reportStatus();
        } catch (IOException | SQLException | RuntimeException e) {
            failed(e);
        }
    }

    /**
     * Reads every quote on this thread and analyzes and adds them on a few more (IndexWriter takes documents from
     * many threads): analysis is the cost, and on a shared machine each thread also gets its share of the CPU.
     */
    private void indexAll(Connection connection) throws SQLException, IOException {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService indexers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "search-index-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        Semaphore queued = new Semaphore(threads * 2);
        AtomicLong added = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long lastReport = System.nanoTime();
        long lastLog = lastReport;
        try (PreparedStatement read = connection.prepareStatement(ALL_QUOTES)) {
            read.setFetchSize(5_000);
            try (ResultSet rows = read.executeQuery()) {
                List<Document> batch = new ArrayList<>(REBUILD_BATCH);
                boolean more = true;
                while (more) {
                    more = rows.next();
                    if (more) {
                        batch.add(document(rows));
                    }
                    if (batch.size() == REBUILD_BATCH || (!more && !batch.isEmpty())) {
                        if (closing || failure.get() != null) {
                            break;
                        }
                        List<Document> docs = batch;
                        queued.acquireUninterruptibly();
                        indexers.execute(() -> {
                            try {
                                writer.addDocuments(docs);
                                indexed = added.addAndGet(docs.size());
                            } catch (IOException | RuntimeException e) {
                                failure.compareAndSet(null, e);
                            } finally {
                                queued.release();
                            }
                        });
                        batch = new ArrayList<>(REBUILD_BATCH);
                    }
                    if (System.nanoTime() - lastReport > STATUS_EVERY.toNanos()) {
                        lastReport = System.nanoTime();
                        reportStatus();
                        if (lastReport - lastLog > TimeUnit.SECONDS.toNanos(5)) {
                            lastLog = lastReport;
                            LOG.infof("search index: rebuilt %d of %d quotes (%d %%)", indexed, total, total == 0 ? 100 : 100 * indexed / total);
                        }
                    }
                }
            }
        } finally {
            indexers.shutdown();
            try {
                indexers.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (closing) {
            throw new IllegalStateException("the service is stopping");
        }
        if (failure.get() != null) {
            throw new IOException("indexing failed", failure.get());
        }
        indexed = added.get();
    }

    private static Document document(ResultSet row) throws SQLException {
        Document doc = new Document();
        String id = row.getString(1);
        doc.add(new StringField("id", id, Field.Store.NO));
        UUID uuid = UUID.fromString(id);
        doc.add(new NumericDocValuesField("idHigh", uuid.getMostSignificantBits()));
        doc.add(new NumericDocValuesField("idLow", uuid.getLeastSignificantBits()));
        doc.add(new NumericDocValuesField("seq", row.getLong(11)));
        doc.add(new Field(WebSearchQuery.FIELD, row.getString(2), TEXT));
        doc.add(new NumericDocValuesField("textHash", row.getString(2).hashCode()));
        keyword(doc, "speaker", row.getString(3));
        keyword(doc, "source", row.getString(4));
        keyword(doc, "type", row.getString(5));
        keyword(doc, "status", row.getString(6));
        keyword(doc, "language", row.getString(7));
        Date quotedOn = row.getDate(8);
        if (quotedOn != null) {
            doc.add(new IntField("quotedOn", (int) quotedOn.toLocalDate().toEpochDay(), Field.Store.NO));
        }
        doc.add(new IntField("length", row.getInt(9), Field.Store.NO));
        Array tags = row.getArray(10);
        if (tags != null) {
            for (Object slug : (Object[]) tags.getArray()) {
                keyword(doc, "tag", (String) slug);
            }
        }
        return doc;
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    static void keyword(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new KeywordField(field, value, Field.Store.NO));
        }
    }

    /**
     * Documents whose keyword {@code field} is {@code value}: from the postings when the filter is the narrower part of
     * a search, else checked per candidate in the doc values (a filter that matches half the quotes is not walked).
     */
    private static Query exact(String field, String value) {
        return new IndexOrDocValuesQuery(new TermQuery(new Term(field, value)),
                SortedSetDocValuesField.newSlowExactQuery(field, new BytesRef(value)));
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(
                "watermark", Long.toString(watermark),
                "rebuiltUpTo", Long.toString(rebuiltUpTo),
                "log", logIdentity,
                "committedAt", Instant.now().toString(),
                "layout", LAYOUT).entrySet());
        writer.commit();
        uncommitted = false;
        lastCommit = System.nanoTime();
    }

    private void reportStatus() {
        try (Connection connection = database.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        insert into search_index_status (instance, state, indexed, total, rebuilt_upto, heartbeat)
                        values (?, ?, ?, ?, ?, now())
                        on conflict (instance) do update set state = excluded.state, indexed = excluded.indexed,
                            total = excluded.total, rebuilt_upto = excluded.rebuilt_upto, heartbeat = now()""")) {
            upsert.setString(1, instance);
            upsert.setString(2, state.name().toLowerCase());
            upsert.setLong(3, indexed);
            upsert.setLong(4, total);
            upsert.setLong(5, rebuiltUpTo);
            upsert.executeUpdate();
        } catch (SQLException e) {
            LOG.debugf("search index: could not report status (%s)", e.toString());
        }
    }

    private void prune() throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from search_change where changed_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, config.changeRetention().toSeconds());
            delete.executeUpdate();
        }
        try (Connection connection = database.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from search_index_status where heartbeat < now() - interval '1 hour'")) {
            delete.executeUpdate();
        }
    }

    private String queryString(String sql) throws SQLException {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private void failed(Exception e) {
        if (closing) {
            return;
        }
        // a failure while current (the database not answering a catch-up, say, or no pooled connection free under load)
        // leaves the index as it was and the change log unread above its watermark; only a rebuild cut short, or a
        // writer Lucene has closed, needs rebuilding
        resumable = state == State.CURRENT && writer != null && writer.isOpen() && writer.getTragicException() == null;
        state = State.FAILED;
        failedAt = System.nanoTime();
        LOG.errorf(e, "search index: failed; PostgreSQL answers searches, trying again in %d s", RETRY_AFTER_FAILURE.toSeconds());
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid();
    }
}
