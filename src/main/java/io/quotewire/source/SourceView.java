package io.quotewire.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source as the API shows it. Lists leave out the full text; a single source carries it. */
@Schema(name = "Source")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceView(
        UUID id,
        SourceKind kind,
        String title,
        String url,
        String publisher,
        List<String> authors,
        Instant publishedAt,
        String language,
        @Schema(description = "Length of the text in Unicode code points; absent when the source has no text") Integer textLength,
        @Schema(description = "The full text, the provenance of its quotes; only on a single source") String text,
        Instant createdAt,
        Instant updatedAt) {

    static SourceView of(Source source, boolean withText) {
        Integer textLength = source.text == null ? null : source.text.codePointCount(0, source.text.length());
        return new SourceView(source.id, source.kind, source.title, source.url, source.publisher, List.copyOf(source.authors),
                source.publishedAt, source.language, textLength, withText ? source.text : null, source.createdAt, source.updatedAt);
    }

    /** This source as the input that would recreate it, the base a merge patch applies to. */
    SourceInput toInput() {
        return new SourceInput(kind, title, url, publisher, authors, publishedAt, language, text);
    }
}
