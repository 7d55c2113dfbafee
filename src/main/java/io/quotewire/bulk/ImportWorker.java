package io.quotewire.bulk;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs the jobs of POST /api/v1/imports, oldest first, one at a time across all instances; a job cut off by a crash
 * or a restart is found again here and resumed from its checkpoint.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);

    private final ImportJobs jobs;
    private final Importer importer;
    private final ImportConfig config;

    public ImportWorker(ImportJobs jobs, Importer importer, ImportConfig config) {
        this.jobs = jobs;
        this.importer = importer;
        this.config = config;
    }

    @Scheduled(every = "2s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runQueuedImports() {
        if (!config.workerEnabled()) {
            return;
        }
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
