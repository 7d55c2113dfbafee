package io.quotewire.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quotewire.api.json.MergePatcher;
import io.quotewire.api.paging.KeysetPager;
import io.quotewire.api.paging.PageRequest;
import io.quotewire.api.paging.SortOrder;
import io.quotewire.api.problem.ProblemException;
import io.quotewire.quote.QuoteRepository;
import io.quotewire.text.NormalizedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SourceService {

    private final SourceRepository sources;
    private final QuoteRepository quotes;
    private final MergePatcher patcher;

    public SourceService(SourceRepository sources, QuoteRepository quotes, MergePatcher patcher) {
        this.sources = sources;
        this.quotes = quotes;
        this.patcher = patcher;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KeysetPager.Slice<SourceView> listSources(SourceFilter filter, String sort, PageRequest page) {
        SortOrder order = SortOrder.parse(sort, SourceRepository.SORTABLE, "-createdAt");
        return sources.listSources(filter, order, page).map(s -> SourceView.of(s, false));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SourceView> findSourceById(UUID id) {
        return sources.findByIdOptional(id).map(s -> SourceView.of(s, true));
    }

    /**
     * The stored source of an article: the one with its URL; without a URL, the first source without one whose text
     * is the same.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> findArticleSourceId(String url, String text) {
        String stored = normalizedUrl(url);
        Optional<Source> found = stored != null
                ? sources.findByUrl(stored)
                : sources.findUrlLessByTextDigest(Source.digestOf(NormalizedText.nfc(text)), NormalizedText.nfc(text));
        return found.map(source -> source.id);
    }

    /** Whether a source without a URL has this title. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean existsUrlLessSourceTitled(String title) {
        return sources.count("title = ?1 and url is null", NormalizedText.nfcTrimmed(title)) > 0;
    }

    /** A URL as a source stores it, and as it is compared with the stored ones. */
    public static String normalizedUrl(String url) {
        return NormalizedText.nfcTrimmed(url);
    }

    public SourceView persistSource(SourceInput input) {
        Source source = new Source();
        apply(source, input);
        sources.persist(source);
        return SourceView.of(source, true);
    }

    public Optional<SourceView> replaceSource(UUID id, SourceInput input, Consumer<Object> precondition) {
        return sources.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).map(source -> {
            precondition.accept(SourceView.of(source, true));
            apply(source, input);
            sources.flush(); // stamps updatedAt and the version now, so the answer shows them
            return SourceView.of(source, true);
        });
    }

    public Optional<SourceView> patchSource(UUID id, byte[] patch, Consumer<Object> precondition) throws JsonProcessingException {
        Optional<Source> found = sources.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SourceView current = SourceView.of(found.get(), true);
        precondition.accept(current);
        SourceInput patched = patcher.apply(current.toInput(), patch, SourceInput.class);
        apply(found.get(), patched);
        sources.flush();
        return Optional.of(SourceView.of(found.get(), true));
    }

    /** @return false when there is no such source */
    public boolean deleteSource(UUID id, Consumer<Object> precondition) {
        Optional<Source> found = sources.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return false;
        }
        precondition.accept(SourceView.of(found.get(), true));
        long dependents = quotes.count("source.id", id);
        if (dependents > 0) {
            throw ProblemException.conflict("The source cannot be deleted: " + dependents + " quote" + (dependents == 1 ? "" : "s")
                    + " depend on it. Delete or move them first.");
        }
        sources.delete(found.get());
        return true;
    }

    private void apply(Source source, SourceInput input) {
        String url = normalizedUrl(input.url());
        if (url != null) {
            sources.findByUrl(url).filter(other -> !other.id.equals(source.id)).ifPresent(other -> {
                throw ProblemException.conflict("A source with this url already exists: /api/v1/sources/" + other.id);
            });
        }
        String text = NormalizedText.nfc(input.text());
        if (source.id != null && !Objects.equals(text, source.text)) {
            long anchored = quotes.countAnchoredQuotesBrokenBy(source.id, text);
            if (anchored > 0) {
                throw ProblemException.conflict("The new text would break the offsets of " + anchored + " quote"
                        + (anchored == 1 ? "" : "s") + " that point into this source; update those quotes first.");
            }
        }
        source.kind = input.kind();
        source.title = NormalizedText.nfcTrimmed(input.title());
        source.url = url;
        source.publisher = NormalizedText.nfcTrimmed(input.publisher());
        source.authors = new ArrayList<>(NormalizedText.nfcAll(input.authors()));
        source.publishedAt = input.publishedAt() == null ? null : input.publishedAt().truncatedTo(ChronoUnit.MICROS);
        source.language = input.language();
        source.text = text;
    }
}
