package io.quotewire.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jboss.logging.Logger;

/**
 * Runs an import job: one thread reads and parses the file into batches while this one writes them, each batch in
 * one transaction with the job's checkpoint (the number of the last line it covers, the counts and the errors).
 * Killed at any moment, the job has either all of a batch or none of it, and the next run starts after the last
 * committed batch: the same database as one uninterrupted run, since every id is derived from the content and the
 * state a batch meets is the same. One import runs at a time across every instance and command (an advisory lock),
 * so two imports never race to create the same quote.
 */
@ApplicationScoped
public class Importer {

    private static final Logger LOG = Logger.getLogger(Importer.class);
    /** pg_advisory_lock key pair: Quotewire, bulk import. */
    private static final String LOCK = "select pg_try_advisory_lock(1366, 13)";
    private static final String UNLOCK = "select pg_advisory_unlock(1366, 13)";
    private static final long MAX_BATCH_WEIGHT = 32L * 1024 * 1024;
    /**
     * A batch's weight (about its characters) takes about 1.7 times as many bytes of heap as rows, and up to four
     * batches are in memory at once (one being read, two queued, one being written) with the COPY text of one: a
     * batch weighs at most 1/28 of the heap, so that they take a third of it. In the image's 128 MB heap that is about
     * 4,000 generated Quotebank quotes; from a 512 MB heap on, the batch's quote count binds first.
     */
    private static final int HEAP_SHARES_PER_BATCH = 28;

    /** What a run saw so far, for a progress display. */
    public record Progress(long records, long created, long merged, long appearances, long skipped, long bytesRead, long bytesTotal,
            double seconds, boolean staging) {
    }

    public interface Listener {
        void onBatch(Progress progress);

        /** A load's staging is over and its one transaction starts. */
        default void onLoad(long lines) {
        }
    }

    public enum Result { SUCCEEDED, FAILED, BUSY }

    private final ImportJobs jobs;
    private final ImportConfig config;
    private final long maxBatchWeight = maxBatchWeight(Runtime.getRuntime().maxMemory());

    public Importer(ImportJobs jobs, ImportConfig config) {
        this.jobs = jobs;
        this.config = config;
    }

    private static final Batch END = new Batch();

    /** Runs (or resumes) the job to its end; BUSY when another import holds the lock. */
    public Result run(UUID jobId, Listener listener) throws SQLException, IOException, InterruptedException {
        ImportJobs.Job job = jobs.findJob(jobId).orElseThrow(() -> new IllegalArgumentException("no import job " + jobId));
        try (Connection connection = jobs.connection()) {
            connection.setAutoCommit(true);
            if (!lock(connection)) {
                return Result.BUSY;
            }
            try {
                return runLocked(connection, job, listener);
            } finally {
                if (!connection.isClosed()) {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                        connection.setAutoCommit(true);
                    }
                    try (PreparedStatement unlock = connection.prepareStatement(UNLOCK)) {
                        unlock.execute();
                    }
                }
            }
        }
    }

    private Result runLocked(Connection connection, ImportJobs.Job stale, Listener listener) throws SQLException, IOException, InterruptedException {
        // read again under the lock: a run that held it may have moved the checkpoint
        ImportJobs.Job job = jobs.findJob(stale.id()).orElseThrow();
        if (job.state().equals("succeeded") || job.state().equals("failed")) {
            return job.state().equals("succeeded") ? Result.SUCCEEDED : Result.FAILED;
        }
        Path file = Path.of(job.filePath());
        if (!Files.isReadable(file)) {
            fail(connection, job.id(), "the file " + file.getFileName() + " can no longer be read");
            return Result.FAILED;
        }
        long total = Files.size(file);
        try (RecordReader probe = RecordReader.open(file, job.format(), config.maxLineBytes())) {
            probe.checkFormat();
        } catch (BadRecord e) {
            fail(connection, job.id(), "not a " + job.format().wireName() + " file: " + e.getMessage());
            return Result.FAILED;
        }
        double busyBefore;
        long[] totals = new long[5];
        try (PreparedStatement start = connection.prepareStatement("update import_job set state = 'running', started_at = coalesce(started_at, now()), "
                + "updated_at = now() where id = ? returning busy_seconds, quotes_created, quotes_merged, appearances_added, skipped")) {
            start.setObject(1, job.id());
            try (ResultSet row = start.executeQuery()) {
                row.next();
                busyBefore = row.getDouble(1);
                for (int i = 0; i < 4; i++) {
                    totals[i] = row.getLong(i + 2);
                }
            }
        }
        connection.setAutoCommit(false);
        boolean load = decideLoad(connection, job);
        if (load && job.recordsDone() > 0 && !InitialLoad.staged(connection, job.id())) {
            // PostgreSQL restarted after a crash and emptied the unlogged staging tables: read the file again
            LOG.infof("Import %s: the lines it had staged are gone (PostgreSQL restarted); reading the file again from the start", job.id());
            restart(connection, job.id(), "load");
            connection.commit();
            return runLocked(connection, job, listener);
        }
        connection.commit();
        BatchWriter writer = new BatchWriter(connection, job.id(), config.maxErrors());
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
        long started = System.nanoTime();
        Thread reader = new Thread(() -> read(file, job, queue), "import-reader-" + job.id());
        reader.setDaemon(true);
        reader.start();
        try {
            long records = job.recordsDone();
            while (true) {
                Object next = queue.take();
                if (next == END) {
                    break;
                }
                if (next instanceof Exception e) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                    fail(connection, job.id(), "reading the file stopped after line " + records + ": " + e.getMessage());
                    return Result.FAILED;
                }
                Batch batch = (Batch) next;
                double busy = busyBefore + (System.nanoTime() - started) / 1e9;
                BatchWriter.Outcome outcome = writeOrIsolate(connection, writer, load, batch, busy);
                records = batch.lastLine;
                totals[0] += outcome.created();
                totals[1] += outcome.merged();
                totals[2] += outcome.appearances();
                totals[3] += outcome.refused();
                if (listener != null) {
                    listener.onBatch(new Progress(records, totals[0], totals[1], totals[2], totals[3], batch.bytesRead, total, busy, load));
                }
            }
            if (load) {
                if (listener != null) {
                    listener.onLoad(records);
                }
                Optional<InitialLoad.Outcome> loaded = load(connection, job.id());
                if (loaded.isEmpty()) {
                    return runLocked(connection, job, listener);
                }
                totals[0] = loaded.get().created();
                totals[1] = loaded.get().merged();
                totals[2] = loaded.get().appearances();
                totals[3] += loaded.get().refused();
                if (listener != null) {
                    listener.onBatch(new Progress(records, totals[0], totals[1], totals[2], totals[3], total, total,
                            busyBefore + (System.nanoTime() - started) / 1e9, false));
                }
            }
            connection.setAutoCommit(true);
            try (PreparedStatement done = connection.prepareStatement("update import_job set state = 'succeeded', finished_at = now(), updated_at = now(), "
                    + "busy_seconds = ? where id = ?")) {
                done.setDouble(1, busyBefore + (System.nanoTime() - started) / 1e9);
                done.setObject(2, job.id());
                done.executeUpdate();
            }
            return Result.SUCCEEDED;
        } finally {
            reader.interrupt();
        }
    }

    /**
     * Whether the job loads (V29, {@link InitialLoad}) rather than merges: decided at its first run, when the tables it
     * would fill are empty, and kept.
     */
    private boolean decideLoad(Connection connection, ImportJobs.Job job) throws SQLException {
        if (job.mode() != null) {
            return job.mode().equals("load");
        }
        boolean load = config.loadEmptyDatabase() && job.recordsDone() == 0 && InitialLoad.tablesEmpty(connection);
        try (PreparedStatement mode = connection.prepareStatement("update import_job set mode = ? where id = ?")) {
            mode.setString(1, load ? "load" : "merge");
            mode.setObject(2, job.id());
            mode.executeUpdate();
        }
        if (load) {
            InitialLoad.begin(connection, job.id());
        }
        return load;
    }

    /**
     * The load's one transaction; empty when the job must merge instead (reading its file again from the start): the
     * tables were written meanwhile, or the database refused what the file holds as a whole (two sources of one URL,
     * say), which merging batch by batch and line by line narrows down to the lines at fault.
     */
    private Optional<InitialLoad.Outcome> load(Connection connection, UUID jobId) throws SQLException {
        Optional<InitialLoad.Outcome> outcome;
        String reason;
        try {
            outcome = InitialLoad.load(connection, jobId, config.maxErrors(), config.loadMemory());
            reason = "the tables were written meanwhile";
        } catch (SQLException e) {
            if (!isDataError(e)) {
                throw e;
            }
            outcome = Optional.empty();
            reason = "the database refused the file as a whole (" + e.getSQLState() + ": " + e.getMessage() + ")";
        }
        if (outcome.isPresent()) {
            connection.commit();
            connection.setAutoCommit(true);
            InitialLoad.analyze(connection);
            connection.setAutoCommit(false);
            return outcome;
        }
        connection.rollback();
        LOG.infof("Import %s: cannot load (%s); merging its lines batch by batch from the start instead", jobId, reason);
        restart(connection, jobId, "merge");
        connection.commit();
        return Optional.empty();
    }

    /** Back to the start of the file in the given mode, with nothing staged and nothing counted. */
    private static void restart(Connection connection, UUID jobId, String mode) throws SQLException {
        try (PreparedStatement job = connection.prepareStatement("update import_job set mode = ?, records_done = 0, quotes_created = 0, "
                + "quotes_merged = 0, appearances_added = 0, skipped = 0, updated_at = now() where id = ?");
                PreparedStatement errors = connection.prepareStatement("delete from import_error where job_id = ?")) {
            job.setString(1, mode);
            job.setObject(2, jobId);
            job.executeUpdate();
            errors.setObject(1, jobId);
            errors.executeUpdate();
        }
        if (mode.equals("load")) {
            InitialLoad.begin(connection, jobId);
        } else {
            InitialLoad.discard(connection);
        }
    }

    /**
     * Writes a batch; when the database refuses it as a whole (a value no check foresaw), writes its lines one per
     * transaction so that only the line at fault is refused, with the database's reason.
     */
    private BatchWriter.Outcome writeOrIsolate(Connection connection, BatchWriter writer, boolean load, Batch batch, double busy)
            throws SQLException, IOException {
        try {
            BatchWriter.Outcome outcome = load ? writer.stageForLoad(batch, busy) : writer.write(batch, busy);
            connection.commit();
            return outcome;
        } catch (SQLException e) {
            connection.rollback();
            writer.rolledBack();
            if (!isDataError(e) || batch.entries.size() <= 1 && batch.refused.isEmpty()) {
                if (isDataError(e) && batch.entries.size() == 1) {
                    Batch refusedLine = new Batch();
                    refusedLine.refuse(batch.entries.get(0).line(), "the database refused the line (" + e.getSQLState() + ")");
                    refusedLine.lastLine = batch.lastLine;
                    refusedLine.bytesRead = batch.bytesRead;
                    BatchWriter.Outcome outcome = load ? writer.stageForLoad(refusedLine, busy) : writer.write(refusedLine, busy);
                    connection.commit();
                    return outcome;
                }
                throw e;
            }
            LOG.infof("A batch ending at line %d was refused by the database (%s); writing its lines one by one", batch.lastLine, e.getSQLState());
            long quotes = 0;
            long created = 0;
            long appearances = 0;
            long refused = 0;
            java.util.List<Batch> singles = batch.split();
            Batch rest = new Batch();
            rest.refused.addAll(batch.refused);
            rest.lastLine = batch.lastLine;
            singles.add(rest);
            for (Batch single : singles) {
                BatchWriter.Outcome outcome = writeOrIsolate(connection, writer, load, single, busy);
                quotes += outcome.quotes();
                created += outcome.created();
                appearances += outcome.appearances();
                refused += outcome.refused();
            }
            return new BatchWriter.Outcome(quotes, created, appearances, refused);
        }
    }

    private static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private void read(Path file, ImportJobs.Job job, BlockingQueue<Object> queue) {
        try (RecordReader records = RecordReader.open(file, job.format(), config.maxLineBytes())) {
            records.skip(job.recordsDone());
            Batch batch = new Batch();
            RecordReader.Item item;
            while ((item = records.next()) != null) {
                if (item.problem() != null) {
                    batch.refuse(item.line(), item.problem());
                } else {
                    batch.add(item.line(), item.rows());
                }
                batch.lastLine = item.number();
                if (batch.quoteRows >= config.batchQuotes() || batch.weight >= maxBatchWeight || batch.entries.size() + batch.refused.size() >= 4 * config.batchQuotes()) {
                    batch.bytesRead = records.bytesRead();
                    queue.put(batch);
                    batch = new Batch();
                }
            }
            if (!batch.entries.isEmpty() || !batch.refused.isEmpty()) {
                batch.bytesRead = records.bytesRead();
                queue.put(batch);
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            try {
                queue.put(e);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The weight at which a batch is cut, in a heap of {@code maxHeapBytes}. */
    private static long maxBatchWeight(long maxHeapBytes) {
        return Math.min(MAX_BATCH_WEIGHT, maxHeapBytes / HEAP_SHARES_PER_BATCH);
    }

    private static boolean lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK); ResultSet row = lock.executeQuery()) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static void fail(Connection connection, UUID id, String reason) throws SQLException {
        try (PreparedStatement failed = connection.prepareStatement("update import_job set state = 'failed', failure = ?, finished_at = now(), "
                + "updated_at = now() where id = ?")) {
            failed.setString(1, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            failed.setObject(2, id);
            failed.executeUpdate();
        }
    }
}
