package io.quotewire.quotable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An error as Quotable wrote it, which its clients read: the status again and a message. */
@Schema(name = "QuotableError")
public record QuotableError(@Schema(examples = "404") int statusCode,
        @Schema(examples = "The requested resource could not be found") String statusMessage) {

    static final String NOT_FOUND = "The requested resource could not be found";
}
