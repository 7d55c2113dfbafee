package io.quotewire.api.paging;

import io.quotewire.api.params.QueryValues;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging parameters every list takes. */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    @QueryParam("limit")
    @Parameter(description = "Page size: default 20; values above 100 are lowered to 100",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "20"))
    public String limit;

    @QueryParam("cursor")
    @Size(max = 2000, message = "is not a valid cursor")
    @Parameter(description = "Opaque cursor from a previous page's nextCursor, valid only with the same filters and sort")
    public String cursor;

    @QueryParam("includeTotal")
    @Parameter(description = "Also count every matching record and return it as total",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public String includeTotal;

    public boolean includeTotal() {
        return QueryValues.bool(includeTotal, "includeTotal");
    }

    /** The page size to use: the default when absent, lowered to the maximum when above it. */
    public int effectiveLimit() {
        Integer asked = QueryValues.integer(limit, "limit", 1, Integer.MAX_VALUE);
        return asked == null ? DEFAULT_LIMIT : Math.min(asked, MAX_LIMIT);
    }
}
