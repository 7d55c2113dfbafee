package io.quotewire.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reported clauses of one sentence and who reports them (failure class 7 of issue 10, and 8: an
 * addressee is not the speaker). Each row: the sentence, then every reported clause with its speaker
 * as written, "clause @ speaker" joined by " ; ". Own sentences.
 */
class ReportedSpeechFinderTest {

    private final MentionParser parser = new MentionParser();
    private final ReportedSpeechFinder finder = new ReportedSpeechFinder(parser, new SubjectFinder(parser));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # sentence                                                                         | clauses
            Mara Lind said that the ferry was safe.                                            | the ferry was safe @ Mara Lind
            Mara Lind said the ferry will resume on Monday.                                    | the ferry will resume on Monday @ Mara Lind
            Mara Lind told reporters that the ferry was safe.                                  | the ferry was safe @ Mara Lind
            Mara Lind told PEOPLE the ferry was safe.                                          | the ferry was safe @ Mara Lind
            Mara Lind said today more ferries must run.                                        | more ferries must run @ Mara Lind
            Mara Lind went on to add that the timetable would change.                          | the timetable would change @ Mara Lind
            Mara Lind said that fares would rise, but predicted that demand would hold.        | fares would rise @ Mara Lind ; demand would hold @ Mara Lind
            Mara Lind said that fares would rise, but admitted that trips would be slower.     | fares would rise @ Mara Lind ; trips would be slower @ Mara Lind
            Mara Lind urged residents to stay calm, saying the ferry was safe.                 | stay calm @ Mara Lind ; the ferry was safe @ Mara Lind
            Mara Lind urged her supporters not to riot saying they had been heard.             | not to riot @ Mara Lind ; they had been heard @ Mara Lind
            Mara Lind asked other unions to support the strike.                                | support the strike @ Mara Lind
            Mara Lind on Friday advised the council to delay the vote.                          | delay the vote @ Mara Lind
            'According to Mara Lind, the ferry was safe.'                                      | the ferry was safe @ Mara Lind
            'The ferry was safe, according to Mara Lind.'                                      | The ferry was safe @ Mara Lind
            'But, according to the port authority, the ferry was safe.'                       | the ferry was safe @ the port authority
            'The ferry was safe, her agent told the Gazette.'                                  | The ferry was safe @ her agent
            Sources told the radio that at least ten people had died.                          | at least ten people had died @ Sources
            # an amount opens the clause; a weekday before "that"; a verb after another verb's object
            Mara Lind told the inquiry that £4,500 had been repaid.                            | £4,500 had been repaid @ Mara Lind
            Mara Lind said $2 million would be spent on the pier.                             | $2 million would be spent on the pier @ Mara Lind
            Mara Lind said Tuesday that the pier would reopen.                                 | the pier would reopen @ Mara Lind
            Mara Lind welcomed the plan but warned that the pier was unsafe.                   | the pier was unsafe @ Mara Lind
            Mara Lind, a harbour pilot whose boat sank, said the pier was unsafe.             | the pier was unsafe @ Mara Lind
            Mara Lind told reporters they were waiting to hear how the pier failed.           | they were waiting to hear how the pier failed @ Mara Lind
            Mara Lind said she woke to the sound of water at dawn.                             | she woke to the sound of water at dawn @ Mara Lind
            Mara Lind lamented that the pier had been left to rot.                             | the pier had been left to rot @ Mara Lind
            Mara Lind said Ola Berg shook the crew off twice.                                  | Ola Berg shook the crew off twice @ Mara Lind
            'After that, Mara Lind said, she did not want to know anything.'                   | she did not want to know anything @ Mara Lind
            'Ferries to merge; jobs will go, her agent told the Gazette.'                     | jobs will go @ her agent
            Mara Lind said the board was open to talks but that its hands were tied.          | the board was open to talks @ Mara Lind ; its hands were tied @ Mara Lind
            Mara Lind said the board was open to talks, but that its hands were tied.         | the board was open to talks @ Mara Lind ; its hands were tied @ Mara Lind
            """)
    void findsReportedClauses(String text, String expected) {
        assertEquals(expected, clauses(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # not reported speech: belief verbs, noun-phrase complements, a question put to someone, an adverbial
            Mara Lind believes the ferry is safe.
            Mara Lind described the crossing in detail.
            Mara Lind was asked how the ferry sank.
            Mara Lind said so when she met the crew.
            # a speech verb after a determiner is a noun: "the state", "its report"
            Mara Lind left because the state would not pay.
            The council published its report on the ferry.
            The survey added to growing evidence that ferries are safe.
            Mara Lind, a mother of two Westfield pupils who helped gather more than 900 signatures on a petition against the closure, spoke for many of them during nearly two hours of public comment.
            """)
    void findsNothing(String text) {
        assertEquals("", clauses(text));
    }

    private String clauses(String body) {
        String text = "Title\n\n" + body + "\n";
        Sentence sentence = SentenceFixture.bodySentence(body);
        List<ReportedClause> found = finder.find(sentence, List.of());
        StringBuilder out = new StringBuilder();
        for (ReportedClause clause : found) {
            if (!out.isEmpty()) {
                out.append(" ; ");
            }
            out.append(text, clause.start(), clause.end()).append(" @ ").append(clause.attribution().mention().text());
        }
        return out.toString();
    }
}
