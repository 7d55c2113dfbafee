package io.quotewire.tag;

import io.quotewire.api.caching.ReadCache;
import io.quotewire.api.caching.Representations;
import io.quotewire.api.openapi.Examples;
import io.quotewire.api.paging.Page;
import io.quotewire.api.paging.PageRequest;
import io.quotewire.api.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tags")
@Tag(name = "Tags", description = "Topic labels on quotes; filter quotes with tag=slug")
@Produces(MediaType.APPLICATION_JSON)
public class TagResource {

    private final TagService service;
    private final Representations representations;
    private final ReadCache cache;

    public TagResource(TagService service, Representations representations, ReadCache cache) {
        this.service = service;
        this.representations = representations;
        this.cache = cache;
    }

    @GET
    @Operation(summary = "List tags with their quote counts", description = "Most used first by default.")
    @APIResponse(responseCode = "200", description = "A page of tags")
    public Page<TagView> listTags(@Valid @BeanParam PageRequest page,
            @Parameter(description = "Comma-separated fields, - for descending: slug, quoteCount", example = "-quoteCount") @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        return cache.get(List.of("tags", uri.getRequestUri().toString()), () -> Page.of(service.listTags(sort, page), page, uri));
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "Get a tag by slug")
    @APIResponse(responseCode = "200", description = "The tag, with a strong ETag",
            content = @Content(schema = @Schema(implementation = TagView.class), examples = @ExampleObject(name = "tag",
                    value = "{\"id\":\"0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e62\",\"slug\":\"human-rights\",\"name\":\"Human rights\",\"quoteCount\":5}")))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    public Response getTag(@Parameter(example = "human-rights") @PathParam("slug") String slug, @Context Request request) {
        Representations.Representation tag = cache.get(List.of("tag", slug),
                () -> service.findTagBySlug(slug).map(representations::of).orElse(null));
        if (tag == null) {
            throw ProblemException.notFound("tag", slug);
        }
        return representations.ok(tag, request);
    }
}
