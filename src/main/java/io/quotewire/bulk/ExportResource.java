package io.quotewire.bulk;

import io.quotewire.api.problem.ProblemException;
import io.quotewire.api.problem.ProblemType;
import io.quotewire.quote.QuoteFilter;
import io.quotewire.quote.QuoteFilterSql;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/quotes/export")
@Tag(name = "Quotes")
public class ExportResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final Exporter exporter;

    public ExportResource(Exporter exporter) {
        this.exporter = exporter;
    }

    @GET
    @Produces({NDJSON, CSV})
    @Operation(summary = "Export quotes", description = "Every quote the filters of GET /api/v1/quotes select, streamed. ndjson is Quotewire's "
            + "lossless format (speakers, tags and sources, then each quote with all its appearances; POST /api/v1/imports?format=ndjson reads it "
            + "back with every id); csv is one row per quote with its speaker's and source's names.")
    @APIResponse(responseCode = "200", description = "The quotes, as a stream",
            content = {@Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)),
                       @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "503", description = "As many exports as may run at once (quotewire.export.max-concurrent) are running, "
            + "or the database is not reachable; retry after the Retry-After seconds",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response exportQuotes(@Valid @BeanParam QuoteFilter filter,
            @Parameter(description = "ndjson or csv", schema = @Schema(type = SchemaType.STRING, enumeration = {"ndjson", "csv"}, defaultValue = "ndjson"))
            @QueryParam("format") String format, @Context RoutingContext routing) {
        Exporter.Format chosen;
        if (format == null || format.equals("ndjson")) {
            chosen = Exporter.Format.NDJSON;
        } else if (format.equals("csv")) {
            chosen = Exporter.Format.CSV;
        } else {
            throw ProblemException.invalid("format", "must be ndjson or csv");
        }
        QuoteFilterSql where = QuoteFilterSql.of(filter); // every filter checked before the response starts
        Exporter.Slot slot = exporter.reserve().orElseThrow(() -> new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "As many exports as may run at once are running; retry after the Retry-After seconds"));
        // the place is the stream's once it starts, and freed when it ends; a response that ends before its body is
        // written (the client gone, a failure after this method) frees it when the exchange ends
        routing.addEndHandler(ended -> slot.abandon());
        StreamingOutput body = out -> {
            if (!slot.start()) {
                throw new IOException("the exchange ended before the export started");
            }
            try (slot; BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16)) {
                exporter.export(where, chosen, buffered);
            } catch (SQLException e) {
                throw new IOException("the export stopped: the database failed", e);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
        return Response.ok(body, chosen == Exporter.Format.NDJSON ? NDJSON : CSV + "; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"quotes." + (chosen == Exporter.Format.NDJSON ? "ndjson" : "csv") + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
