package io.quotewire.bulk;

import io.quotewire.api.params.QueryValues;
import io.quotewire.api.problem.ProblemException;
import io.quotewire.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/imports")
@Tag(name = "Imports", description = "Bulk import of Quotewire NDJSON, Quotebank, GDELT quotations and CSV, as jobs")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportService service;

    public ImportResource(ImportService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Import a file", description = "The file is the body, plain, gzip or bzip2 (recognised by its first bytes), of any size "
            + "(the 1 MiB limit of other bodies does not apply; a line may be at most 8 MiB). It is stored and checked to be of the declared "
            + "format, then answered 202 with a job that imports it in the background: GET the job for its progress, counts and the lines refused. "
            + "A job survives a restart and resumes where it stopped. Importing the same file again creates nothing new.")
    @RequestBody(content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "202", description = "Stored and queued; Location names the job",
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "413", description = "Larger than the configured maximum",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "As many imports as may be received at once (quotewire.import.max-concurrent-uploads) "
            + "are being received, or the database is not reachable; retry after the Retry-After seconds",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response createImport(
            @Parameter(description = "The format of the file", required = true,
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"ndjson", "quotebank", "quotebank-articles", "gdelt", "csv"}))
            @QueryParam("format") String format,
            InputStream body, @Context UriInfo uri) throws IOException, SQLException {
        ImportFormat declared = ImportFormat.parse(format, "format");
        ImportJobView job = service.queueImport(declared, body);
        return Response.accepted(job)
                .location(uri.getBaseUriBuilder().path("api/v1/imports").path(job.id().toString()).build())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an import job", description = "Its state, counts, rate and the first lines refused, with their line numbers.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    public Response getImport(@PathParam("id") String id) throws SQLException {
        return service.findImport(QueryValues.uuid(id, "id"))
                .map(job -> Response.ok(job).header(HttpHeaders.CACHE_CONTROL, "no-store").build())
                .orElseThrow(() -> ProblemException.notFound("import", id));
    }
}
