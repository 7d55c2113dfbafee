package io.quotewire.speaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quotewire.api.json.MergePatcher;
import io.quotewire.api.paging.KeysetPager;
import io.quotewire.api.paging.PageRequest;
import io.quotewire.api.paging.SortOrder;
import io.quotewire.api.problem.ProblemException;
import io.quotewire.quote.QuoteRepository;
import io.quotewire.text.NormalizedText;
import io.quotewire.text.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SpeakerService {

    private final SpeakerRepository speakers;
    private final QuoteRepository quotes;
    private final MergePatcher patcher;

    public SpeakerService(SpeakerRepository speakers, QuoteRepository quotes, MergePatcher patcher) {
        this.speakers = speakers;
        this.quotes = quotes;
        this.patcher = patcher;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KeysetPager.Slice<SpeakerView> listSpeakers(SpeakerFilter filter, String sort, PageRequest page) {
        SortOrder order = filter.query() == null
                ? SortOrder.parse(sort, SpeakerRepository.SORTABLE, "name")
                : SortOrder.parse(sort, SpeakerRepository.SORTABLE_WITH_QUERY, "-relevance,-quoteCount");
        return speakers.listSpeakers(filter, order, page).map(SpeakerView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SpeakerView> findSpeakerByIdOrSlug(String idOrSlug) {
        return speakers.findByIdOrSlug(idOrSlug).map(SpeakerView::of);
    }

    public SpeakerView persistSpeaker(SpeakerInput input) {
        Speaker speaker = new Speaker();
        apply(speaker, input);
        speakers.persist(speaker);
        return SpeakerView.of(speaker);
    }

    public Optional<SpeakerView> replaceSpeaker(String idOrSlug, SpeakerInput input, Consumer<Object> precondition) {
        return speakers.findByIdOrSlug(idOrSlug, LockModeType.PESSIMISTIC_WRITE).map(speaker -> {
            precondition.accept(SpeakerView.of(speaker));
            apply(speaker, input);
            speakers.flush(); // stamps updatedAt and the version now, so the answer shows them
            return SpeakerView.of(speaker);
        });
    }

    public Optional<SpeakerView> patchSpeaker(String idOrSlug, byte[] patch, Consumer<Object> precondition) throws JsonProcessingException {
        Optional<Speaker> found = speakers.findByIdOrSlug(idOrSlug, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SpeakerView current = SpeakerView.of(found.get());
        precondition.accept(current);
        apply(found.get(), patcher.apply(current.toInput(), patch, SpeakerInput.class));
        speakers.flush();
        return Optional.of(SpeakerView.of(found.get()));
    }

    /**
     * Adds to the speaker the aliases it lacks (compared ignoring case), up to {@link SpeakerInput#MAX_ALIASES}; as
     * ingest does when an article names a stored speaker in a new way.
     *
     * @return how many were added
     */
    public int addAliases(UUID speakerId, List<String> aliases) {
        Speaker speaker = speakers.findByIdOptional(speakerId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("speaker", speakerId.toString()));
        List<String> all = new ArrayList<>(speaker.aliases);
        for (String alias : NormalizedText.nfcAll(aliases)) {
            if (all.size() < SpeakerInput.MAX_ALIASES && all.stream().noneMatch(alias::equalsIgnoreCase)) {
                all.add(alias);
            }
        }
        int added = all.size() - speaker.aliases.size();
        if (added > 0) {
            speaker.aliases = all;
        }
        return added;
    }

    /** @return false when there is no such speaker */
    public boolean deleteSpeaker(String idOrSlug, Consumer<Object> precondition) {
        Optional<Speaker> found = speakers.findByIdOrSlug(idOrSlug, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return false;
        }
        precondition.accept(SpeakerView.of(found.get()));
        long dependents = quotes.count("speaker.id", found.get().id);
        if (dependents > 0) {
            throw ProblemException.conflict("The speaker cannot be deleted: " + dependents + " quote" + (dependents == 1 ? "" : "s")
                    + " depend on it. Delete or reattribute them first.");
        }
        speakers.delete(found.get());
        return true;
    }

    private void apply(Speaker speaker, SpeakerInput input) {
        String name = NormalizedText.nfcTrimmed(input.name());
        String slug = input.slug() != null ? input.slug() : Slugs.of(name);
        if (slug.isEmpty()) {
            throw ProblemException.invalid("slug", "cannot be made from this name; give one");
        }
        speakers.findBySlug(slug).filter(other -> !other.id.equals(speaker.id)).ifPresent(other -> {
            throw ProblemException.conflict("The slug '" + slug + "' is already taken by /api/v1/speakers/" + other.id);
        });
        speaker.slug = slug;
        speaker.name = name;
        speaker.aliases = new ArrayList<>(NormalizedText.nfcAll(input.aliases()));
        speaker.role = NormalizedText.nfcTrimmed(input.role());
        speaker.organization = NormalizedText.nfcTrimmed(input.organization());
        speaker.description = NormalizedText.nfcTrimmed(input.description());
        speaker.wikidataId = input.wikidataId();
    }
}
