package io.quotewire.ingest;

import io.quotewire.api.openapi.Examples;
import io.quotewire.auth.Roles;
import io.quotewire.text.StrictUtf8;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.CharacterCodingException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/articles")
@Tag(name = "Ingestion", description = "Quotes extracted from news text: previewed, or saved with their source and speakers")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    private static final String INGESTED = "Created: the source, its quotes and new speakers; Location names the source";
    private static final String ALREADY_THERE = "The article (same URL, or same text without one) was already stored; nothing was written";

    private final IngestService service;

    public ArticleResource(IngestService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest an article", description = "Extracts the article's quotes and saves them in one transaction with the "
            + "article as a source (kind article) and its speakers, linking stored speakers it matches and adding the aliases the "
            + "article uses. The same article sent again changes nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ArticleInput.class), examples = @ExampleObject(name = "article", value = Examples.ARTICLE_INPUT)))
    @APIResponse(responseCode = "201", description = INGESTED,
            content = @Content(schema = @Schema(implementation = IngestSummary.class), examples = @ExampleObject(name = "created", value = Examples.INGEST_SUMMARY)))
    @APIResponse(responseCode = "200", description = ALREADY_THERE,
            content = @Content(schema = @Schema(implementation = IngestSummary.class), examples = @ExampleObject(name = "existing", value = Examples.INGEST_SUMMARY)))
    public Response ingestArticle(@Valid @NotNull ArticleInput input, @Context UriInfo uri) {
        return answer(service.ingestArticle(input), uri);
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Ingest an article sent as plain text", description = "As the JSON form, for a UTF-8 text/plain body; the title is its first line.")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = String.class), examples = @ExampleObject(name = "article", value = Examples.ARTICLE_TEXT)))
    @APIResponse(responseCode = "201", description = INGESTED,
            content = @Content(schema = @Schema(implementation = IngestSummary.class), examples = @ExampleObject(name = "created", value = Examples.INGEST_SUMMARY)))
    @APIResponse(responseCode = "200", description = ALREADY_THERE,
            content = @Content(schema = @Schema(implementation = IngestSummary.class), examples = @ExampleObject(name = "existing", value = Examples.INGEST_SUMMARY)))
    public Response ingestPlainArticle(byte[] body, @Context UriInfo uri) throws CharacterCodingException {
        return answer(service.ingestArticle(ArticleInput.ofText(StrictUtf8.decode(body))), uri);
    }

    private static Response answer(IngestSummary summary, UriInfo uri) {
        if (!summary.created()) {
            return Response.ok(summary).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("api/v1/sources").path(summary.sourceId().toString()).build())
                .entity(summary).build();
    }
}
