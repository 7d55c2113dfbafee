package io.quotewire.quote;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A word of a quote that matched the search, as code-point offsets into the quote's text (end exclusive). */
@Schema(name = "Highlight")
public record Highlight(int start, int end) {
}
