package io.quotewire.explorer;

import io.quotewire.quote.QuoteView;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** A quote as a page shows it: its text with the search hits marked, who said it, where and when. */
public record QuoteCard(String id, Marked text, String type, String speakerName, String speakerSlug, String sourceTitle,
        String publisher, LocalDate date, List<String> tags) {

    static QuoteCard of(QuoteView quote) {
        LocalDate date = quote.quotedOn() != null ? quote.quotedOn()
                : quote.source().publishedAt() != null ? LocalDate.ofInstant(quote.source().publishedAt(), ZoneOffset.UTC) : null;
        return new QuoteCard(quote.id().toString(), Marked.of(quote.text(), quote.highlights()), quote.type().wireValue(),
                quote.speaker() == null ? null : quote.speaker().name(), quote.speaker() == null ? null : quote.speaker().slug(),
                quote.source().title(), quote.source().publisher(), date, quote.tags());
    }
}
