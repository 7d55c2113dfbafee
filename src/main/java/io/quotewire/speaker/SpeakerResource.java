package io.quotewire.speaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quotewire.api.caching.ReadCache;
import io.quotewire.api.caching.Representations;
import io.quotewire.api.json.MergePatcher;
import io.quotewire.api.openapi.Examples;
import io.quotewire.api.paging.Page;
import io.quotewire.api.paging.PageRequest;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/speakers")
@Tag(name = "Speakers", description = "People and organisations quotes are attributed to; addressed by id or slug")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SpeakerResource {

    private final SpeakerService service;
    private final QuoteService quotes;
    private final Representations representations;
    private final ReadCache cache;

    public SpeakerResource(SpeakerService service, QuoteService quotes, Representations representations, ReadCache cache) {
        this.service = service;
        this.quotes = quotes;
        this.representations = representations;
        this.cache = cache;
    }

    @GET
    @Operation(summary = "List or search speakers",
            description = "By name by default; filter by name prefix, or search names and aliases with q (typo-tolerant, and word prefixes for autocomplete).")
    @APIResponse(responseCode = "200", description = "A page of speakers")
    public Page<SpeakerView> listSpeakers(@Valid @BeanParam SpeakerFilter filter, @Valid @BeanParam PageRequest page,
            @Parameter(description = "Comma-separated fields, - for descending: name, quoteCount, createdAt, and with q relevance "
                    + "(the default with q is -relevance,-quoteCount; otherwise name)", example = "-quoteCount") @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        // the same page for everyone who asks for it (an autocomplete prefix, a name filter), until the next write
        return cache.get(List.of("speakers", uri.getRequestUri().toString()), () -> Page.of(service.listSpeakers(filter, sort, page), page, uri));
    }

    @GET
    @Path("{idOrSlug}")
    @Operation(summary = "Get a speaker by id or slug")
    @APIResponse(responseCode = "200", description = "The speaker, with a strong ETag",
            content = @Content(schema = @Schema(implementation = SpeakerView.class), examples = @ExampleObject(name = "speaker", value = Examples.SPEAKER)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    public Response getSpeaker(@Parameter(example = "vedant-patel") @PathParam("idOrSlug") String idOrSlug, @Context Request request) {
        Representations.Representation speaker = cache.get(List.of("speaker", idOrSlug),
                () -> service.findSpeakerByIdOrSlug(idOrSlug).map(representations::of).orElse(null));
        if (speaker == null) {
            throw ProblemException.notFound("speaker", idOrSlug);
        }
        return representations.ok(speaker, request);
    }

    @GET
    @Path("{idOrSlug}/quotes")
    @Operation(summary = "List the quotes of a speaker", description = "Takes every filter and sort of GET /api/v1/quotes.")
    @APIResponse(responseCode = "200", description = "A page of quotes")
    public Page<QuoteView> listSpeakerQuotes(@Parameter(example = "vedant-patel") @PathParam("idOrSlug") String idOrSlug,
            @Valid @BeanParam QuoteFilter filter, @Valid @BeanParam PageRequest page,
            @Parameter(description = "Comma-separated fields, - for descending: createdAt, updatedAt, length", example = "-createdAt") @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        return cache.get(List.of("speaker-quotes", uri.getRequestUri().toString()), () -> {
            SpeakerView speaker = service.findSpeakerByIdOrSlug(idOrSlug).orElseThrow(() -> ProblemException.notFound("speaker", idOrSlug));
            filter.speaker = speaker.id().toString();
            return Page.of(quotes.listQuotes(filter, sort, page), page, uri);
        });
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Create a speaker")
    @RequestBody(content = @Content(schema = @Schema(implementation = SpeakerInput.class), examples = @ExampleObject(name = "speaker", value = Examples.SPEAKER_INPUT)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new speaker",
            content = @Content(schema = @Schema(implementation = SpeakerView.class), examples = @ExampleObject(name = "speaker", value = Examples.SPEAKER)))
    @APIResponse(responseCode = "409", description = "The slug is taken",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    public Response createSpeaker(@Valid @NotNull SpeakerInput input, @Context UriInfo uri) {
        SpeakerView created = service.persistSpeaker(input);
        return representations.written(Response.created(uri.getBaseUriBuilder().path("api/v1/speakers").path(created.id().toString()).build()), created).build();
    }

    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("{idOrSlug}")
    @Operation(summary = "Replace a speaker")
    @RequestBody(content = @Content(schema = @Schema(implementation = SpeakerInput.class), examples = @ExampleObject(name = "speaker", value = Examples.SPEAKER_INPUT)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = SpeakerView.class), examples = @ExampleObject(name = "speaker", value = Examples.SPEAKER)))
    @APIResponse(responseCode = "409", description = "The slug is taken",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    public Response replaceSpeaker(@PathParam("idOrSlug") String idOrSlug, @Valid @NotNull SpeakerInput input,
            @Parameter(description = "Only replace if this is the current ETag") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.replaceSpeaker(idOrSlug, input, representations.ifMatch(ifMatch))
                .map(speaker -> representations.written(Response.ok(), speaker).build())
                .orElseThrow(() -> ProblemException.notFound("speaker", idOrSlug));
    }

    @PATCH
    @RolesAllowed(Roles.EDITOR)
    @Path("{idOrSlug}")
    @Consumes(MergePatcher.MEDIA_TYPE)
    @Operation(summary = "Change fields of a speaker (JSON merge patch)")
    @RequestBody(content = @Content(mediaType = MergePatcher.MEDIA_TYPE, schema = @Schema(implementation = SpeakerInput.class),
            examples = @ExampleObject(name = "patch", value = "{\"aliases\":[\"Patel\",\"the deputy spokesperson\"]}")))
    @APIResponse(responseCode = "200", description = "Patched",
            content = @Content(schema = @Schema(implementation = SpeakerView.class), examples = @ExampleObject(name = "speaker", value = Examples.SPEAKER)))
    @APIResponse(responseCode = "409", description = "The slug is taken",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    public Response patchSpeaker(@PathParam("idOrSlug") String idOrSlug, byte[] patch,
            @Parameter(description = "Only patch if this is the current ETag") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws JsonProcessingException {
        return service.patchSpeaker(idOrSlug, patch, representations.ifMatch(ifMatch))
                .map(speaker -> representations.written(Response.ok(), speaker).build())
                .orElseThrow(() -> ProblemException.notFound("speaker", idOrSlug));
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("{idOrSlug}")
    @Operation(summary = "Delete a speaker", description = "Refused with 409 while quotes are attributed to the speaker.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Quotes are still attributed to the speaker; the detail says how many",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    public Response deleteSpeaker(@PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = "Only delete if this is the current ETag") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        if (!service.deleteSpeaker(idOrSlug, representations.ifMatch(ifMatch))) {
            throw ProblemException.notFound("speaker", idOrSlug);
        }
        return Response.noContent().build();
    }
}
