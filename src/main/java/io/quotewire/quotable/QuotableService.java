package io.quotewire.quotable;

import io.quotewire.quote.QuoteFilter;
import io.quotewire.quote.QuoteRepository;
import io.quotewire.quote.QuoteService;
import io.quotewire.quote.QuoteView;
import io.quotewire.speaker.Speaker;
import io.quotewire.speaker.SpeakerRepository;
import io.quotewire.tag.TagRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Quotable's read operations over our quotes, speakers ("authors") and tags. Reads only. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QuotableService {

    /** The most quotes GET /authors/slug/{slug} lists (Quotable listed all; a speaker here may have thousands). */
    static final int MAX_AUTHOR_QUOTES = 1_000;
    /** Rounds of unfiltered draws that skip unattributed quotes before giving up on filling the count. */
    private static final int RANDOM_ROUNDS = 4;

    /** Tag orders, ascending; Sorting says which and in what direction. */
    private static final Map<String, Comparator<QuotableTag>> TAG_ORDERS = Map.of(
            "name", Comparator.comparing(QuotableTag::name, String.CASE_INSENSITIVE_ORDER),
            "quoteCount", Comparator.comparingInt(QuotableTag::quoteCount),
            "dateAdded", Comparator.comparing(QuotableTag::dateAdded),
            "dateModified", Comparator.comparing(QuotableTag::dateModified));
    private static final Map<String, Sorting> TAG_SORTS = Map.of(
            "name", new Sorting("name", true),
            "quoteCount", new Sorting("quoteCount", false),
            "dateAdded", new Sorting("dateAdded", false),
            "dateModified", new Sorting("dateModified", false));

    private final QuotableRepository quotable;
    private final QuoteRepository quotes;
    private final SpeakerRepository speakers;
    private final TagRepository tags;
    private final QuoteService randomQuotes;

    public QuotableService(QuotableRepository quotable, QuoteRepository quotes, SpeakerRepository speakers, TagRepository tags,
            QuoteService randomQuotes) {
        this.quotable = quotable;
        this.quotes = quotes;
        this.randomQuotes = randomQuotes;
        this.speakers = speakers;
        this.tags = tags;
    }

    public QuotablePage<QuotableQuote> listQuotes(QuoteCriteria criteria, Sorting sorting, Paging paging) {
        QuotableRepository.Slice<QuotableQuote> slice = quotable.listQuotes(criteria, sorting, paging);
        return QuotablePage.of(slice.items(), slice.total(), paging);
    }

    public QuotablePage<QuotableQuote> searchQuotes(String webSearch, Paging paging) {
        QuotableRepository.Slice<QuotableQuote> slice = quotable.searchQuotes(webSearch, paging);
        return QuotablePage.of(slice.items(), slice.total(), paging);
    }

    public Optional<QuotableQuote> findQuoteById(UUID id) {
        return quotes.findQuoteById(id).filter(q -> q.speaker != null).map(QuotableQuote::of);
    }

    /**
     * Up to {@code count} distinct random quotes matching {@code criteria}. Without filters the quote repository's
     * uniform sampling is used (fast on any table size), skipping unattributed quotes; with filters the matches
     * are shuffled whole.
     */
    public List<QuotableQuote> findRandomQuotes(QuoteCriteria criteria, int count) {
        if (!criteria.isEmpty()) {
            return quotable.findQuotes(quotable.pickRandomQuoteIds(criteria, count));
        }
        Map<UUID, Boolean> picked = new LinkedHashMap<>();
        for (int round = 0; round < RANDOM_ROUNDS && picked.size() < count; round++) {
            for (QuoteView quote : randomQuotes.findRandomQuotes(new QuoteFilter(), count)) {
                if (quote.speaker() != null && picked.size() < count) {
                    picked.putIfAbsent(quote.id(), Boolean.TRUE);
                }
            }
        }
        if (picked.size() < count) {
            // mostly unattributed quotes, so sampling kept missing: draw among the attributed ones (slower, but sure)
            for (UUID id : quotable.pickRandomQuoteIds(criteria, count)) {
                if (picked.size() < count) {
                    picked.putIfAbsent(id, Boolean.TRUE);
                }
            }
        }
        return quotable.findQuotes(List.copyOf(picked.keySet()));
    }

    public QuotablePage<QuotableAuthor> listAuthors(List<String> slugs, Sorting sorting, Paging paging) {
        return authorPage(quotable.listAuthorIds(slugs, sorting, paging), paging);
    }

    public QuotablePage<QuotableAuthor> searchAuthors(String query, boolean autocomplete, Paging paging) {
        String folded = Normalizer.normalize(query, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        List<String> words = Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).limit(10).toList();
        if (words.isEmpty()) {
            return QuotablePage.of(List.of(), 0, paging);
        }
        return authorPage(quotable.searchAuthorIds(words, autocomplete, paging), paging);
    }

    public Optional<QuotableAuthor> findAuthorById(UUID id) {
        return speakers.findByIdOptional(id).map(QuotableAuthor::of);
    }

    public Optional<QuotableAuthor> findAuthorBySlug(String slug) {
        return speakers.findBySlug(slug).map(speaker -> QuotableAuthor.of(speaker)
                .withQuotes(quotable.findQuotesBySpeaker(speaker.id, MAX_AUTHOR_QUOTES)));
    }

    /** Every tag: Quotable's list is not paged. */
    public List<QuotableTag> listTags(String sortBy, String order, String sortOrder) {
        Sorting sorting = Sorting.of(TAG_SORTS, "name", sortBy, order, sortOrder);
        Comparator<QuotableTag> ascending = TAG_ORDERS.get(sorting.column());
        Comparator<QuotableTag> ordered = (sorting.ascending() ? ascending : ascending.reversed()).thenComparing(QuotableTag::slug);
        List<QuotableTag> all = new ArrayList<>(tags.listAll(Sort.by("slug")).stream().map(QuotableTag::of).toList());
        all.sort(ordered);
        return all;
    }

    private QuotablePage<QuotableAuthor> authorPage(QuotableRepository.Slice<UUID> ids, Paging paging) {
        Map<UUID, Speaker> byId = new LinkedHashMap<>();
        if (!ids.items().isEmpty()) {
            speakers.list("id in ?1", ids.items()).forEach(s -> byId.put(s.id, s));
        }
        List<QuotableAuthor> authors = ids.items().stream().map(byId::get).filter(s -> s != null).map(QuotableAuthor::of).toList();
        return QuotablePage.of(authors, ids.total(), paging);
    }
}
