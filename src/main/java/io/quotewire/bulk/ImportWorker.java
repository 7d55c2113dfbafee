package io.quotewire.bulk;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs the jobs of POST /api/v1/imports, oldest first, one at a time across all instances; a job cut off by a crash
 * or a restart is found again here and resumed from its checkpoint. A job queued on this instance starts at once
 * ({@link ImportQueued}); the tick finds those queued elsewhere or left by a crash.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);

    private final ImportJobs jobs;
    private final Importer importer;
    private final ImportConfig config;
    /** Set by every wake-up; the run in progress, if any, looks for queued jobs again before it ends. */
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    public ImportWorker(ImportJobs jobs, Importer importer, ImportConfig config) {
        this.jobs = jobs;
        this.importer = importer;
        this.config = config;
    }

    void onQueued(@ObservesAsync ImportQueued queued) {
        runQueuedImports();
    }

    @Scheduled(every = "2s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runQueuedImports();
    }

    /** Runs the queued jobs on one thread at a time; a call while another runs makes that one look again. */
    void runQueuedImports() {
        if (!config.workerEnabled()) {
            return;
        }
        requested.set(true);
        while (requested.get() && running.compareAndSet(false, true)) {
            try {
                requested.set(false);
                runUntilNoneQueued();
            } finally {
                running.set(false);
            }
        }
    }

    private void runUntilNoneQueued() {
        try {
            Optional<ImportJobs.Job> next;
            while ((next = jobs.findNextUploaded()).isPresent()) {
                ImportJobs.Job job = next.get();
                Importer.Result result = importer.run(job.id(), null);
                if (result == Importer.Result.BUSY) {
                    return; // another instance or a command is importing; try again later
                }
                LOG.infof("Import %s %s", job.id(), result == Importer.Result.SUCCEEDED ? "succeeded" : "failed");
                Files.deleteIfExists(Path.of(job.filePath()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the database may be down: the job keeps its checkpoint and is resumed at a later tick
            LOG.warnf("Import paused: %s", e.toString());
        }
    }
}
