package io.quotewire.quote;

import io.quotewire.api.caching.ReadCache;
import io.quotewire.api.paging.KeysetPager;
import io.quotewire.api.paging.PageCursor;
import io.quotewire.api.paging.PageRequest;
import io.quotewire.api.params.QueryValues;
import io.quotewire.api.problem.ProblemException;
import io.quotewire.api.problem.ProblemType;
import io.quotewire.search.QuoteIndex;
import io.quotewire.search.SearchFilters;
import io.quotewire.search.TextMarks;
import io.quotewire.speaker.SpeakerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Ranked search answered by the search index ({@link QuoteIndex}): the index finds and ranks one page of ids, the
 * quotes' views come from the {@link ReadCache}'s records or, for those it does not hold, from PostgreSQL by id in one
 * statement, and the matched words are marked where the index recorded them.
 * Answers empty when the index cannot answer (absent, rebuilding, failed), and {@link QuoteService} then asks
 * PostgreSQL. Cursors it makes carry their own fingerprint, so each engine continues only its own pages.
 */
@ApplicationScoped
class QuoteSearch {

    private final QuoteIndex index;
    private final QuoteRepository quotes;
    private final SpeakerRepository speakers;
    private final ReadCache cache;

    QuoteSearch(QuoteIndex index, QuoteRepository quotes, SpeakerRepository speakers, ReadCache cache) {
        this.index = index;
        this.quotes = quotes;
        this.speakers = speakers;
        this.cache = cache;
    }

    Optional<KeysetPager.Slice<QuoteView>> listRanked(QuoteFilter filter, PageRequest page) {
        Optional<UUID> speakerId = Optional.empty();
        boolean speakerUnknown = false;
        if (filter.speaker != null && !filter.speaker.isEmpty()) {
            speakerId = QueryValues.looksLikeUuid(filter.speaker)
                    ? Optional.of(QueryValues.uuid(filter.speaker, "speaker"))
                    : speakers.findByIdOrSlug(filter.speaker).map(s -> s.id);
            speakerUnknown = speakerId.isEmpty();
        }
        SearchFilters filters = new SearchFilters(filter.query(), speakerId.orElse(null), filter.sourceId(), filter.tagGroups(),
                filter.type() == null ? null : filter.type().wireValue(), filter.status() == null ? null : filter.status().wireValue(),
                filter.from(), filter.to(), filter.minLength(), filter.maxLength(), filter.language);
        // "seq": the cursor holds the score and the sequence number of the last hit (an older layout's are not ours)
        String fingerprint = PageCursor.fingerprint("Quote|index|seq|" + filter.speaker + "|" + filters);
        int limit = page.effectiveLimit();
        Float afterScore = null;
        Long afterSeq = null;
        if (page.cursor != null && !page.cursor.isEmpty()) {
            PageCursor.Position position;
            try {
                position = PageCursor.decode(page.cursor, fingerprint, 2);
            } catch (ProblemException notOurs) {
                return Optional.empty(); // PostgreSQL's cursor, or none at all: PostgreSQL answers (or refuses) it
            }
            if (!index.serving()) {
                throw cursorUnavailable();
            }
            afterScore = parseScore(position.sortValues().get(0));
            afterSeq = parseSeq(position.sortValues().get(1));
        }
        if (speakerUnknown) {
            return index.serving() ? Optional.of(new KeysetPager.Slice<>(List.of(), null, page.includeTotal() ? 0L : null)) : Optional.empty();
        }
        Optional<QuoteIndex.Hits> found = index.search(filters, limit, afterScore, afterSeq, page.includeTotal());
        if (found.isEmpty()) {
            if (afterSeq != null) {
                throw cursorUnavailable();
            }
            return Optional.empty();
        }
        QuoteIndex.Hits hits = found.get();
        // the views as a by-id read makes them (no entities, no lazy loads), in the index's order; the matched words
        // where the index found them, analyzed again only for a text edited since the index read it
        Map<UUID, QuoteView> byId = cache.records(hits.ids(), quotes::findQuoteViewMap);
        List<QuoteView> views = new ArrayList<>(hits.ids().size());
        for (int i = 0; i < hits.ids().size(); i++) {
            QuoteView view = byId.get(hits.ids().get(i));
            if (view == null) {
                continue; // deleted since the index read it
            }
            List<int[]> marked = hits.marks().get(i).in(view.text());
            if (marked == null) {
                marked = index.highlighter(filter.query()).apply(view.text());
            }
            views.add(view.withHighlights(marked.stream().map(h -> new Highlight(h[0], h[1])).toList()));
        }
        String next = null;
        if (hits.more()) {
            int last = hits.ids().size() - 1;
            next = PageCursor.encode(fingerprint, new PageCursor.Position(
                    List.of(Float.toString(hits.scores().get(last)), Long.toString(hits.seqs().get(last))), hits.ids().get(last)));
        }
        return Optional.of(new KeysetPager.Slice<>(views, next, hits.total()));
    }

    /** PostgreSQL ranks differently, so only the index can continue its pages. */
    private static ProblemException cursorUnavailable() {
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "The search index that made this cursor cannot answer just now (it is being rebuilt); ask again in a few seconds, or start the search over.");
    }

    private static Float parseScore(String value) {
        try {
            return Float.parseFloat(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a valid cursor");
        }
    }

    private static Long parseSeq(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a valid cursor");
        }
    }
}
