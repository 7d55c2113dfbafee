package io.quotewire.quotable;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a Quotable list, numbered from 1, with the totals Quotable's clients show. */
public record QuotablePage<T>(
        @Schema(description = "Results on this page") int count,
        @Schema(description = "Results matching the request on all pages") long totalCount,
        @Schema(description = "This page's number, from 1") int page,
        @Schema(description = "Pages of results at this limit") long totalPages,
        @Schema(description = "Number of results up to and including this page; null on the last page", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) Long lastItemIndex,
        List<T> results) {

    static <T> QuotablePage<T> of(List<T> results, long totalCount, Paging paging) {
        long upToHere = paging.skip() + (long) results.size();
        long totalPages = (totalCount + paging.limit() - 1) / paging.limit();
        return new QuotablePage<>(results.size(), totalCount, paging.page(), totalPages, upToHere >= totalCount ? null : upToHere, results);
    }
}
