package io.quotewire.quotable;

import io.quotewire.api.problem.Problem;
import io.quotewire.api.problem.AcceptedMediaTypes;
import io.quotewire.api.problem.ProblemMapper;
import io.quotewire.api.problem.ProblemWriter;
import io.quotewire.text.Slugs;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quotable's read API (lukePeavey/quotable), so that an app written for {@code https://api.quotable.io} works
 * unchanged with its base URL pointed here. Parameters are read as Quotable read them: numbers are clamped rather
 * than refused, unknown parameters and values are ignored; what Quotable refused is refused with its status and its
 * error body {@code {statusCode, statusMessage}}. Served at {@link #MOUNT}; {@link QuotableEdge} serves it at the
 * configured prefix instead and answers what must not reach here (other methods, undecodable query strings).
 */
@Path(QuotableResource.MOUNT)
@Tag(name = "Quotable", description = "Quotable-compatible read API: Quotable's routes, parameters, fields and errors, "
        + "for apps written for api.quotable.io (point their base URL at /quotable)")
@Produces(MediaType.APPLICATION_JSON)
public class QuotableResource {

    public static final String MOUNT = "/quotable";
    public static final String BAD_REQUEST_EXAMPLE = QuotableExamples.BAD_REQUEST;
    public static final String NOT_FOUND_EXAMPLE = QuotableExamples.NOT_FOUND;
    public static final String MISSING_QUERY_EXAMPLE = QuotableExamples.MISSING_QUERY;
    /** Examples of the page schemas generated from QuotablePage, which annotations cannot name. */
    public static final java.util.Map<String, String> PAGE_EXAMPLES = java.util.Map.of(
            "#/components/schemas/QuotablePageQuotableQuote", QuotableExamples.QUOTE_PAGE,
            "#/components/schemas/QuotablePageQuotableAuthor", QuotableExamples.AUTHOR_PAGE);
    static final int MAX_RANDOM = 50;

    private final QuotableService service;
    /** The service's one error policy, whose answers this class dresses as Quotable's. */
    private final ProblemMapper policy;

    public QuotableResource(QuotableService service, AcceptedMediaTypes mediaTypes) {
        this.service = service;
        this.policy = new ProblemMapper(mediaTypes);
    }

    @GET
    @Path("random")
    @Operation(operationId = "quotableRandomQuote", summary = "A random quote (Quotable's /random)", description = "One random quote matching the filters; 404 when none matches. Never cached.")
    @APIResponse(responseCode = "200", description = "A random quote",
            content = @Content(schema = @Schema(implementation = QuotableQuote.class), examples = @ExampleObject(name = "quote", value = QuotableExamples.QUOTE)))
    @APIResponse(responseCode = "404", description = "No quote matches", content = @Content(schema = @Schema(implementation = QuotableError.class),
            examples = @ExampleObject(name = "none", value = "{\"statusCode\":404,\"statusMessage\":\"Not Found\"}")))
    @APIResponse(responseCode = "400", ref = "QuotableBadRequest")
    public Response randomQuote(@QueryParam("author") @Parameter(description = QuotableExamples.PARAM_AUTHOR) String author,
            @QueryParam("authorId") @Parameter(description = QuotableExamples.PARAM_AUTHOR_ID) String authorId,
            @QueryParam("tags") @Parameter(description = QuotableExamples.PARAM_TAGS) String tags,
            @QueryParam("minLength") @Parameter(description = QuotableExamples.PARAM_MIN_LENGTH) String minLength,
            @QueryParam("maxLength") @Parameter(description = QuotableExamples.PARAM_MAX_LENGTH) String maxLength,
            @QueryParam("query") @Parameter(description = "Only quotes whose text matches these words (see GET /search/quotes)") String query) {
        List<QuotableQuote> picked = service.findRandomQuotes(criteria(author, authorId, tags, minLength, maxLength, query), 1);
        if (picked.isEmpty()) {
            throw new QuotableException(404, "Not Found");
        }
        return noStore(picked.get(0));
    }

    @GET
    @Path("quotes/random")
    @Operation(operationId = "quotableRandomQuotes", summary = "Random quotes (Quotable's /quotes/random)", description = "Up to limit distinct random quotes matching the filters, as an array; "
            + "an empty array when none matches. Never cached.")
    @APIResponse(responseCode = "200", description = "The quotes",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = QuotableQuote.class), examples = @ExampleObject(name = "quotes", value = QuotableExamples.QUOTES)))
    @APIResponse(responseCode = "400", ref = "QuotableBadRequest")
    public Response randomQuotes(
            @QueryParam("limit") @Parameter(description = "How many (1 to 50, default 1); read as JavaScript's parseInt, clamped, never refused",
                    schema = @Schema(type = SchemaType.STRING), example = "3") String limit,
            @QueryParam("author") @Parameter(description = QuotableExamples.PARAM_AUTHOR) String author,
            @QueryParam("authorId") @Parameter(description = QuotableExamples.PARAM_AUTHOR_ID) String authorId,
            @QueryParam("tags") @Parameter(description = QuotableExamples.PARAM_TAGS) String tags,
            @QueryParam("minLength") @Parameter(description = QuotableExamples.PARAM_MIN_LENGTH) String minLength,
            @QueryParam("maxLength") @Parameter(description = QuotableExamples.PARAM_MAX_LENGTH) String maxLength,
            @QueryParam("query") @Parameter(description = "Only quotes whose text matches these words (see GET /search/quotes)") String query) {
        int count = (int) Math.max(1, Math.min(MAX_RANDOM, JsNumbers.parseInt(limit, 1)));
        return noStore(service.findRandomQuotes(criteria(author, authorId, tags, minLength, maxLength, query), count));
    }

    @GET
    @Path("quotes")
    @Operation(operationId = "quotableListQuotes", summary = "List quotes (Quotable's /quotes)", description = "Newest first by default; paged by number.")
    @APIResponse(responseCode = "200", description = "A page of quotes")
    @APIResponse(responseCode = "400", ref = "QuotableBadRequest")
    public QuotablePage<QuotableQuote> listQuotes(@QueryParam("author") @Parameter(description = QuotableExamples.PARAM_AUTHOR) String author,
            @QueryParam("authorId") @Parameter(description = QuotableExamples.PARAM_AUTHOR_ID) String authorId,
            @QueryParam("tags") @Parameter(description = QuotableExamples.PARAM_TAGS) String tags,
            @QueryParam("minLength") @Parameter(description = QuotableExamples.PARAM_MIN_LENGTH) String minLength,
            @QueryParam("maxLength") @Parameter(description = QuotableExamples.PARAM_MAX_LENGTH) String maxLength,
            @QueryParam("sortBy") @Parameter(description = "dateAdded (default, newest first), dateModified, author, content or length; "
                    + "anything else means the default", example = "author") String sortBy,
            @QueryParam("order") @Parameter(description = QuotableExamples.PARAM_ORDER) String order,
            @QueryParam("sortOrder") @Parameter(description = QuotableExamples.PARAM_SORT_ORDER) String sortOrder,
            @QueryParam("page") @Parameter(description = QuotableExamples.PARAM_PAGE) String page,
            @QueryParam("limit") @Parameter(description = QuotableExamples.PARAM_LIMIT) String limit) {
        return service.listQuotes(criteria(author, authorId, tags, minLength, maxLength, null),
                Sorting.of(QuotableRepository.QUOTE_SORTS, "dateAdded", sortBy, order, sortOrder), Paging.of(page, limit));
    }

    @GET
    @Path("quotes/{id}")
    @Operation(operationId = "quotableGetQuote", summary = "Get a quote (Quotable's /quotes/:id)")
    @APIResponse(responseCode = "200", description = "The quote",
            content = @Content(schema = @Schema(implementation = QuotableQuote.class), examples = @ExampleObject(name = "quote", value = QuotableExamples.QUOTE)))
    @APIResponse(responseCode = "404", ref = "QuotableNotFound")
    @APIResponse(responseCode = "400", ref = "QuotableBadRequest")
    public QuotableQuote getQuote(@PathParam("id") @Parameter(description = "The quote's _id") String id) {
        return uuid(id).flatMap(service::findQuoteById).orElseThrow(QuotableException::notFound);
    }

    @GET
    @Path("search/quotes")
    @Operation(operationId = "quotableSearchQuotes", summary = "Search quotes (Quotable's /search/quotes)", description = "Best matches first. A query in quotes is an exact phrase; "
            + "otherwise words, with AND (implied), OR and NOT.")
    @APIResponse(responseCode = "200", description = "A page of matching quotes")
    @APIResponse(responseCode = "422", ref = "QuotableMissingQuery")
    @APIResponse(responseCode = "400", ref = "QuotableBadRequest")
    public QuotablePage<QuotableQuote> searchQuotes(
            @QueryParam("query") @Parameter(description = "Words, or \"an exact phrase\"; at most 150 characters of words", example = "\"human rights\"") String query,
            @QueryParam("page") @Parameter(description = QuotableExamples.PARAM_PAGE) String page,
            @QueryParam("limit") @Parameter(description = QuotableExamples.PARAM_LIMIT) String limit) {
        String webSearch = SearchQuery.toWebSearch(query);
        if (webSearch == null) {
            throw new QuotableException(422, "Missing required parameter: `query`");
        }
        return service.searchQuotes(webSearch, Paging.of(page, limit));
    }

    @GET
    @Path("search/authors")
    @Operation(operationId = "quotableSearchAuthors", summary = "Search authors (Quotable's /search/authors)", description = "Speakers whose name or alias has every word typed; "
            + "with autocomplete (the default) the last words may be unfinished. Most quoted first.")
    @APIResponse(responseCode = "200", description = "A page of speakers")
    @APIResponse(responseCode = "422", ref = "QuotableMissingQuery")
    @APIResponse(responseCode = "400", ref = "QuotableBadRequest")
    public QuotablePage<QuotableAuthor> searchAuthors(
            @QueryParam("query") @Parameter(description = "A name or the start of one", example = "vedant pa") String query,
            @QueryParam("autocomplete") @Parameter(description = "Whether words may be unfinished (default true); false, 0 or no turn it off",
                    schema = @Schema(type = SchemaType.STRING)) String autocomplete,
            @QueryParam("page") @Parameter(description = QuotableExamples.PARAM_PAGE) String page,
            @QueryParam("limit") @Parameter(description = QuotableExamples.PARAM_LIMIT) String limit) {
        if (query == null || query.isEmpty()) {
            throw new QuotableException(422, "Missing required parameter: `query`");
        }
        if (query.length() > SearchQuery.MAX_LENGTH) {
            throw new QuotableException(400, "Query exceeded maximum length. See documentation for limits");
        }
        return service.searchAuthors(query, !isFalse(autocomplete), Paging.of(page, limit));
    }

    @GET
    @Path("authors")
    @Operation(operationId = "quotableListAuthors", summary = "List authors (Quotable's /authors)", description = "By name by default; paged by number.")
    @APIResponse(responseCode = "200", description = "A page of speakers")
    @APIResponse(responseCode = "400", ref = "QuotableBadRequest")
    public QuotablePage<QuotableAuthor> listAuthors(
            @QueryParam("slug") @Parameter(description = "Only these speakers: slugs or names, separated by | or ,", example = "vedant-patel|ishaq-dar") String slug,
            @QueryParam("name") @Parameter(description = "Like slug: names or slugs, separated by | or ,", example = "Vedant Patel") String name,
            @QueryParam("sortBy") @Parameter(description = "name (default), quoteCount (most first), dateAdded or dateModified (newest first)",
                    example = "quoteCount") String sortBy,
            @QueryParam("order") @Parameter(description = QuotableExamples.PARAM_ORDER) String order,
            @QueryParam("sortOrder") @Parameter(description = QuotableExamples.PARAM_SORT_ORDER) String sortOrder,
            @QueryParam("page") @Parameter(description = QuotableExamples.PARAM_PAGE) String page,
            @QueryParam("limit") @Parameter(description = QuotableExamples.PARAM_LIMIT) String limit) {
        String names = name != null && !name.isEmpty() ? name : slug;
        List<String> slugs = names == null || names.isEmpty() ? null
                : Arrays.stream(names.split(names.contains(",") ? "," : "\\|", -1)).map(Slugs::of).toList();
        return service.listAuthors(slugs, Sorting.of(QuotableRepository.AUTHOR_SORTS, "name", sortBy, order, sortOrder), Paging.of(page, limit));
    }

    @GET
    @Path("authors/{id}")
    @Operation(operationId = "quotableGetAuthor", summary = "Get an author (Quotable's /authors/:id)")
    @APIResponse(responseCode = "200", description = "The speaker",
            content = @Content(schema = @Schema(implementation = QuotableAuthor.class), examples = @ExampleObject(name = "author", value = QuotableExamples.AUTHOR)))
    @APIResponse(responseCode = "404", ref = "QuotableNotFound")
    @APIResponse(responseCode = "400", ref = "QuotableBadRequest")
    public QuotableAuthor getAuthor(@PathParam("id") @Parameter(description = "The speaker's _id") String id) {
        return uuid(id).flatMap(service::findAuthorById).orElseThrow(QuotableException::notFound);
    }

    @GET
    @Path("authors/slug/{slug}")
    @Operation(operationId = "quotableGetAuthorBySlug", summary = "Get an author with their quotes (Quotable's /authors/slug/:slug)")
    @APIResponse(responseCode = "200", description = "The speaker and their quotes (at most 1,000, oldest first)",
            content = @Content(schema = @Schema(implementation = QuotableAuthor.class), examples = @ExampleObject(name = "author", value = QuotableExamples.AUTHOR_WITH_QUOTES)))
    @APIResponse(responseCode = "404", ref = "QuotableNotFound")
    @APIResponse(responseCode = "400", ref = "QuotableBadRequest")
    public QuotableAuthor getAuthorBySlug(@PathParam("slug") @Parameter(description = "The speaker's slug", example = "vedant-patel") String slug) {
        return service.findAuthorBySlug(slug).orElseThrow(QuotableException::notFound);
    }

    @GET
    @Path("tags")
    @Operation(operationId = "quotableListTags", summary = "List tags (Quotable's /tags)", description = "Every tag, as an array (not paged); by name by default.")
    @APIResponse(responseCode = "200", description = "The tags",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = QuotableTag.class), examples = @ExampleObject(name = "tags", value = QuotableExamples.TAG_LIST)))
    @APIResponse(responseCode = "400", ref = "QuotableBadRequest")
    public List<QuotableTag> listTags(
            @QueryParam("sortBy") @Parameter(description = "name (default), quoteCount (most first), dateAdded or dateModified (newest first)") String sortBy,
            @QueryParam("order") @Parameter(description = QuotableExamples.PARAM_ORDER) String order,
            @QueryParam("sortOrder") @Parameter(description = QuotableExamples.PARAM_SORT_ORDER) String sortOrder) {
        return service.listTags(sortBy, order, sortOrder);
    }

    /** Any other path under the prefix: Quotable's 404, not ours. */
    @GET
    @Path("{unknown: .*}")
    @Operation(hidden = true)
    public Response unknown() {
        throw QuotableException.notFound();
    }

    // --- errors: in Quotable's shape on every route of this class ---

    @ServerExceptionMapper
    public Response refused(QuotableException e) {
        return error(e.status(), e.getMessage());
    }

    /**
     * Everything else goes through the one error policy of the service, which decides the status (a 503 for a
     * database that is away, a logged 500 for a fault) and what may be said; here it is only dressed as Quotable's.
     */
    @ServerExceptionMapper
    public Response failed(Exception e, UriInfo uri, Request request) {
        Response problem = e instanceof WebApplicationException web ? policy.http(web, uri, request) : policy.unexpected(e, uri);
        Problem body = (Problem) problem.getEntity();
        Response.ResponseBuilder answer = Response.fromResponse(error(problem.getStatus(), body.detail()));
        String retryAfter = problem.getHeaderString(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            answer.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return answer.build();
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(new QuotableError(status, message)).build();
    }

    private static QuoteCriteria criteria(String author, String authorId, String tags, String minLength, String maxLength, String query) {
        // a query with nothing searchable in it filters nothing, as in Quotable
        return QuoteCriteria.of(author, authorId, tags, minLength, maxLength, SearchQuery.toWebSearch(query));
    }

    private static Response noStore(Object entity) {
        return Response.ok(entity).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static boolean isFalse(String flag) {
        return flag != null && (flag.equals("false") || flag.equals("0") || flag.equals("no"));
    }

    /** An id that is no UUID names no record here: a 404, as an unknown id was in Quotable. */
    private static java.util.Optional<UUID> uuid(String id) {
        try {
            return id.length() == 36 ? java.util.Optional.of(UUID.fromString(id)) : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
