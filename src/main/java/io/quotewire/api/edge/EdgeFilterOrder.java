package io.quotewire.api.edge;

/**
 * The order of every filter on the HTTP router, which runs before JAX-RS routing and before any of the body is read.
 * Vert.x runs the filter of higher priority first; each filter takes its priority from here, so the order is read
 * in one place and two filters can never share a priority by accident.
 */
public enum EdgeFilterOrder {

    /** First, so that every answer, refusals included, carries the request id and every log line names it. */
    REQUEST_IDS(4000),
    /**
     * The Quotable-compatible API (io.quotewire.quotable): served at its configured prefix, and answering in
     * Quotable's error format what the filters below would refuse in ours.
     */
    QUOTABLE(3500),
    /** The explorer's pages (io.quotewire.explorer): a query string no page can read is a page for people, not a problem. */
    EXPLORER(3400),
    /** The preflight of a write from a browser page: answered here, as no endpoint serves OPTIONS. */
    CORS_WRITES(3000),
    /** Requests no endpoint could serve (oversized declared body, unusable Content-Type, undecodable path). */
    REQUEST_SCREENING(2000),
    /** Last: a request that is refused anyway does not spend its client's quota. */
    RATE_LIMITS(1000);

    private final int priority;

    EdgeFilterOrder(int priority) {
        this.priority = priority;
    }

    /** The priority to register the filter with. */
    public int priority() {
        return priority;
    }
}
