package io.quotewire.ingest;

import io.quotewire.extraction.ExtractedSpeaker;
import io.quotewire.ingest.SpeakerProposal.MatchRule;
import io.quotewire.ingest.SpeakerProposal.Resolution;
import io.quotewire.speaker.Speaker;
import io.quotewire.speaker.SpeakerInput;
import io.quotewire.speaker.SpeakerRepository;
import io.quotewire.text.NormalizedText;
import io.quotewire.text.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Matches a speaker the article names to a stored speaker, so that "Patel" in a new briefing is the stored Vedant
 * Patel rather than a new record. The rules, in order, each only when exactly one stored speaker fits (two equal
 * candidates are never guessed between):
 * <ol>
 *   <li>name: the stored name equals the article's name for the speaker, ignoring case;</li>
 *   <li>alias: one of the stored aliases equals it;</li>
 *   <li>surname: the article gives a single word and the stored name ends with that word.</li>
 * </ol>
 * Reads only; callers decide whether to write.
 */
@ApplicationScoped
public class SpeakerMatcher {

    static final int MAX_ALIASES = SpeakerInput.MAX_ALIASES;
    private static final int MAX_FIELD = 200;
    /** Enough rows to tell one candidate from several. */
    private static final int CANDIDATES = 2;
    private static final Set<String> COURTESY_TITLES = Set.of("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "dr", "dr.",
            "prof", "prof.");

    private final SpeakerRepository speakers;

    public SpeakerMatcher(SpeakerRepository speakers) {
        this.speakers = speakers;
    }

    /**
     * What to do with an extracted speaker: link the stored one it matches (with the aliases it lacks), or create
     * it under a slug no stored speaker and none of {@code slugsInUse} has; the chosen slug is added to the set.
     */
    SpeakerProposal propose(ExtractedSpeaker extracted, Set<String> slugsInUse) {
        String name = clip(NormalizedText.nfcTrimmed(extracted.name()));
        String role = clip(NormalizedText.nfcTrimmed(extracted.role()));
        String organization = clip(NormalizedText.nfcTrimmed(extracted.organization()));
        List<String> nameAliases = nameAliases(name, extracted.mentions());
        Optional<Match> match = match(name);
        if (match.isPresent()) {
            Speaker stored = match.get().speaker();
            List<String> missing = new ArrayList<>();
            List<String> candidates = new ArrayList<>(nameAliases);
            if (!name.equalsIgnoreCase(stored.name)) {
                candidates.add(0, name);
            }
            for (String alias : candidates) {
                boolean known = stored.aliases.stream().anyMatch(alias::equalsIgnoreCase) || missing.stream().anyMatch(alias::equalsIgnoreCase);
                if (!known && !alias.equalsIgnoreCase(stored.name) && stored.aliases.size() + missing.size() < MAX_ALIASES) {
                    missing.add(alias);
                }
            }
            return new SpeakerProposal(stored.name, stored.role != null ? stored.role : role,
                    stored.organization != null ? stored.organization : organization, missing, Resolution.EXISTING,
                    match.get().rule(), stored.id, stored.slug);
        }
        return new SpeakerProposal(name, role, organization, nameAliases, Resolution.NEW, null, null, freeSlug(name, slugsInUse));
    }

    private record Match(Speaker speaker, MatchRule rule) {
    }

    private Optional<Match> match(String name) {
        List<Speaker> named = speakers.findByNameOrAlias(name, CANDIDATES + 1);
        Optional<Match> byName = single(named, s -> s.name.equalsIgnoreCase(name)).map(s -> new Match(s, MatchRule.NAME));
        if (byName.isPresent() || named.stream().anyMatch(s -> s.name.equalsIgnoreCase(name))) {
            return byName;
        }
        Optional<Match> byAlias = single(named, s -> true).map(s -> new Match(s, MatchRule.ALIAS));
        if (byAlias.isPresent() || !named.isEmpty() || name.contains(" ")) {
            return byAlias;
        }
        return single(speakers.findBySurname(name, CANDIDATES), s -> true).map(s -> new Match(s, MatchRule.SURNAME));
    }

    private static Optional<Speaker> single(List<Speaker> candidates, Predicate<Speaker> fits) {
        List<Speaker> fitting = candidates.stream().filter(fits).limit(2).toList();
        return fitting.size() == 1 ? Optional.of(fitting.get(0)) : Optional.empty();
    }

    /**
     * The article's other names for the speaker, as written, that are names and not descriptions: words of the
     * full name, optionally after a courtesy title ("Patel", "Mr Patel"), never pronouns or roles ("he",
     * "the deputy spokesperson", "harbour master Marta Ruiz").
     */
    static List<String> nameAliases(String name, List<String> mentions) {
        List<String> nameWords = Arrays.asList(name.split("\\s+"));
        List<String> aliases = new ArrayList<>();
        for (String raw : mentions) {
            String mention = clip(NormalizedText.nfcTrimmed(raw));
            if (mention == null || mention.equalsIgnoreCase(name) || aliases.stream().anyMatch(mention::equalsIgnoreCase)) {
                continue;
            }
            List<String> words = new ArrayList<>(Arrays.asList(mention.split("\\s+")));
            if (words.size() > 1 && COURTESY_TITLES.contains(words.get(0).toLowerCase(Locale.ROOT))) {
                words.remove(0);
            }
            if (nameWords.containsAll(words) && aliases.size() < MAX_ALIASES) {
                aliases.add(mention);
            }
        }
        return aliases;
    }

    private String freeSlug(String name, Set<String> slugsInUse) {
        String base = Slugs.of(name);
        if (base.isEmpty()) {
            base = "speaker";
        }
        String slug = base;
        for (int n = 2; slugsInUse.contains(slug) || speakers.findBySlug(slug).isPresent(); n++) {
            String suffix = "-" + n;
            slug = base.substring(0, Math.min(base.length(), Slugs.MAX_LENGTH - suffix.length())).replaceAll("-+$", "") + suffix;
        }
        slugsInUse.add(slug);
        return slug;
    }

    private static String clip(String text) {
        if (text == null || text.length() <= MAX_FIELD) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, text.codePointCount(0, MAX_FIELD))).strip();
    }
}
