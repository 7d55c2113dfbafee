package io.quotewire.api.ratelimit;

/**
 * One client's quota as one instance sees it: a fixed window of {@code quota} requests, counted in PostgreSQL by every
 * instance together, and decided here without waiting for the database. Requests this instance allowed but the shared
 * count does not include yet are its <em>unsynchronized</em> requests; while they stay below {@code slack} a request
 * is decided on this instance's view alone, and once they reach it the request waits for a synchronization. So the
 * shared count misses at most {@code slack} requests per instance, and N instances together allow at most
 * {@code quota + N * slack} requests in a window (the overshoot bound, see docs/SCALING.md#rate-limits).
 *
 * <p>Pure state, no I/O: {@link RateLimits} pushes the counts and reports the answers. While the database cannot be
 * reached the slack does not apply: each instance then enforces the whole quota on its own.
 */
final class ClientQuota {

    /** What {@link #tryConsume} decided. */
    sealed interface Decision permits Allowed, Denied, MustSynchronize {
    }

    /** Allowed; {@code remaining} as this instance knows it; {@code synchronizeSoon}: push the count in the background. */
    record Allowed(long remaining, boolean synchronizeSoon) implements Decision {
    }

    record Denied() implements Decision {
    }

    /** This instance has allowed its slack since the shared count last answered: synchronize, then decide again. */
    record MustSynchronize() implements Decision {
    }

    /** Requests taken from the unsynchronized ones to be added to the shared count of {@code window}. */
    record Batch(long window, long requests) {
    }

    private final long quota;
    private final long slack;
    private final long syncIntervalMillis;

    private long window = Long.MIN_VALUE;
    /** The shared count of the window at the last synchronization (this instance's pushed requests included). */
    private long sharedUsed;
    /** Allowed here, not yet sent. */
    private long pending;
    /** Sent, not yet acknowledged. */
    private long inFlight;
    private long lastSyncMillis = Long.MIN_VALUE / 2;
    private boolean backgroundSyncScheduled;
    private boolean offline;

    ClientQuota(long quota, long slack, long syncIntervalMillis) {
        this.quota = quota;
        this.slack = Math.max(1, slack);
        this.syncIntervalMillis = syncIntervalMillis;
    }

    synchronized Decision tryConsume(long currentWindow, long nowMillis) {
        roll(currentWindow);
        long used = sharedUsed + pending + inFlight;
        if (used >= quota) {
            return new Denied();
        }
        if (!offline && pending + inFlight >= slack) {
            return new MustSynchronize();
        }
        pending++;
        boolean soon = !backgroundSyncScheduled
                && (pending + inFlight >= (slack + 1) / 2 || nowMillis - lastSyncMillis >= syncIntervalMillis);
        if (soon) {
            backgroundSyncScheduled = true;
        }
        return new Allowed(quota - used - 1, soon);
    }

    /** Takes the pending requests for a push to the shared count (possibly none: then the push only reads it). */
    synchronized Batch startSync(long currentWindow) {
        roll(currentWindow);
        long requests = pending;
        pending = 0;
        inFlight += requests;
        return new Batch(window, requests);
    }

    /** The shared count answered {@code sharedTotal} for the window of {@code batch}, its requests included. */
    synchronized void synced(Batch batch, long sharedTotal, long nowMillis, boolean background) {
        if (background) {
            backgroundSyncScheduled = false;
        }
        offline = false;
        lastSyncMillis = nowMillis;
        if (batch.window() != window) {
            return; // an answer about a window that has ended
        }
        inFlight -= batch.requests();
        // the count only grows within a window; a concurrent push may already have told more
        sharedUsed = Math.max(sharedUsed, sharedTotal);
    }

    /** The push failed: its requests are pending again, and until a push succeeds this instance decides alone. */
    synchronized void syncFailed(Batch batch, long nowMillis, boolean background) {
        if (background) {
            backgroundSyncScheduled = false;
        }
        offline = true;
        lastSyncMillis = nowMillis;
        if (batch.window() == window) {
            inFlight -= batch.requests();
            pending += batch.requests();
        }
    }

    private void roll(long currentWindow) {
        if (currentWindow != window) {
            window = currentWindow;
            sharedUsed = 0;
            pending = 0;
            inFlight = 0;
            lastSyncMillis = Long.MIN_VALUE / 2; // learn the new window's shared count with the first request
        }
    }
}
