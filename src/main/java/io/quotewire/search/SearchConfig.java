package io.quotewire.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The search index each instance keeps beside PostgreSQL (see docs/SEARCH.md). */
@ConfigMapping(prefix = "quotewire.search.index")
public interface SearchConfig {

    /** Whether to keep an index at all; without it every search is answered by PostgreSQL's full-text search. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Folder of the index; by default {@code search-index} in the data folder. When another process holds it (two
     * instances started from one folder), the instance keeps its index in a temporary folder instead.
     */
    Optional<String> path();

    /** How often an instance reads the change log when no search asks it to (searches read it themselves). */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** How long changes are kept in the log; an index last committed longer ago than this is rebuilt. */
    @WithDefault("P1D")
    Duration changeRetention();

    /** How long a search waits for the index to apply new changes before PostgreSQL answers it instead. */
    @WithDefault("PT1S")
    Duration catchUpWait();

    /**
     * Megabytes of new documents the index buffers before it writes them as a segment. A rebuild writes a segment per
     * buffer and indexing thread, then merges them into one. At most an eighth of the JVM's heap is used, whatever
     * this says.
     */
    @WithDefault("64")
    double writeBufferMb();

    /**
     * Megabytes of filter bit sets (a tag, a year, a status asked again and again) kept for searches; at most a tenth
     * of the JVM's heap is used, whatever this says. 0 keeps none.
     */
    @WithDefault("32")
    double filterCacheMb();
}
