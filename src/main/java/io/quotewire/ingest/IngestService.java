package io.quotewire.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quotewire.api.problem.ProblemException;
import io.quotewire.appearance.AppearanceService;
import io.quotewire.extraction.Article;
import io.quotewire.extraction.ExtractedQuote;
import io.quotewire.extraction.ExtractedSpeaker;
import io.quotewire.extraction.Extraction;
import io.quotewire.extraction.QuoteExtractor;
import io.quotewire.ingest.SpeakerProposal.Resolution;
import io.quotewire.persistence.DatabaseFailure;
import io.quotewire.quote.QuoteInput;
import io.quotewire.quote.QuoteRepository;
import io.quotewire.quote.QuoteService;
import io.quotewire.quote.QuoteStatus;
import io.quotewire.quote.QuoteType;
import io.quotewire.source.SourceInput;
import io.quotewire.source.SourceKind;
import io.quotewire.source.SourceService;
import io.quotewire.source.SourceView;
import io.quotewire.speaker.SpeakerInput;
import io.quotewire.speaker.SpeakerService;
import io.quotewire.speaker.SpeakerView;
import io.quotewire.text.NormalizedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns article text into attributed quotes: {@link #previewArticle} shows what would be saved, {@link #ingestArticle}
 * saves it (source, speakers, quotes) in one transaction, or finds the records of the same article ingested before.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class IngestService {

    /** The extractor reads English news. */
    static final String LANGUAGE = "en";
    /**
     * More quotes than any news article holds; the bound keeps an ingest's work (each quote is checked against the
     * whole source text, like any quote written through the API) proportional to the text.
     */
    static final int MAX_QUOTES = 1000;
    /** The longest quote the quote API accepts; a longer "quote" is an unclosed mark running on, not speech. */
    static final int MAX_QUOTE_LENGTH = 10_000;
    /** A second attempt after a concurrent write took a slug or an identity this one wanted. */
    private static final int ATTEMPTS = 2;

    private final QuoteExtractor extractor = new QuoteExtractor();
    private final SpeakerMatcher matcher;
    private final ArticleIngestRepository ingests;
    private final SourceService sources;
    private final SpeakerService speakers;
    private final QuoteService quotes;
    private final AppearanceService appearances;

    private final Counter quotesExtracted;
    private final Counter articlesIngested;

    public IngestService(SpeakerMatcher matcher, ArticleIngestRepository ingests, SourceService sources, SpeakerService speakers,
            QuoteService quotes, AppearanceService appearances, MeterRegistry metrics) {
        this.quotesExtracted = Counter.builder("quotewire.quotes.extracted")
                .description("Quotes found by the extractor, in previews and ingests").register(metrics);
        this.articlesIngested = Counter.builder("quotewire.articles.ingested")
                .description("Articles saved as new sources by an ingest").register(metrics);
        this.matcher = matcher;
        this.ingests = ingests;
        this.sources = sources;
        this.speakers = speakers;
        this.quotes = quotes;
        this.appearances = appearances;
    }

    /** The quotes and speakers an ingest of the article would save; writes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ExtractionPreview previewArticle(ArticleInput input) {
        ArticleText text = ArticleText.of(input.text());
        String url = SourceService.normalizedUrl(input.url());
        Extraction extraction = extract(text, input);
        Plan plan = plan(extraction);
        return new ExtractionPreview(titleOf(input, text), findExisting(text, url).orElse(null), plan.quotes(), plan.speakers());
    }

    /**
     * Saves the article as a source with its quotes and speakers, all or nothing; or, when the same article (same
     * URL, or same text without one) is already stored, saves nothing and answers with the stored records.
     * Each attempt is its own transaction so that one that lost a race to a concurrent ingest can be retried.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public IngestSummary ingestArticle(ArticleInput input) {
        ArticleText text = ArticleText.of(input.text());
        String url = SourceService.normalizedUrl(input.url()); // the identity of the article, as its source will store the URL
        Extraction extraction = extract(text, input); // CPU only: done before a connection is taken
        if (extraction.quotes().size() > MAX_QUOTES) {
            throw ProblemException.invalid("text", "yields " + extraction.quotes().size() + " quotes; an article is ingested with at most "
                    + MAX_QUOTES);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                IngestSummary summary = QuarkusTransaction.requiringNew().call(() -> store(text, url, input, extraction));
                if (summary.created()) {
                    articlesIngested.increment();
                }
                return summary;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || DatabaseFailure.of(e).filter(DatabaseFailure::isConcurrencyConflict).isEmpty()) {
                    throw e;
                }
            }
        }
    }

    private Extraction extract(ArticleText text, ArticleInput input) {
        LocalDate publishedOn = input.publishedAt() == null ? null : LocalDate.ofInstant(input.publishedAt(), ZoneOffset.UTC);
        Extraction extraction = extractor.extract(new Article(text.text(), input.title(), input.publisher(), publishedOn));
        List<ExtractedQuote> kept = extraction.quotes().stream()
                .filter(q -> q.text().length() <= MAX_QUOTE_LENGTH && !q.text().isBlank())
                .toList();
        quotesExtracted.increment(kept.size());
        return new Extraction(kept, extraction.speakers());
    }

    /** The extraction with every named speaker matched against the stored speakers. */
    private record Plan(List<ExtractedQuoteView> quotes, List<SpeakerProposal> speakers) {
    }

    private Plan plan(Extraction extraction) {
        Map<ExtractedSpeaker, SpeakerProposal> byExtracted = new IdentityHashMap<>();
        Map<String, SpeakerProposal> byName = new LinkedHashMap<>();
        Set<String> slugsInUse = new HashSet<>();
        for (ExtractedQuote quote : extraction.quotes()) {
            ExtractedSpeaker speaker = quote.speaker();
            if (speaker == null || speaker.name() == null || speaker.name().isBlank() || byExtracted.containsKey(speaker)) {
                continue;
            }
            String key = NormalizedText.nfcTrimmed(speaker.name()).toLowerCase(Locale.ROOT);
            SpeakerProposal proposal = byName.get(key);
            if (proposal == null) {
                proposal = matcher.propose(speaker, slugsInUse);
                byName.put(key, proposal);
            }
            byExtracted.put(speaker, proposal);
        }
        List<ExtractedQuoteView> views = extraction.quotes().stream()
                .map(q -> new ExtractedQuoteView(q.text(), q.start(), q.end(), q.type() == io.quotewire.extraction.QuoteType.DIRECT ? QuoteType.DIRECT : QuoteType.INDIRECT,
                        q.cueVerb(), q.speakerMention(), q.speaker() == null ? null : byExtracted.get(q.speaker()), q.rule().id(),
                        Math.round(q.confidence() * 1000) / 1000.0, q.context()))
                .toList();
        return new Plan(views, List.copyOf(byName.values()));
    }

    private IngestSummary store(ArticleText text, String url, ArticleInput input, Extraction extraction) {
        String identity = text.identity(url);
        Optional<UUID> existing = findExisting(text, url);
        if (existing.isEmpty() && !ingests.claim(identity)) {
            existing = findExisting(text, url); // a concurrent ingest of the same article committed first
        }
        if (existing.isPresent()) {
            return summaryOfExisting(existing.get());
        }
        Plan plan = plan(extraction);
        SourceView source = sources.persistSource(new SourceInput(SourceKind.ARTICLE, titleOf(input, text), url,
                input.publisher(), List.of(), input.publishedAt(), LANGUAGE, text.text()));
        Map<SpeakerProposal, String> speakerIds = new IdentityHashMap<>();
        List<UUID> created = new ArrayList<>();
        Set<UUID> linked = new LinkedHashSet<>();
        int aliasesAdded = 0;
        for (SpeakerProposal proposal : plan.speakers()) {
            if (proposal.resolution() == Resolution.NEW) {
                SpeakerView speaker = speakers.persistSpeaker(new SpeakerInput(proposal.slug(), proposal.name(), proposal.aliases(),
                        proposal.role(), proposal.organization(), null, null));
                created.add(speaker.id());
                speakerIds.put(proposal, speaker.id().toString());
            } else {
                aliasesAdded += speakers.addAliases(proposal.id(), proposal.aliases());
                linked.add(proposal.id());
                speakerIds.put(proposal, proposal.id().toString());
            }
        }
        List<UUID> quoteIds = new ArrayList<>();
        LocalDate seenOn = input.publishedAt() == null ? null : LocalDate.ofInstant(input.publishedAt(), ZoneOffset.UTC);
        for (ExtractedQuoteView quote : plan.quotes()) {
            String speakerId = quote.speaker() == null ? null : speakerIds.get(quote.speaker());
            // a stored quote by the same speaker, reported again: one quote with one more appearance (issue 13)
            Optional<UUID> repeated = speakerId == null ? Optional.empty() : appearances.findRepeatedQuote(UUID.fromString(speakerId), quote.text());
            if (repeated.isPresent()) {
                appearances.addAppearance(repeated.get(), source.id(), quote.start(), quote.end(), quote.context(), seenOn);
                quoteIds.add(repeated.get());
                continue;
            }
            quoteIds.add(quotes.persistQuote(new QuoteInput(quote.text(), quote.type(), speakerId, source.id(), quote.context(),
                    quote.start(), quote.end(), LANGUAGE, List.of(), QuoteStatus.UNVERIFIED, null)).id());
        }
        ingests.attach(identity, source.id());
        return new IngestSummary(source.id(), true, quoteIds, created, List.copyOf(linked),
                new IngestSummary.Counts(quoteIds.size(), created.size(), linked.size(), aliasesAdded));
    }

    /** The stored source of the same article: an earlier ingest, else a source with its URL, else one without a URL with its text. */
    private Optional<UUID> findExisting(ArticleText text, String url) {
        Optional<UUID> ingested = ingests.findSourceId(text.identity(url));
        if (ingested.isPresent()) {
            return ingested;
        }
        return sources.findArticleSourceId(url, text.text());
    }

    private IngestSummary summaryOfExisting(UUID sourceId) {
        List<QuoteRepository.QuoteRef> refs = quotes.findQuoteRefsBySource(sourceId);
        List<UUID> speakersLinked = refs.stream().map(QuoteRepository.QuoteRef::speakerId).filter(id -> id != null).distinct().toList();
        return new IngestSummary(sourceId, false, refs.stream().map(QuoteRepository.QuoteRef::id).toList(), List.of(), speakersLinked,
                new IngestSummary.Counts(refs.size(), 0, speakersLinked.size(), 0));
    }

    private static String titleOf(ArticleInput input, ArticleText text) {
        String title = NormalizedText.nfcTrimmed(input.title());
        return title != null ? title : text.firstLine();
    }
}
