package io.quotewire.source;

import io.quotewire.api.params.QueryValues;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the source list. */
public class SourceFilter {

    @QueryParam("publisher")
    @Size(max = 200)
    @Parameter(description = "Exact publisher name")
    public String publisher;

    @QueryParam("from")
    @Parameter(description = "Published on or after this UTC date", schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from;

    @QueryParam("to")
    @Parameter(description = "Published on or before this UTC date", schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to;

    Instant from() {
        return QueryValues.startOfDay(QueryValues.date(from, "from"));
    }

    Instant to() {
        QueryValues.requireOrdered(QueryValues.date(from, "from"), QueryValues.date(to, "to"));
        return QueryValues.endOfDay(QueryValues.date(to, "to"));
    }
}
