package io.quotewire.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quotewire.api.caching.ReadCache;
import io.quotewire.api.json.MergePatcher;
import io.quotewire.api.paging.KeysetPager;
import io.quotewire.api.paging.PageRequest;
import io.quotewire.api.paging.SortOrder;
import io.quotewire.api.problem.ProblemException;
import io.quotewire.source.Source;
import io.quotewire.source.SourceRepository;
import io.quotewire.speaker.SpeakerRepository;
import io.quotewire.tag.TagService;
import io.quotewire.text.NormalizedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class QuoteService {

    private final QuoteRepository quotes;
    private final SpeakerRepository speakers;
    private final SourceRepository sources;
    private final TagService tags;
    private final MergePatcher patcher;
    private final ReadCache cache;
    /** A field, not a constructor argument: tests build this service by hand to inject failures into writes. */
    @Inject
    QuoteSearch search;
    private static final SortOrder RANKED = SortOrder.parse("-relevance", QuoteRepository.SORTABLE_WITH_QUERY, "-relevance");

    /** The key of the highest sequence number in the {@link ReadCache}: random picks draw below it, every write drops it. */
    private static final String HIGHEST_SEQ = "quote-highest-seq";

    public QuoteService(QuoteRepository quotes, SpeakerRepository speakers, SourceRepository sources, TagService tags, MergePatcher patcher,
            ReadCache cache) {
        this.cache = cache;
        this.quotes = quotes;
        this.speakers = speakers;
        this.sources = sources;
        this.tags = tags;
        this.patcher = patcher;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KeysetPager.Slice<QuoteView> listQuotes(QuoteFilter filter, String sort, PageRequest page) {
        String query = filter.query();
        SortOrder order = query == null
                ? SortOrder.parse(sort, QuoteRepository.SORTABLE, "-createdAt")
                : SortOrder.parse(sort, QuoteRepository.SORTABLE_WITH_QUERY, "-relevance");
        if (query != null && order.canonical().equals(RANKED.canonical())) {
            Optional<KeysetPager.Slice<QuoteView>> ranked = search.listRanked(filter, page);
            if (ranked.isPresent()) {
                return ranked.get();
            }
        }
        KeysetPager.Slice<UUID> ids = quotes.listQuoteIds(filter, order, page);
        KeysetPager.Slice<QuoteView> slice = ids.with(quotes.findQuoteViewsByIds(ids.items()));
        if (query == null) {
            return slice;
        }
        Map<UUID, List<Highlight>> highlights = quotes.findHighlights(ids.items(), query);
        return slice.map(view -> view.withHighlights(highlights.getOrDefault(view.id(), List.of())));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<QuoteView> findQuoteById(UUID id) {
        return quotes.findQuoteViewById(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public QuoteFacets countQuoteFacets(QuoteFilter filter, int top) {
        return quotes.countFacets(filter, top);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QuoteView> findRandomQuotes(QuoteFilter filter, int count) {
        return quotes.findRandom(filter, count, () -> cache.get(HIGHEST_SEQ, quotes::findHighestSeq));
    }

    /**
     * The quote of {@code day} (UTC), the same for every caller and instance all day: from the {@link ReadCache}, so
     * the API and the explorer's home page read it once per write, not once per request.
     */
    public Optional<QuoteView> findQuoteOfTheDay(LocalDate day) {
        return Optional.ofNullable(cache.get(List.of("quote-of-the-day", day), () -> quotes.findQuoteOfTheDay(day).orElse(null)));
    }

    /** The quotes of a source in text order (unanchored ones last), each with its speaker's id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QuoteRepository.QuoteRef> findQuoteRefsBySource(UUID sourceId) {
        return quotes.findQuoteRefsBySource(sourceId);
    }

    public QuoteView persistQuote(QuoteInput input) {
        Quote quote = new Quote();
        apply(quote, input);
        quotes.persist(quote);
        return QuoteView.of(quote);
    }

    public Optional<QuoteView> replaceQuote(UUID id, QuoteInput input, Consumer<Object> precondition) {
        return quotes.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).map(quote -> {
            precondition.accept(QuoteView.of(quote));
            apply(quote, input);
            quotes.flush(); // stamps updatedAt and the version now, so the answer shows them
            return QuoteView.of(quote);
        });
    }

    public Optional<QuoteView> patchQuote(UUID id, byte[] patch, Consumer<Object> precondition) throws JsonProcessingException {
        Optional<Quote> found = quotes.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        QuoteView current = QuoteView.of(found.get());
        precondition.accept(current);
        apply(found.get(), patcher.apply(current.toInput(), patch, QuoteInput.class));
        quotes.flush();
        return Optional.of(QuoteView.of(found.get()));
    }

    /** @return false when there is no such quote */
    public boolean deleteQuote(UUID id, Consumer<Object> precondition) {
        Optional<Quote> found = quotes.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        found.ifPresent(quote -> {
            precondition.accept(QuoteView.of(quote));
            quotes.delete(quote);
        });
        return found.isPresent();
    }

    private void apply(Quote quote, QuoteInput input) {
        String text = NormalizedText.nfc(input.text());
        Source source = sources.findByIdOptional(input.sourceId())
                .orElseThrow(() -> ProblemException.invalid("sourceId", "no source has this id"));
        quote.speaker = input.speakerId() == null ? null : speakers.findByIdOrSlug(input.speakerId())
                .orElseThrow(() -> ProblemException.invalid("speakerId", "no speaker has this id or slug"));
        SourceSpan span = spanOf(input, source, text);
        quote.text = text;
        quote.type = input.type();
        quote.source = source;
        quote.startOffset = span == null ? null : span.start();
        quote.endOffset = span == null ? null : span.end();
        String context = NormalizedText.nfcTrimmed(input.context());
        quote.context = context != null || span == null ? context : span.sentenceAround(source.text);
        quote.language = input.language() != null ? input.language() : source.language;
        quote.tags.clear();
        quote.tags.addAll(tags.findOrCreateTags(input.tags(), "tags"));
        quote.status = input.status() == null ? QuoteStatus.UNVERIFIED : input.status();
        quote.quotedOn = input.quotedOn() != null || source.publishedAt == null
                ? input.quotedOn()
                : LocalDate.ofInstant(source.publishedAt, ZoneOffset.UTC);
    }

    /** The checked offsets of a quote: both or neither given, and pointing at exactly its text in the source. */
    private static SourceSpan spanOf(QuoteInput input, Source source, String text) {
        if (input.start() == null && input.end() == null) {
            return null;
        }
        if (input.start() == null || input.end() == null) {
            throw ProblemException.invalid(input.start() == null ? "start" : "end", "start and end must be given together");
        }
        if (source.text == null) {
            throw ProblemException.invalid("start", "the source has no text for offsets to point into");
        }
        SourceSpan span = new SourceSpan(input.start(), input.end());
        if (!span.fitsIn(source.text)) {
            throw ProblemException.invalid("end", "the offsets lie outside the source text");
        }
        if (!span.of(source.text).equals(text)) {
            throw ProblemException.invalid("start", "the source text between start and end is not the quote text");
        }
        return span;
    }
}
