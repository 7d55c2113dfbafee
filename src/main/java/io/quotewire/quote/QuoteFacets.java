package io.quotewire.quote;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counts of the quotes matching a set of filters, per speaker, tag, year and type: a filter sidebar's data. */
@Schema(name = "QuoteFacets")
public record QuoteFacets(
        @Schema(description = "Number of quotes matching the filters") long total,
        @Schema(description = "The speakers with the most matching quotes, most first") List<SpeakerCount> speakers,
        @Schema(description = "The tags with the most matching quotes, most first") List<TagCount> tags,
        @Schema(description = "Matching quotes per year they were said in; undated quotes are not counted here") List<YearCount> years,
        List<TypeCount> types) {

    @Schema(name = "SpeakerFacet")
    public record SpeakerCount(UUID id, String slug, String name, long count) {
    }

    @Schema(name = "TagFacet")
    public record TagCount(String slug, String name, long count) {
    }

    @Schema(name = "YearFacet")
    public record YearCount(int year, long count) {
    }

    @Schema(name = "TypeFacet")
    public record TypeCount(QuoteType type, long count) {
    }
}
