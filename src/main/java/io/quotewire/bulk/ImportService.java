package io.quotewire.bulk;

import io.quotewire.api.problem.ProblemException;
import io.quotewire.api.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Takes an import over HTTP: the body is written to the spool folder (and forced to disk), checked to be of the
 * declared format, and only then is the job stored and the request acknowledged; {@link ImportWorker} runs it.
 */
@ApplicationScoped
public class ImportService {

    private final ImportJobs jobs;
    private final ImportConfig config;
    private final Event<ImportQueued> queued;
    private final Semaphore uploads;

    public ImportService(ImportJobs jobs, ImportConfig config, Event<ImportQueued> queued) {
        this.jobs = jobs;
        this.config = config;
        this.queued = queued;
        this.uploads = new Semaphore(config.maxConcurrentUploads());
    }

    Path spoolDirectory() {
        String dataDir = System.getProperty("quotewire.data-dir", System.getenv("QUOTEWIRE_DATA_DIR"));
        return Path.of(config.spoolDir().orElse((dataDir == null || dataDir.isBlank() ? "data" : dataDir) + "/imports"));
    }

    /** Spools the body and queues its job. */
    public ImportJobView queueImport(ImportFormat format, InputStream body) throws IOException, SQLException {
        if (!uploads.tryAcquire()) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "As many imports as may be received at once are being received; "
                    + "retry after the Retry-After seconds");
        }
        try {
            return spoolAndQueue(format, body);
        } finally {
            uploads.release();
        }
    }

    private ImportJobView spoolAndQueue(ImportFormat format, InputStream body) throws IOException, SQLException {
        Path directory = spoolDirectory();
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, "upload-", ".part");
        try {
            long bytes = spool(body, partial);
            if (bytes == 0) {
                throw ProblemException.invalid("body", "is empty: send the file as the request body");
            }
            try (RecordReader reader = RecordReader.open(partial, format, config.maxLineBytes())) {
                reader.checkFormat();
            } catch (BadRecord e) {
                throw ProblemException.invalid("body", "is not a " + format.wireName() + " file: " + e.getMessage());
            }
            Path file = directory.resolve("upload-" + UUID.randomUUID() + ".import");
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            UUID id = jobs.createJob(format, file.toAbsolutePath().toString(), null, bytes);
            ImportJobView view = jobs.findJobView(id).orElseThrow();
            queued.fireAsync(new ImportQueued(id));
            return view;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    public Optional<ImportJobView> findImport(UUID id) throws SQLException {
        return jobs.findJobView(id);
    }

    private long spool(InputStream body, Path file) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE); OutputStream out = Channels.newOutputStream(channel)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > config.maxBodyBytes()) {
                    throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The import is larger than " + config.maxBodyBytes() + " bytes");
                }
                out.write(buffer, 0, n);
            }
            out.flush();
            channel.force(true); // acknowledged means on disk
        }
        return total;
    }
}
