package io.quotewire.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every 4xx and 5xx answer. */
@Schema(name = "Problem", description = "RFC 9457 problem detail")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "Stable URI reference naming the kind of problem; GET it for an explanation", examples = "/problems/validation") String type,
        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "limit must be at least 1") String detail,
        @Schema(description = "The request path that caused the problem", examples = "/api/v1/quotes") String instance,
        @Schema(description = "One entry per invalid field or parameter, for validation problems") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field or parameter of a request. */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(examples = "limit") String field, @Schema(examples = "must be at least 1") String message) {
    }
}
