package io.quotewire.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quotewire.quote.QuoteInput;
import io.quotewire.quote.QuoteService;
import io.quotewire.quote.QuoteStatus;
import io.quotewire.source.SourceInput;
import io.quotewire.source.SourceService;
import io.quotewire.source.SourceView;
import io.quotewire.speaker.SpeakerInput;
import io.quotewire.speaker.SpeakerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Puts the seed article, its speakers and its gold quotes into the database on start, through the same services
 * the API uses (so the seed passes every check a client's write would). It adds nothing when the seed source is
 * already there, and instances starting together take turns through an advisory lock.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    private static final String SEED_RESOURCE = "seed/seed.json";
    /** Any fixed number; it names the seed in pg_advisory_xact_lock. */
    private static final long SEED_LOCK = 0x5eed_0001L;

    private final SeedConfig config;
    private final ObjectMapper mapper;
    private final EntityManager entityManager;
    private final SourceService sources;
    private final SpeakerService speakers;
    private final QuoteService quotes;

    public SeedLoader(SeedConfig config, ObjectMapper mapper, EntityManager entityManager, SourceService sources, SpeakerService speakers,
            QuoteService quotes) {
        this.config = config;
        this.mapper = mapper;
        this.entityManager = entityManager;
        this.sources = sources;
        this.speakers = speakers;
        this.quotes = quotes;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            loadSeed();
        }
    }

    /** @return whether anything was added */
    @Transactional
    public boolean loadSeed() {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(:lock)").setParameter("lock", SEED_LOCK).getSingleResult();
        SeedData seed = read(SEED_RESOURCE, SeedData.class);
        String text = new String(bytes(seed.source().textResource()), StandardCharsets.UTF_8);
        if (sources.existsUrlLessSourceTitled(seed.source().title())) {
            return false;
        }
        for (SpeakerInput speaker : seed.speakers()) {
            if (speakers.findSpeakerByIdOrSlug(speaker.slug()).isEmpty()) {
                speakers.persistSpeaker(speaker);
            }
        }
        SourceView source = sources.persistSource(new SourceInput(seed.source().kind(), seed.source().title(), null, null, List.of(),
                null, seed.source().language(), text));
        for (SeedData.SeedQuote quote : seed.quotes()) {
            quotes.persistQuote(new QuoteInput(quote.text(), quote.type(), quote.speaker(), source.id(), null, quote.start(), quote.end(),
                    seed.source().language(), quote.tags(), QuoteStatus.VERIFIED, null));
        }
        LOG.infof("Seed loaded: %d quotes from '%s'", seed.quotes().size(), seed.source().title());
        return true;
    }

    private <T> T read(String resource, Class<T> type) {
        try {
            return mapper.readValue(bytes(resource), type);
        } catch (IOException e) {
            throw new UncheckedIOException("The seed resource " + resource + " is unreadable", e);
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = SeedLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The seed resource " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The seed resource " + resource + " is unreadable", e);
        }
    }
}
