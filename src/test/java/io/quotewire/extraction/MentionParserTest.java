package io.quotewire.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The noun phrase before "said" read as a speaker reference: kind, name and role. Own sentences. */
class MentionParserTest {

    private final MentionParser parser = new MentionParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # phrase before 'said'                                  | kind    | name          | role
            Mara Lind                                               | NAME    | Mara Lind     | -
            Harbour Town Mayor Ola Berg                             | NAME    | Ola Berg      | Harbour Town Mayor
            # 1. a title or role is not the name, wherever the name stands
            US Ambassador to Norway Kari Lind                       | NAME    | Kari Lind     | US Ambassador to Norway
            Vice President Global Operations Mia Sandberg           | NAME    | Mia Sandberg  | Vice President Global Operations
            Speaker Valley Assembly Rui Matos                       | NAME    | Rui Matos     | Speaker Valley Assembly
            Kari Lind, Product Supply Director at Fjordco,          | NAME    | Kari Lind     | Product Supply Director at Fjordco
            Tom Reyes, the deputy spokesperson for the ministry,    | NAME    | Tom Reyes     | the deputy spokesperson for the ministry
            the deputy spokesperson                                 | ROLE    | -             | the deputy spokesperson
            A council spokesperson                                  | ROLE    | -             | A council spokesperson
            # 3. a demonym or an age is not a name and not a role
            Croatian coach Ivo Kos                                  | NAME    | Ivo Kos       | Croatian coach
            Joao Pires, 68,                                         | NAME    | Joao Pires    | -
            # 4. courtesy and academic titles before a single name
            Dr Amani                                                | NAME    | Amani         | Dr
            Mr. Odera                                               | NAME    | Odera         | Mr.
            she                                                     | PRONOUN | -             | -
            """)
    void readsTheSpeakerReference(String phrase, Mention.Kind kind, String name, String role) {
        Sentence sentence = SentenceFixture.bodySentence(phrase + " said the port would reopen.");
        int verb = SentenceFixture.indexOf(sentence, "said");
        Mention mention = parser.parse(sentence.tokens(), 0, verb, sentence);
        assertEquals(kind, mention.kind(), "kind");
        assertEquals(name, mention.name(), "name");
        assertEquals(role, mention.role(), "role");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # sentence                                                             | name            | role
            '"We are ready," said Sgt. Brent Olafsen with the Lakeside police.'    | Brent Olafsen   | Sgt.
            '"We are ready," said Joao Pires, 68.'                                  | Joao Pires      | -
            '"We are ready," said Kari Lind, the head of the port authority.'      | Kari Lind       | the head of the port authority
            '"We are ready," said the former national captain.'                    | -               | the former national captain
            """)
    void readsAnInvertedAttribution(String text, String name, String role) {
        Sentence sentence = SentenceFixture.bodySentence(text);
        int verb = SentenceFixture.indexOf(sentence, "said");
        Mention mention = parser.parseAfterVerb(sentence.tokens(), verb + 1, sentence);
        assertEquals(name, mention.name(), "name");
        assertEquals(role, mention.role(), "role");
    }
}
