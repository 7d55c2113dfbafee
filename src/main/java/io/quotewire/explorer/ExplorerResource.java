package io.quotewire.explorer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateInstance;
import io.quotewire.api.paging.KeysetPager;
import io.quotewire.api.paging.PageRequest;
import io.quotewire.api.problem.ProblemException;
import io.quotewire.api.problem.AcceptedMediaTypes;
import io.quotewire.api.problem.ProblemMapper;
import io.quotewire.api.problem.ProblemWriter;
import io.quotewire.api.problem.Problem;
import io.quotewire.quote.QuoteFilter;
import io.quotewire.quote.QuoteService;
import io.quotewire.quote.QuoteView;
import io.quotewire.replica.PrimaryOnly;
import io.quotewire.source.SourceService;
import io.quotewire.source.SourceView;
import io.quotewire.speaker.SpeakerService;
import io.quotewire.speaker.SpeakerView;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The explorer: pages for people at {@code /}, rendered on the server from the same services as the API. Search
 * with hits marked and filters, a quote with its source text and the quote marked at its offsets, a speaker with
 * their quotes, the quote of the day and a random quote. Every page is a plain link; every text is escaped by the
 * templates. Not part of the API description.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ExplorerResource {

    static final int PAGE_SIZE = 20;
    private static final int MAX_QUERY = 500;
    private static final int FACETS = 12;

    private final QuoteService quotes;
    private final SpeakerService speakers;
    private final SourceService sources;
    private final ObjectMapper mapper;
    /** The service's one error policy, whose answers this class shows as pages. */
    private final ProblemMapper policy;

    public ExplorerResource(QuoteService quotes, SpeakerService speakers, SourceService sources, ObjectMapper mapper, AcceptedMediaTypes mediaTypes) {
        this.quotes = quotes;
        this.speakers = speakers;
        this.sources = sources;
        this.mapper = mapper;
        this.policy = new ProblemMapper(mediaTypes);
    }

    @GET
    @Operation(hidden = true)
    @PrimaryOnly // the day's first request stores the quote of the day
    public TemplateInstance home() {
        QuoteCard today = quotes.findQuoteOfTheDay(LocalDate.now(ZoneOffset.UTC)).map(QuoteCard::of).orElse(null);
        return Pages.home(today, new SearchForm());
    }

    @GET
    @Path("search")
    @Operation(hidden = true)
    public TemplateInstance search(@BeanParam SearchForm form, @Context UriInfo uri) {
        if (form.q != null && form.q.length() > MAX_QUERY) {
            throw ProblemException.invalid("q", "must be at most " + MAX_QUERY + " characters");
        }
        QuoteFilter filter = form.filter();
        KeysetPager.Slice<QuoteView> slice = quotes.listQuotes(filter, null, page(form.cursor));
        List<QuoteCard> results = slice.items().stream().map(QuoteCard::of).toList();
        return Pages.search(form, results, next(uri, slice.nextCursor()), quotes.countQuoteFacets(filter, FACETS));
    }

    @GET
    @Path("quotes/{id}")
    @Operation(hidden = true)
    public TemplateInstance quote(@PathParam("id") String id) throws JsonProcessingException {
        UUID quoteId = uuidOrNotFound(id, "quote");
        QuoteView quote = quotes.findQuoteById(quoteId).orElseThrow(() -> ProblemException.notFound("quote", id));
        // the sources that reported the quote: its own for now; several once a quote records its appearances
        List<Appearance> appearances = List.of(appearanceIn(quote, sources.findSourceById(quote.source().id()).orElseThrow()));
        return Pages.quote(QuoteCard.of(quote), quote.context(), appearances, jsonLd(quote));
    }

    @GET
    @Path("speakers/{slug}")
    @Operation(hidden = true)
    public TemplateInstance speaker(@PathParam("slug") String slug, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        SpeakerView speaker = speakers.findSpeakerByIdOrSlug(slug).orElseThrow(() -> ProblemException.notFound("speaker", slug));
        QuoteFilter filter = new QuoteFilter();
        filter.speaker = speaker.slug();
        KeysetPager.Slice<QuoteView> slice = quotes.listQuotes(filter, null, page(cursor));
        return Pages.speaker(speaker, slice.items().stream().map(QuoteCard::of).toList(), next(uri, slice.nextCursor()));
    }

    @GET
    @Path("random")
    @Operation(hidden = true)
    public Response random() {
        List<QuoteView> picked = quotes.findRandomQuotes(new QuoteFilter(), 1);
        if (picked.isEmpty()) {
            throw ProblemException.notFound("quote", "random");
        }
        return Response.seeOther(URI.create("/quotes/" + picked.get(0).id())).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    // --- errors: a page for people, with the status the API would give ---

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        return errorPage(ProblemWriter.response(e.type(), e.getMessage(), uri.getPath(), e.errors()).build());
    }

    @ServerExceptionMapper
    public Response failed(Exception e, UriInfo uri, Request request) {
        return errorPage(e instanceof WebApplicationException web ? policy.http(web, uri, request) : policy.unexpected(e, uri));
    }

    /** The problem the one error policy chose, as a page. */
    private static Response errorPage(Response problem) {
        Problem body = (Problem) problem.getEntity();
        String detail = body.errors() == null || body.errors().isEmpty() ? body.detail()
                : body.errors().stream().map(err -> err.field() + ": " + err.message()).reduce((a, b) -> a + "; " + b).orElse(body.detail());
        Response.ResponseBuilder page = Response.status(problem.getStatus()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(Pages.error(problem.getStatus(), body.title(), detail).render());
        String retryAfter = problem.getHeaderString(HttpHeaders.RETRY_AFTER);
        return (retryAfter == null ? page : page.header(HttpHeaders.RETRY_AFTER, retryAfter)).build();
    }

    // --- helpers ---

    private static PageRequest page(String cursor) {
        PageRequest page = new PageRequest();
        page.limit = Integer.toString(PAGE_SIZE);
        page.cursor = cursor == null || cursor.isEmpty() ? null : cursor;
        if (page.cursor != null && page.cursor.length() > 2000) {
            throw ProblemException.invalid("cursor", "is not a valid cursor");
        }
        return page;
    }

    /** The link to the next page: this page's address with the next cursor, relative to the server. */
    private static String next(UriInfo uri, String cursor) {
        if (cursor == null) {
            return null;
        }
        URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build();
        return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    }

    private static UUID uuidOrNotFound(String id, String kind) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // not an id: no such page
        }
        throw ProblemException.notFound(kind, id);
    }

    /** Where the quote stands in the source text: the text cut at the quote's code-point offsets. */
    private static Appearance appearanceIn(QuoteView quote, SourceView source) {
        String text = source.text();
        boolean anchored = text != null && quote.start() != null && quote.end() != null
                && quote.end() <= text.codePointCount(0, text.length()) && quote.start() <= quote.end();
        return anchored
                ? new Appearance(source.id().toString(), source.title(), source.url(), source.publisher(), source.publishedAt(),
                        Marked.slice(text, 0, quote.start()), Marked.slice(text, quote.start(), quote.end()),
                        Marked.slice(text, quote.end(), text.codePointCount(0, text.length())), quote.start(), quote.end())
                : new Appearance(source.id().toString(), source.title(), source.url(), source.publisher(), source.publishedAt(),
                        text, null, null, null, null);
    }

    /**
     * schema.org Quotation as JSON-LD, made by Jackson and safe inside a script element: {@code <}, {@code >} and
     * {@code &} are written as JSON escapes, so no text of a quote can end the element.
     */
    private String jsonLd(QuoteView quote) throws JsonProcessingException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "Quotation");
        data.put("@id", "/quotes/" + quote.id());
        data.put("url", "/quotes/" + quote.id());
        data.put("text", quote.text());
        if (quote.speaker() != null) {
            data.put("creator", Map.of("@type", "Person", "name", quote.speaker().name(), "url", "/speakers/" + quote.speaker().slug()));
        }
        if (quote.quotedOn() != null) {
            data.put("dateCreated", quote.quotedOn().toString());
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("@type", "NewsArticle");
        source.put("headline", quote.source().title());
        if (quote.source().url() != null) {
            source.put("url", quote.source().url());
        }
        if (quote.source().publisher() != null) {
            source.put("publisher", Map.of("@type", "Organization", "name", quote.source().publisher()));
        }
        if (quote.source().publishedAt() != null) {
            source.put("datePublished", quote.source().publishedAt().toString());
        }
        data.put("isBasedOn", source);
        if (quote.language() != null) {
            data.put("inLanguage", quote.language());
        }
        return mapper.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
