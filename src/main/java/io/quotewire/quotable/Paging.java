package io.quotewire.quotable;

/** Which slice of a list a Quotable request asks for: page numbers from 1, at most 10,000 results skipped, as Quotable. */
record Paging(int page, int limit, int skip) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 150;
    static final int MAX_SKIP = 10_000;

    /**
     * Quotable's reading of {@code page} and {@code limit}: each read as JavaScript's parseInt would, the limit held
     * to 1..150 (20 when it is no number), the page to at least 1; neither is ever refused.
     */
    static Paging of(String page, String limit) {
        long askedLimit = JsNumbers.parseInt(limit, DEFAULT_LIMIT);
        int size = (int) Math.max(1, Math.min(MAX_LIMIT, askedLimit));
        long askedPage = JsNumbers.parseInt(page, 1);
        int number = (int) Math.max(1, Math.min(Integer.MAX_VALUE, askedPage));
        int skip = (int) Math.min(MAX_SKIP, (number - 1L) * size);
        return new Paging(number, size, skip);
    }
}
