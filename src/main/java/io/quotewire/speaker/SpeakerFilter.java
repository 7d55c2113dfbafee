package io.quotewire.speaker;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the speaker list. */
public class SpeakerFilter {

    @QueryParam("name")
    @Size(max = 200)
    @Parameter(description = "Case-insensitive prefix of the name", example = "ved")
    public String name;
}
