package io.quotewire.appearance;

import io.quotewire.quote.QuoteView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An appearance as the API shows it. */
@Schema(name = "Appearance")
public record AppearanceView(
        @Schema(description = "The first appearance has the quote's own id") UUID id,
        QuoteView.SourceRef source,
        @Schema(description = "Code-point offset of the first character in the source text; absent when not anchored") Integer start,
        @Schema(description = "Code-point offset after the last character in the source text; absent when not anchored") Integer end,
        String context,
        @Schema(description = "The day the quote was seen in this source, when known") LocalDate seenOn,
        Instant createdAt) {

    static AppearanceView of(Appearance appearance) {
        var source = appearance.source;
        return new AppearanceView(appearance.id, new QuoteView.SourceRef(source.id, source.title, source.url, source.publisher, source.publishedAt),
                appearance.startOffset, appearance.endOffset, appearance.context, appearance.seenOn, appearance.createdAt);
    }
}
