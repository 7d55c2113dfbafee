package io.quotewire.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quotewire.api.caching.Representations;
import io.quotewire.api.json.MergePatcher;
import io.quotewire.api.openapi.Examples;
import io.quotewire.api.paging.Page;
import io.quotewire.api.paging.PageRequest;
import io.quotewire.api.params.QueryValues;
import io.quotewire.api.problem.Problem;
import io.quotewire.api.problem.ProblemException;
import io.quotewire.auth.Roles;
import io.quotewire.quote.QuoteFilter;
import io.quotewire.quote.QuoteService;
import io.quotewire.quote.QuoteView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sources")
@Tag(name = "Sources", description = "Articles, briefings and other publications that quotes come from")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final SourceService service;
    private final QuoteService quotes;
    private final Representations representations;

    public SourceResource(SourceService service, QuoteService quotes, Representations representations) {
        this.service = service;
        this.quotes = quotes;
        this.representations = representations;
    }

    @GET
    @Operation(summary = "List sources", description = "Newest first by default; filter by publisher and publication date.")
    @APIResponse(responseCode = "200", description = "A page of sources")
    public Page<SourceView> listSources(@Valid @BeanParam SourceFilter filter, @Valid @BeanParam PageRequest page,
            @Parameter(description = "Comma-separated fields, - for descending: createdAt, updatedAt, title", example = "-createdAt") @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        return Page.of(service.listSources(filter, sort, page), page, uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a source with its full text")
    @APIResponse(responseCode = "200", description = "The source, with a strong ETag",
            content = @Content(schema = @Schema(implementation = SourceView.class), examples = @ExampleObject(name = "source", value = Examples.SOURCE)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    public Response getSource(@PathParam("id") String id, @Context Request request) {
        UUID sourceId = QueryValues.uuid(id, "id");
        return service.findSourceById(sourceId)
                .map(source -> representations.ok(source, request))
                .orElseThrow(() -> ProblemException.notFound("source", id));
    }

    @GET
    @Path("{id}/quotes")
    @Operation(summary = "List the quotes of a source", description = "Takes every filter and sort of GET /api/v1/quotes.")
    @APIResponse(responseCode = "200", description = "A page of quotes")
    public Page<QuoteView> listSourceQuotes(@PathParam("id") String id, @Valid @BeanParam QuoteFilter filter, @Valid @BeanParam PageRequest page,
            @Parameter(description = "Comma-separated fields, - for descending: createdAt, updatedAt, length", example = "createdAt") @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        UUID sourceId = QueryValues.uuid(id, "id");
        if (service.findSourceById(sourceId).isEmpty()) {
            throw ProblemException.notFound("source", id);
        }
        filter.source = sourceId.toString();
        return Page.of(quotes.listQuotes(filter, sort, page), page, uri);
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Create a source")
    @RequestBody(content = @Content(schema = @Schema(implementation = SourceInput.class), examples = @ExampleObject(name = "source", value = Examples.SOURCE_INPUT)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new source",
            content = @Content(schema = @Schema(implementation = SourceView.class), examples = @ExampleObject(name = "source", value = Examples.SOURCE)))
    @APIResponse(responseCode = "409", description = "A source with this url already exists",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    public Response createSource(@Valid @NotNull SourceInput input, @Context UriInfo uri) {
        SourceView created = service.persistSource(input);
        return representations.written(Response.created(uri.getBaseUriBuilder().path("api/v1/sources").path(created.id().toString()).build()), created).build();
    }

    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(summary = "Replace a source", description = "Refused with 409 when a new text would break the offsets of its quotes.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SourceInput.class), examples = @ExampleObject(name = "source", value = Examples.SOURCE_INPUT)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = SourceView.class), examples = @ExampleObject(name = "source", value = Examples.SOURCE)))
    @APIResponse(responseCode = "409", description = "URL taken, or the new text breaks quote offsets",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    public Response replaceSource(@PathParam("id") String id, @Valid @NotNull SourceInput input,
            @Parameter(description = "Only replace if this is the current ETag") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.replaceSource(QueryValues.uuid(id, "id"), input, representations.ifMatch(ifMatch))
                .map(source -> representations.written(Response.ok(), source).build())
                .orElseThrow(() -> ProblemException.notFound("source", id));
    }

    @PATCH
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Consumes(MergePatcher.MEDIA_TYPE)
    @Operation(summary = "Change fields of a source (JSON merge patch)")
    @RequestBody(content = @Content(mediaType = MergePatcher.MEDIA_TYPE, schema = @Schema(implementation = SourceInput.class),
            examples = @ExampleObject(name = "patch", value = "{\"publisher\":\"US Department of State\"}")))
    @APIResponse(responseCode = "200", description = "Patched",
            content = @Content(schema = @Schema(implementation = SourceView.class), examples = @ExampleObject(name = "source", value = Examples.SOURCE)))
    @APIResponse(responseCode = "409", description = "URL taken, or the new text breaks quote offsets",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    public Response patchSource(@PathParam("id") String id, byte[] patch,
            @Parameter(description = "Only patch if this is the current ETag") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws JsonProcessingException {
        return service.patchSource(QueryValues.uuid(id, "id"), patch, representations.ifMatch(ifMatch))
                .map(source -> representations.written(Response.ok(), source).build())
                .orElseThrow(() -> ProblemException.notFound("source", id));
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("{id}")
    @Operation(summary = "Delete a source", description = "Refused with 409 while quotes depend on it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Quotes still depend on the source; the detail says how many",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    public Response deleteSource(@PathParam("id") String id,
            @Parameter(description = "Only delete if this is the current ETag") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        if (!service.deleteSource(QueryValues.uuid(id, "id"), representations.ifMatch(ifMatch))) {
            throw ProblemException.notFound("source", id);
        }
        return Response.noContent().build();
    }
}
