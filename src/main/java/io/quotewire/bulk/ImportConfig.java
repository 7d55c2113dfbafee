package io.quotewire.bulk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;

@ConfigMapping(prefix = "quotewire.import")
public interface ImportConfig {

    /** Folder the bodies of POST /api/v1/imports are kept in until their job has run; default: imports/ in the data folder. */
    Optional<String> spoolDir();

    /** The longest line (or CSV row) read; a longer one is reported and skipped. */
    @WithDefault("8388608")
    int maxLineBytes();

    /** The largest body POST /api/v1/imports takes (413 above it). */
    @WithDefault("68719476736")
    long maxBodyBytes();

    /**
     * Uploads (POST /api/v1/imports) received at once; the next is answered 503 with Retry-After. Each holds one of the
     * eight request threads for as long as its body takes to arrive.
     */
    @WithDefault("2")
    int maxConcurrentUploads();

    /** Quotes per batch: each batch is one transaction together with the job's checkpoint. */
    @WithDefault("10000")
    int batchQuotes();

    /**
     * Load a job whose first run finds no quote, source, speaker or tag stored: stage its lines, then fill the empty
     * tables in one transaction and build their indexes after (InitialLoad), instead of merging batch by batch. While
     * that last transaction runs, reads of those tables wait for it.
     */
    @WithDefault("true")
    boolean loadEmptyDatabase();

    /** PostgreSQL's work_mem and maintenance_work_mem for that transaction: sorts and index builds. */
    @WithDefault("512MB")
    @Pattern(regexp = "[1-9][0-9]*(kB|MB|GB)")
    String loadMemory();

    /** How many errors a job keeps, with their line numbers (all are counted). */
    @WithDefault("1000")
    int maxErrors();

    /** Run the jobs of POST /api/v1/imports in this instance (one at a time across all instances). */
    @WithDefault("true")
    boolean workerEnabled();
}
