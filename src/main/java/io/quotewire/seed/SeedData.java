package io.quotewire.seed;

import io.quotewire.quote.QuoteType;
import io.quotewire.source.SourceKind;
import io.quotewire.speaker.SpeakerInput;
import java.util.List;

/** The shape of {@code seed/seed.json}: the seed article, its speakers and its annotated quotes. */
record SeedData(SeedSource source, List<SpeakerInput> speakers, List<SeedQuote> quotes) {

    record SeedSource(SourceKind kind, String title, String language, String textResource) {
    }

    record SeedQuote(String text, QuoteType type, String speaker, int start, int end, List<String> tags) {
    }
}
