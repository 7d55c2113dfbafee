package io.quotewire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quotewire.extraction.ExtractedSpeaker;
import io.quotewire.speaker.Speaker;
import io.quotewire.speaker.SpeakerRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ingest speaker matcher on a small stored set (no database): which stored speaker an article's
 * speaker is, by which rule, and which of the article's names become aliases. Invented people.
 */
class SpeakerMatcherTest {

    /** Stored speakers: Vedant Patel (alias "V. Patel"), Sanjay Mehta, Lina Haddad, Ana Berg and Ola Berg. */
    private static final List<Speaker> STORED = List.of(
            speaker("Vedant Patel", "vedant-patel", "V. Patel"),
            speaker("Sanjay Mehta", "sanjay-mehta"),
            speaker("Lina Haddad", "lina-haddad"),
            speaker("Ana Berg", "ana-berg"),
            speaker("Ola Berg", "ola-berg"));

    private final SpeakerMatcher matcher = new SpeakerMatcher(new InMemorySpeakers(STORED));

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # article's name  | other mentions in the article      | resolution | matched by | stored or new slug | aliases an ingest adds
            Vedant Patel      | Patel, Mr Patel, he                | EXISTING   | NAME       | vedant-patel       | Patel, Mr Patel
            vedant patel      | -                                  | EXISTING   | NAME       | vedant-patel       | -
            V. Patel          | -                                  | EXISTING   | ALIAS      | vedant-patel       | -
            Mehta             | -                                  | EXISTING   | SURNAME    | sanjay-mehta       | Mehta
            # a full name never matches by surname: another person
            Rohan Patel       | Patel                              | NEW        | -          | rohan-patel        | Patel
            # two stored speakers fit: never guessed between
            Berg              | -                                  | NEW        | -          | berg               | -
            # titles and role nouns are not aliases; a courtesy title before a name word is
            Lina Haddad       | the spokesperson, she, Ms Haddad   | EXISTING   | NAME       | lina-haddad        | Ms Haddad
            # a customary first name with a title (failure class 4) is an alias of the full name
            Tesfaye Alemu     | Dr Tesfaye, Tesfaye, the chief     | NEW        | -          | tesfaye-alemu      | Dr Tesfaye, Tesfaye
            """)
    void proposes(String name, String mentions, SpeakerProposal.Resolution resolution, SpeakerProposal.MatchRule rule,
                  String slug, String aliases) {
        ExtractedSpeaker extracted = new ExtractedSpeaker(name, null, null, list(mentions));
        SpeakerProposal proposal = matcher.propose(extracted, new HashSet<>());
        assertEquals(resolution, proposal.resolution(), "resolution");
        assertEquals(rule, proposal.matchedBy(), "matched by");
        assertEquals(slug, proposal.slug(), "slug");
        assertEquals(list(aliases), proposal.aliases(), "aliases");
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::strip).toList();
    }

    private static Speaker speaker(String name, String slug, String... aliases) {
        Speaker speaker = new Speaker();
        speaker.id = UUID.nameUUIDFromBytes(slug.getBytes());
        speaker.name = name;
        speaker.slug = slug;
        speaker.aliases = new ArrayList<>(List.of(aliases));
        return speaker;
    }

    /** The three look-ups the matcher makes, with the database's semantics (case-insensitive, oldest first). */
    private static final class InMemorySpeakers extends SpeakerRepository {

        private final List<Speaker> stored;

        InMemorySpeakers(List<Speaker> stored) {
            this.stored = stored;
        }

        @Override
        public List<Speaker> findByNameOrAlias(String name, int limit) {
            return stored.stream()
                    .filter(s -> s.name.equalsIgnoreCase(name) || s.aliases.stream().anyMatch(name::equalsIgnoreCase))
                    .limit(limit).toList();
        }

        @Override
        public List<Speaker> findBySurname(String surname, int limit) {
            String suffix = " " + surname.toLowerCase(Locale.ROOT);
            return stored.stream().filter(s -> s.name.toLowerCase(Locale.ROOT).endsWith(suffix)).limit(limit).toList();
        }

        @Override
        public Optional<Speaker> findBySlug(String slug) {
            return stored.stream().filter(s -> s.slug.equals(slug)).findFirst();
        }
    }
}
