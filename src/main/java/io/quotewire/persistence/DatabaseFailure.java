package io.quotewire.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * The one classification of database failures that a retry can cure, found in one walk of the cause chain. The
 * problem policy answers them with a 503 and {@code Retry-After} (or a 409 for a lost race), the rate limiter
 * answers the first at once, and ingest retries a write that lost a race.
 */
public enum DatabaseFailure {

    /**
     * The database cannot be reached or is short of resources. SQLState class 08: connection exceptions; 53: out of
     * connections, memory or disk; 57P0x: shutting down, crashed, or not yet accepting connections, which a pooled
     * connection reports on its first use after PostgreSQL went away.
     */
    UNAVAILABLE(5),
    /**
     * The database cancelled the statement because of concurrent work. 40P01: a deadlock; 40001: a serialization
     * failure, which is also what a read replica raises when replaying the primary's changes conflicts with a query.
     */
    CONCURRENT_WORK(1),
    /**
     * A unique or foreign-key constraint refused a write (SQLState class 23). The services check uniqueness and
     * references first, so this is a write that raced a concurrent one: done again, it sees the other's result.
     */
    LOST_RACE(1);

    private final int retryAfterSeconds;

    DatabaseFailure(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** How long a client should wait before retrying. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Whether the failure came from concurrent work, so that the same work done again at once may succeed. */
    public boolean isConcurrencyConflict() {
        return this == CONCURRENT_WORK || this == LOST_RACE;
    }

    /** The retryable failure somewhere in the cause chain of {@code failure}, or empty for any other failure. */
    public static Optional<DatabaseFailure> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String state = t instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
            // a TimeoutException is the pool's: no connection could be had within the acquisition timeout
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException || t instanceof TimeoutException
                    || state.startsWith("08") || state.startsWith("53") || state.startsWith("57P0")) {
                return Optional.of(UNAVAILABLE);
            }
            if (state.equals("40001") || state.equals("40P01")) {
                return Optional.of(CONCURRENT_WORK);
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException || state.startsWith("23")) {
                return Optional.of(LOST_RACE);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
