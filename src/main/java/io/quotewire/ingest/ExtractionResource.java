package io.quotewire.ingest;

import io.quotewire.api.openapi.Examples;
import io.quotewire.text.StrictUtf8;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.CharacterCodingException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/extractions")
@Tag(name = "Ingestion")
@Produces(MediaType.APPLICATION_JSON)
public class ExtractionResource {

    private static final String PREVIEW = "The quotes and speakers an ingest would save (empty lists when the text has no quotes)";

    private final IngestService service;

    public ExtractionResource(IngestService service) {
        this.service = service;
    }

    @POST
    @PermitAll // a dry run that saves nothing: public, like the reads (rule "extractions" in application.properties)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extract quotes from an article (dry run)", description = "What POST /api/v1/articles would save: every quote with "
            + "its offsets, type, cue verb and speaker, and every speaker matched against the stored speakers. Saves nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ArticleInput.class), examples = @ExampleObject(name = "article", value = Examples.ARTICLE_INPUT)))
    @APIResponse(responseCode = "200", description = PREVIEW,
            content = @Content(schema = @Schema(implementation = ExtractionPreview.class), examples = @ExampleObject(name = "preview", value = Examples.EXTRACTION_PREVIEW)))
    public ExtractionPreview previewArticle(@Valid @NotNull ArticleInput input) {
        return service.previewArticle(input);
    }

    @POST
    @PermitAll // a dry run that saves nothing: public, like the reads (rule "extractions" in application.properties)
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Extract quotes from an article sent as plain text (dry run)", description = "As the JSON form, for a UTF-8 text/plain body.")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(implementation = String.class), examples = @ExampleObject(name = "article", value = Examples.ARTICLE_TEXT)))
    @APIResponse(responseCode = "200", description = PREVIEW,
            content = @Content(schema = @Schema(implementation = ExtractionPreview.class), examples = @ExampleObject(name = "preview", value = Examples.EXTRACTION_PREVIEW)))
    public ExtractionPreview previewPlainArticle(byte[] body) throws CharacterCodingException {
        return service.previewArticle(ArticleInput.ofText(StrictUtf8.decode(body)));
    }
}
