package io.quotewire.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quotewire.api.caching.ReadCache;
import io.quotewire.api.caching.Representations;
import io.quotewire.api.json.MergePatcher;
import io.quotewire.api.openapi.Examples;
import io.quotewire.api.paging.Page;
import io.quotewire.api.paging.PageRequest;
import io.quotewire.api.params.QueryValues;
import io.quotewire.api.problem.ProblemException;
import io.quotewire.api.problem.ProblemType;
import io.quotewire.appearance.AppearanceService;
import io.quotewire.appearance.AppearanceView;
import io.quotewire.auth.Roles;
import io.quotewire.replica.PrimaryOnly;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/quotes")
@Tag(name = "Quotes", description = "What was said, by whom, and where: each quote traceable to the characters of its source")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuoteResource {

    private static final int MAX_RANDOM = 50;
    private static final int DEFAULT_FACETS = 10;
    private static final int MAX_FACETS = 100;

    private final QuoteService service;
    private final AppearanceService appearances;
    private final Representations representations;
    private final ReadCache cache;

    public QuoteResource(QuoteService service, AppearanceService appearances, Representations representations, ReadCache cache) {
        this.service = service;
        this.appearances = appearances;
        this.representations = representations;
        this.cache = cache;
    }

    /*
     * The appearances of a quote are listed here rather than by a resource class of their own at
     * /api/v1/quotes/{id}/appearances: beside this class's /api/v1/quotes/{id}, such a class was matched for GET only,
     * and any other method on the path answered 404 instead of 405.
     */
    @GET
    @Path("{id}/appearances")
    @Operation(summary = "List the appearances of a quote",
            description = "Every source that reported the quote, oldest first: the quote's own source first, with the quote's id.")
    @APIResponse(responseCode = "200", description = "A page of appearances")
    public Page<AppearanceView> listAppearances(@PathParam("id") String id, @Valid @BeanParam PageRequest page, @Context UriInfo uri) {
        return appearances.listAppearances(QueryValues.uuid(id, "id"), page)
                .map(slice -> Page.of(slice, page, uri))
                .orElseThrow(() -> ProblemException.notFound("quote", id));
    }

    /** The answer of a random pick: always an object, its items distinct. */
    @Schema(name = "RandomQuotes")
    public record RandomQuotes(List<QuoteView> items) {
    }

    @GET
    @Operation(summary = "List quotes", description = "Newest first by default. Filters combine with and.")
    @APIResponse(responseCode = "200", description = "A page of quotes")
    public Page<QuoteView> listQuotes(@Valid @BeanParam QuoteFilter filter, @Valid @BeanParam PageRequest page,
            @Parameter(description = "Comma-separated fields, - for descending: createdAt, updatedAt, length, and with q relevance "
                    + "(the default with q; otherwise -createdAt)", example = "-createdAt") @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        if (filter.query() != null) {
            // not cached: each instance's search index catches up with a write on its own, after the cache is dropped
            return Page.of(service.listQuotes(filter, sort, page), page, uri);
        }
        // the same page for everyone who asks for it, until the next write (as a speaker's pages)
        return cache.get(List.of("quotes", uri.getRequestUri().toString()), () -> Page.of(service.listQuotes(filter, sort, page), page, uri));
    }

    @GET
    @Path("random")
    @Operation(summary = "Random quotes", description = "Distinct quotes drawn uniformly from those matching the filters; never cached.")
    @APIResponse(responseCode = "200", description = "Up to count distinct quotes; empty items when nothing matches",
            content = @Content(schema = @Schema(implementation = RandomQuotes.class), examples = @ExampleObject(name = "random", value = Examples.RANDOM)))
    public Response randomQuotes(@Valid @BeanParam QuoteFilter filter,
            @Parameter(description = "How many distinct quotes", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50", defaultValue = "1"))
            @QueryParam("count") String count) {
        Integer asked = QueryValues.integer(count, "count", 1, MAX_RANDOM);
        return Response.ok(new RandomQuotes(service.findRandomQuotes(filter, asked == null ? 1 : asked))).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("facets")
    @Operation(summary = "Count quotes per speaker, tag, year and type",
            description = "Takes every filter of GET /api/v1/quotes; each count is the size of the list that adding that value as a filter would give.")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(schema = @Schema(implementation = QuoteFacets.class), examples = @ExampleObject(name = "facets", value = Examples.FACETS)))
    public QuoteFacets quoteFacets(@Valid @BeanParam QuoteFilter filter,
            @Parameter(description = "How many speakers and tags to count, the largest first",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10"))
            @QueryParam("top") String top, @Context UriInfo uri) {
        Integer asked = QueryValues.integer(top, "top", 1, MAX_FACETS);
        // the same counts for everyone who asks the same question, until the next write
        return cache.get(List.of("facets", uri.getRequestUri().toString()),
                () -> service.countQuoteFacets(filter, asked == null ? DEFAULT_FACETS : asked));
    }

    @GET
    @Path("today")
    @Operation(summary = "Quote of the day", description = "The same quote for every caller during a UTC day.")
    @APIResponse(responseCode = "200", description = "Today's quote, with a strong ETag",
            content = @Content(schema = @Schema(implementation = QuoteView.class), examples = @ExampleObject(name = "quote", value = Examples.QUOTE)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @APIResponse(responseCode = "404", description = "There are no quotes yet",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "missing", value = Examples.NOT_FOUND)))
    @PrimaryOnly // the day's first request stores the pick
    public Response quoteOfTheDay(@Context Request request) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        Representations.Representation today = cache.get(List.of("today", day),
                () -> service.findQuoteOfTheDay(day).map(representations::of).orElse(null));
        if (today == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There are no quotes yet");
        }
        return representations.ok(today, request);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a quote")
    @APIResponse(responseCode = "200", description = "The quote, with a strong ETag",
            content = @Content(schema = @Schema(implementation = QuoteView.class), examples = @ExampleObject(name = "quote", value = Examples.QUOTE)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    public Response getQuote(@PathParam("id") String id, @Context Request request) {
        return service.findQuoteById(QueryValues.uuid(id, "id"))
                .map(quote -> representations.ok(quote, request))
                .orElseThrow(() -> ProblemException.notFound("quote", id));
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Create a quote", description = "Offsets, when given, must point at exactly the quote's text in the source text.")
    @RequestBody(content = @Content(schema = @Schema(implementation = QuoteInput.class), examples = @ExampleObject(name = "quote", value = Examples.QUOTE_INPUT)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new quote",
            content = @Content(schema = @Schema(implementation = QuoteView.class), examples = @ExampleObject(name = "quote", value = Examples.QUOTE)))
    public Response createQuote(@Valid @NotNull QuoteInput input, @Context UriInfo uri) {
        QuoteView created = service.persistQuote(input);
        return representations.written(Response.created(uri.getBaseUriBuilder().path("api/v1/quotes").path(created.id().toString()).build()), created).build();
    }

    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(summary = "Replace a quote")
    @RequestBody(content = @Content(schema = @Schema(implementation = QuoteInput.class), examples = @ExampleObject(name = "quote", value = Examples.QUOTE_INPUT)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = QuoteView.class), examples = @ExampleObject(name = "quote", value = Examples.QUOTE)))
    public Response replaceQuote(@PathParam("id") String id, @Valid @NotNull QuoteInput input,
            @Parameter(description = "Only replace if this is the current ETag") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.replaceQuote(QueryValues.uuid(id, "id"), input, representations.ifMatch(ifMatch))
                .map(quote -> representations.written(Response.ok(), quote).build())
                .orElseThrow(() -> ProblemException.notFound("quote", id));
    }

    @PATCH
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Consumes(MergePatcher.MEDIA_TYPE)
    @Operation(summary = "Change fields of a quote (JSON merge patch)")
    @RequestBody(content = @Content(mediaType = MergePatcher.MEDIA_TYPE, schema = @Schema(implementation = QuoteInput.class),
            examples = @ExampleObject(name = "patch", value = Examples.QUOTE_PATCH)))
    @APIResponse(responseCode = "200", description = "Patched",
            content = @Content(schema = @Schema(implementation = QuoteView.class), examples = @ExampleObject(name = "quote", value = Examples.QUOTE)))
    public Response patchQuote(@PathParam("id") String id, byte[] patch,
            @Parameter(description = "Only patch if this is the current ETag") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws JsonProcessingException {
        return service.patchQuote(QueryValues.uuid(id, "id"), patch, representations.ifMatch(ifMatch))
                .map(quote -> representations.written(Response.ok(), quote).build())
                .orElseThrow(() -> ProblemException.notFound("quote", id));
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("{id}")
    @Operation(summary = "Delete a quote")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteQuote(@PathParam("id") String id,
            @Parameter(description = "Only delete if this is the current ETag") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        if (!service.deleteQuote(QueryValues.uuid(id, "id"), representations.ifMatch(ifMatch))) {
            throw ProblemException.notFound("quote", id);
        }
        return Response.noContent().build();
    }
}
