package io.quotewire.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The subject of a speech verb, found by walking back to its clause start. Own sentences. */
class SubjectFinderTest {

    private final SubjectFinder subjects = new SubjectFinder(new MentionParser());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # sentence                                                                              | verb     | subject as written
            Ines Varga also said the engine failed twice.                                          | said     | Ines Varga
            Lena Okafor, the deputy spokesperson, noted that fares will rise.                      | noted    | Lena Okafor
            The plan, which he said was costly, failed.                                            | said     | he
            # 5/6. the subject stands before a relative clause or a time phrase
            Mr Kamau, who has left the party, said that the vote was unfair.                        | said     | Mr Kamau
            Kamau, 41, who had not run since March, said the vote was unfair.                      | said     | Kamau
            Joel Kamau, who chairs the board, said the vote was unfair.                            | said     | Joel Kamau
            Ana Reid, whose shop on Dock Road flooded, said the vote was unfair.                   | said     | Ana Reid
            The Dock Workers Guild, which has organised here since last year, said it was unfair.  | said     | The Dock Workers Guild
            # an unnamed source with an apposition: the source, not the apposition, speaks
            A spokesperson for the Port Safety Office, the regulator, said that it was watching.  | said     | A spokesperson for the Port Safety Office
            Minister for Trade Ola Dahl on Friday advised parties to stop the protest.             | advised  | Minister for Trade Ola Dahl
            Deputy Mayor Rui Matos yesterday said the bridge would reopen.                         | said     | Deputy Mayor Rui Matos
            Critics were worried by claims that the vote was rigged.                                | claims   | -
            """)
    void findsTheSubject(String text, String verb, String expected) {
        Sentence sentence = SentenceFixture.bodySentence(text);
        Mention mention = subjects.subjectOf(sentence, SentenceFixture.indexOf(sentence, verb));
        if (expected == null) {
            assertNull(mention);
        } else {
            assertEquals(expected, mention.text());
        }
    }
}
