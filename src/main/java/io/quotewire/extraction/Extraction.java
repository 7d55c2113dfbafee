package io.quotewire.extraction;

import java.util.List;

/** Everything extracted from one article: quotes in document order and the distinct named speakers. */
public record Extraction(List<ExtractedQuote> quotes, List<ExtractedSpeaker> speakers) {

    public Extraction {
        quotes = List.copyOf(quotes);
        speakers = List.copyOf(speakers);
    }
}
