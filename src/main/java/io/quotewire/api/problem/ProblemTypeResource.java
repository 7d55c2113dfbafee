package io.quotewire.api.problem;

import io.quotewire.api.openapi.Examples;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Serves the explanation behind each problem {@code type} URI, so the URI a client gets leads somewhere useful. */
@Path("/problems")
@Tag(name = "Problems", description = "Explanations of the problem types that error answers name")
public class ProblemTypeResource {

    /** What a problem type means. */
    @Schema(name = "ProblemType")
    public record ProblemTypeView(String type, String title, int status, String explanation) {
    }

    @GET
    @Path("{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Explain a problem type")
    @APIResponse(responseCode = "200", description = "The explanation",
            content = @Content(schema = @Schema(implementation = ProblemTypeView.class), examples = @ExampleObject(name = "validation",
                    value = "{\"type\":\"/problems/validation\",\"title\":\"Invalid request\",\"status\":400,"
                            + "\"explanation\":\"The request was understood but a parameter or field is invalid.\"}")))
    @APIResponse(responseCode = "404", description = "No such problem type",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "missing", value = Examples.NOT_FOUND)))
    public ProblemTypeView explain(@PathParam("slug") String slug) {
        return Arrays.stream(ProblemType.values())
                .filter(type -> type.slug().equals(slug))
                .findFirst()
                .map(type -> new ProblemTypeView(type.uri(), type.title(), type.status(), type.explanation()))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No problem type named '" + slug + "'"));
    }
}
