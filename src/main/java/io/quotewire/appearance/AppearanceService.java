package io.quotewire.appearance;

import io.quotewire.api.paging.KeysetPager;
import io.quotewire.api.paging.PageRequest;
import io.quotewire.quote.QuoteRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The appearances of quotes: where else a quote was reported. */
@ApplicationScoped
@Transactional
public class AppearanceService {

    private final AppearanceRepository appearances;
    private final QuoteRepository quotes;

    public AppearanceService(AppearanceRepository appearances, QuoteRepository quotes) {
        this.appearances = appearances;
        this.quotes = quotes;
    }

    /** A page of the quote's appearances, oldest first; empty when there is no such quote. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KeysetPager.Slice<AppearanceView>> listAppearances(UUID quoteId, PageRequest page) {
        if (quotes.count("id", quoteId) == 0) {
            return Optional.empty();
        }
        return Optional.of(appearances.listAppearances(quoteId, page).map(AppearanceView::of));
    }

    /** The stored quote with this speaker and exactly this text, if there is one. */
    public Optional<UUID> findRepeatedQuote(UUID speakerId, String text) {
        return appearances.findRepeatedQuote(speakerId, text);
    }

    /** Records that a stored quote was also reported by the source; nothing when it already was. */
    public boolean addAppearance(UUID quoteId, UUID sourceId, Integer start, Integer end, String context, LocalDate seenOn) {
        return appearances.addAppearance(quoteId, sourceId, start, end, context, seenOn);
    }
}
