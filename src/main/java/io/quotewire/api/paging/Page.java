package io.quotewire.api.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: always an object, with a cursor to the next page unless this is the last. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(
        List<T> items,
        @Schema(examples = "20") int limit,
        @Schema(description = "Opaque cursor for the next page; absent on the last page") String nextCursor,
        Links links,
        @Schema(description = "Number of records matching the filters; only with includeTotal=true") Long total) {

    /** The page of a slice, with links relative to the server root so they work behind any proxy. */
    public static <T> Page<T> of(KeysetPager.Slice<T> slice, PageRequest request, UriInfo uri) {
        URI self = uri.getRequestUri();
        String next = slice.nextCursor() == null ? null
                : relative(uri.getRequestUriBuilder().replaceQueryParam("cursor", slice.nextCursor()).build());
        return new Page<>(slice.items(), request.effectiveLimit(), slice.nextCursor(), new Links(relative(self), next), slice.total());
    }

    private static String relative(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(
            @Schema(examples = "/api/v1/quotes?limit=20") String self,
            @Schema(description = "Absent on the last page", examples = "/api/v1/quotes?limit=20&cursor=eyJ2IjoxfQ") String next) {
    }
}
