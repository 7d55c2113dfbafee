package io.quotewire.quote;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quotewire.source.Source;
import io.quotewire.speaker.Speaker;
import io.quotewire.persistence.WireEnum;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quote as the API shows it, with enough of its speaker and source to display it without another request. */
@Schema(name = "Quote")
public record QuoteView(
        UUID id,
        String text,
        QuoteType type,
        @Schema(description = "Length of the text in characters (Unicode code points)") int length,
        @Schema(description = "Absent when the source does not say who spoke") SpeakerRef speaker,
        SourceRef source,
        String context,
        @Schema(description = "Code-point offset of the first character in the source text; absent when not anchored") Integer start,
        @Schema(description = "Code-point offset after the last character in the source text; absent when not anchored") Integer end,
        String language,
        @Schema(description = "Tag slugs") List<String> tags,
        QuoteStatus status,
        LocalDate quotedOn,
        Instant createdAt,
        Instant updatedAt,
        // issue 13 (bulk import): appearances, confidence, external ids
        @Schema(description = "How many sources reported this quote, its own source included (GET /api/v1/quotes/{id}/appearances lists them)")
        int appearanceCount,
        @Schema(description = "How sure the attribution is, 0-1; absent when nobody said", minimum = "0", maximum = "1") Double confidence,
        @Schema(description = "The quote's ids in other datasets, such as quotebank; absent when none") Map<String, String> externalIds,
        @Schema(description = "The extractor's rule that named the speaker, when an import ran it") String attributionRule,
        @Schema(description = "Only in search results (with q): the matched words, as code-point offsets into text")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Highlight> highlights) {

    private static final ObjectReader EXTERNAL_IDS = new ObjectMapper().readerFor(new TypeReference<TreeMap<String, String>>() {
    });

    @Schema(name = "SpeakerRef")
    public record SpeakerRef(UUID id, String slug, String name) {
        static SpeakerRef of(Speaker speaker) {
            return speaker == null ? null : new SpeakerRef(speaker.id, speaker.slug, speaker.name);
        }
    }

    @Schema(name = "SourceRef")
    public record SourceRef(UUID id, String title, String url, String publisher, Instant publishedAt) {
        static SourceRef of(Source source) {
            return new SourceRef(source.id, source.title, source.url, source.publisher, source.publishedAt);
        }
    }

    static QuoteView of(Quote quote) {
        return new QuoteView(quote.id, quote.text, quote.type, quote.text.codePointCount(0, quote.text.length()),
                SpeakerRef.of(quote.speaker), SourceRef.of(quote.source), quote.context, quote.startOffset, quote.endOffset,
                quote.language, quote.tags.stream().map(t -> t.slug).sorted().toList(), quote.status, quote.quotedOn,
                quote.createdAt, quote.updatedAt, Math.max(1, quote.appearanceCount), // a quote just written is not re-read: it has at least its own appearance
                quote.confidence, quote.externalIds == null || quote.externalIds.isEmpty() ? null : Map.copyOf(quote.externalIds), quote.attributionRule, null);
    }

    /** The view in the row of {@code QuoteRepository}'s view query, whose first column is {@code first}. */
    static QuoteView read(ResultSet row, int first) throws SQLException {
        int c = first;
        UUID id = row.getObject(c++, UUID.class);
        String text = row.getString(c++);
        QuoteType type = wire(QuoteType.class, row.getString(c++));
        UUID speakerId = row.getObject(c++, UUID.class);
        SpeakerRef speaker = speakerId == null ? null : new SpeakerRef(speakerId, row.getString(c), row.getString(c + 1));
        c += 2;
        SourceRef source = new SourceRef(row.getObject(c, UUID.class), row.getString(c + 1), row.getString(c + 2), row.getString(c + 3),
                instant(row.getObject(c + 4, OffsetDateTime.class)));
        c += 5;
        String context = row.getString(c++);
        Integer start = row.getObject(c++, Integer.class);
        Integer end = row.getObject(c++, Integer.class);
        String language = row.getString(c++);
        Array tagArray = row.getArray(c++);
        List<String> tags = tagArray == null ? List.of() : List.of((String[]) tagArray.getArray());
        QuoteStatus status = wire(QuoteStatus.class, row.getString(c++));
        LocalDate quotedOn = row.getObject(c++, LocalDate.class);
        Instant createdAt = instant(row.getObject(c++, OffsetDateTime.class));
        Instant updatedAt = instant(row.getObject(c++, OffsetDateTime.class));
        int appearanceCount = row.getInt(c++); // 1 + the further ones: never below 1
        double confidenceValue = row.getDouble(c++); // a double precision column since V26
        Double confidence = row.wasNull() ? null : confidenceValue;
        Map<String, String> externalIds = externalIds(row.getString(c++));
        String attributionRule = row.getString(c);
        return new QuoteView(id, text, type, text.codePointCount(0, text.length()), speaker, source, context, start, end, language, tags,
                status, quotedOn, createdAt, updatedAt, appearanceCount, confidence, externalIds, attributionRule, null);
    }

    /** The external ids' JSON object as stored (null when none), in the order of their keys. */
    private static Map<String, String> externalIds(String json) throws SQLException {
        if (json == null) {
            return null;
        }
        try {
            return EXTERNAL_IDS.readValue(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("quote.external_ids is not a JSON object of strings: " + json, e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static <E extends Enum<E> & WireEnum> E wire(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wireValue().equals(value)) {
                return constant;
            }
        }
        throw new IllegalStateException("Unknown " + type.getSimpleName() + " in database: " + value);
    }

    QuoteView withHighlights(List<Highlight> matched) {
        return new QuoteView(id, text, type, length, speaker, source, context, start, end, language, tags, status, quotedOn,
                createdAt, updatedAt, appearanceCount, confidence, externalIds, attributionRule, List.copyOf(matched));
    }

    QuoteInput toInput() {
        return new QuoteInput(text, type, speaker == null ? null : speaker.id().toString(), source.id(), context, start, end,
                language, tags, status, quotedOn);
    }
}
