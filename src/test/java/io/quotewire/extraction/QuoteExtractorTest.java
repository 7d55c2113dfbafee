package io.quotewire.extraction;

import static io.quotewire.extraction.ExtractionAssertions.assertQuote;
import static io.quotewire.extraction.ExtractionAssertions.extract;
import static io.quotewire.extraction.ExtractionAssertions.quote;
import static io.quotewire.extraction.ExtractionAssertions.texts;
import static io.quotewire.extraction.QuoteType.DIRECT;
import static io.quotewire.extraction.QuoteType.INDIRECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole core on short articles written for these tests: one row per pattern, then the checks a row cannot express. */
class QuoteExtractorTest {

    /** An article, one quote it must yield, the quote's type and speaker (null: none). */
    record Row(String pattern, String article, String quote, QuoteType type, String speaker) {
        @Override
        public String toString() {
            return pattern;
        }
    }

    static Stream<Row> rows() {
        String split = "Harbour reopens\n\n“The storm moved faster than forecast,” said Marta Ruiz, the harbour master. “We had two hours to secure the boats.”\n";
        String splitPronoun = "Title\n\nCoach Aleksander Brandt was pleased.\n\n\"It was close,\" he said, \"but we held on.\"\n";
        String inverted = "Title\n\nAnalyst Jonas Whitfield watched the results.\n\n"
                + "“Turnout was higher than in any recent year,” stated Whitfield in a briefing. "
                + "“Younger voters made the difference,” he remarked.\n";
        String roleNoun = "Title\n\nLena Okafor, the deputy spokesperson for the transport ministry, noted that fares will rise in May.\n\n"
                + "The deputy spokesperson urged commuters to buy season tickets early.\n";
        String partial = "Title\n\nMayor Dana Fischer called the plan \"a genuine turning point\" for the district.\n\n"
                + "Fischer said the council would \"listen to every resident\" before voting.\n";
        String multiParagraph = "Title\n\nFarmer Owen Pryce described the dry summer.\n\n"
                + "“We lost most of the barley in July.\n\n"
                + "“The wells are lower than I have ever seen them,” Pryce said.\n";
        String reported = "Title\n\nSenator Rosa Delgado said that the budget was balanced. "
                + "Delgado emphasized the surplus would fund schools. "
                + "She urged colleagues to approve the bill quickly.\n\n"
                + "Tax receipts rose by four percent, according to the finance office.\n";
        String headline = "Minister says storm was 'worst in decades'\n\n"
                + "Official Says Ferries Will Run Again Tomorrow\n\n"
                + "Transport minister Elif Demir said the damage would take weeks to repair.\n";
        String singleNewlines = "Title\nChef Arne Lund opened a bakery.\n\"Bread is simple,\" Lund said.\n\"People want it fresh.\"\n";
        return Stream.of(
                new Row("split quote, first half", split, "The storm moved faster than forecast", DIRECT, "Marta Ruiz"),
                new Row("split quote, second half", split, "We had two hours to secure the boats.", DIRECT, "Marta Ruiz"),
                new Row("split around a pronoun, first half", splitPronoun, "It was close", DIRECT, "Aleksander Brandt"),
                new Row("split around a pronoun, second half", splitPronoun, "but we held on.", DIRECT, "Aleksander Brandt"),
                new Row("colon-introduced quote", "Title\n\nCity engineer Priya Nair said: “The bridge needs new bearings before winter.”\n",
                        "The bridge needs new bearings before winter.", DIRECT, "Priya Nair"),
                new Row("inverted attribution with a surname", inverted, "Turnout was higher than in any recent year", DIRECT, "Jonas Whitfield"),
                new Row("pronoun after a surname", inverted, "Younger voters made the difference", DIRECT, "Jonas Whitfield"),
                new Row("reported clause of a named speaker", roleNoun, "fares will rise in May", INDIRECT, "Lena Okafor"),
                new Row("role noun refers to the named speaker with that description", roleNoun, "buy season tickets early", INDIRECT, "Lena Okafor"),
                new Row("partial quote after 'called the plan'", partial, "a genuine turning point", DIRECT, "Dana Fischer"),
                new Row("partial quote inside a reported clause", partial, "listen to every resident", DIRECT, "Dana Fischer"),
                new Row("multi-paragraph quote, open segment", multiParagraph, "We lost most of the barley in July.", DIRECT, "Owen Pryce"),
                new Row("multi-paragraph quote, closing segment", multiParagraph, "The wells are lower than I have ever seen them", DIRECT, "Owen Pryce"),
                new Row("quote-only paragraph continues the previous speaker",
                        "Title\n\n\"The library will stay open late during exams,\" said librarian Hugo Bell.\n\n\"Students asked for it, and we listened.\"\n",
                        "Students asked for it, and we listened.", DIRECT, "Hugo Bell"),
                new Row("unclosed quote", "Title\n\nInspector Kai Moreno said: \"Nobody should enter the building until it has been checked\n",
                        "Nobody should enter the building until it has been checked", DIRECT, "Kai Moreno"),
                new Row("said that", reported, "the budget was balanced", INDIRECT, "Rosa Delgado"),
                new Row("bare clause after a surname", reported, "the surplus would fund schools", INDIRECT, "Rosa Delgado"),
                new Row("urged … to", reported, "approve the bill quickly", INDIRECT, "Rosa Delgado"),
                new Row("according to an unnamed office", reported, "Tax receipts rose by four percent", INDIRECT, null),
                new Row("participle after a quote", "Title\n\n“The engine failed twice,” said pilot Ines Varga, adding that nobody was hurt.\n",
                        "nobody was hurt", INDIRECT, "Ines Varga"),
                new Row("no attribution at all", "Title\n\nThe sign on the gate read \"Closed for repairs until the end of the month\" in red letters.\n",
                        "Closed for repairs until the end of the month", DIRECT, null),
                new Row("headline partial quote", headline, "worst in decades", DIRECT, "Elif Demir"),
                new Row("headline 'Official Says'", headline, "Ferries Will Run Again Tomorrow", INDIRECT, "Elif Demir"),
                new Row("single newlines separate paragraphs", singleNewlines, "Bread is simple", DIRECT, "Arne Lund"),
                new Row("continuation after single newlines", singleNewlines, "People want it fresh.", DIRECT, "Arne Lund"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void extractsTheQuoteWithItsSpeaker(Row row) {
        assertQuote(extract(row.article()), row.quote(), row.type(), row.speaker());
    }

    @Test
    void aReportedClauseHoldingAPartialQuoteIsNotReportedAgain() {
        Extraction e = extract("Title\n\nFischer said the council would \"listen to every resident\" before voting.\n");
        assertFalse(texts(e).stream().anyMatch(t -> t.startsWith("the council")), () -> "unexpected " + texts(e));
    }

    @Test
    void titleBeforeNameIsRoleNotName() {
        ExtractedQuote q = quote(extract("Title\n\nForeign Minister Tomas Lindqvist said the talks would resume next week.\n"),
                "the talks would resume next week");
        assertEquals("Tomas Lindqvist", q.speaker().name());
        assertEquals("Foreign Minister", q.speaker().role());
    }

    @Test
    void appositionGivesTheRole() {
        ExtractedQuote q = quote(extract("Title\n\nPeter Holm, a geologist at the national survey, said the tremor was minor.\n"),
                "the tremor was minor");
        assertEquals("Peter Holm", q.speaker().name());
        assertEquals("a geologist at the national survey", q.speaker().role());
    }

    @Test
    void unnamedSpeakerIsNullNotGuessed() {
        Extraction e = extract("Title\n\nTeacher Nora Quist opened the fair.\n\n"
                + "A council spokesperson said: \"The fair will return next spring.\"\n");
        ExtractedQuote q = quote(e, "The fair will return next spring.");
        assertEquals(null, q.speaker());
        assertEquals("A council spokesperson", q.speakerMention());
    }

    @Test
    void scareQuotesTitlesBylinesAndReadMoreAreNotQuotes() {
        Extraction e = extract("'Harbour Lights' Author Returns\n\nBy Sam Keller\n\n"
                + "Read more: Council says 'yes' to the new pier\n\n"
                + "The so-called \"quiet season\" was busy. Her novel 'Harbour Lights' sold well.\n");
        assertTrue(e.quotes().isEmpty(), () -> "unexpected " + texts(e));
    }

    @Test
    void titleCasedQuoteInsideASentenceNamesAWork() {
        Extraction e = extract("Title\n\nActor Ed Marsh, who starred in \"Harbour Nights,\" told fans he was resting. "
                + "Critics called the film \"a quiet triumph\" last year.\n");
        assertFalse(texts(e).contains("Harbour Nights,"), () -> "unexpected " + texts(e));
        assertTrue(texts(e).contains("a quiet triumph"), () -> "missing partial quote in " + texts(e));
    }

    @Test
    void aParagraphOpeningWithAWordThatStartsLikeABoilerplateLineIsStillRead() {
        Extraction extraction = extract("Retailer warns again\n\nShare this article\n\n"
                + "Shares in Kell & Ashby fell after Ruth Kell said that sales had slowed.\n\n"
                + "\"Share this with everyone you know,\" Ruth Kell said.\n");
        assertEquals("Ruth Kell", quote(extraction, "sales had slowed").speaker().name());
        assertEquals(List.of("sales had slowed", "Share this with everyone you know"), texts(extraction));
    }

    @Test
    void aHeadlineQuoteTakesTheSpeakerOfTheBodyQuoteItRepeats() {
        Extraction extraction = extract("‘Cut off from our customers’ – traders fight lane plan\n\n"
                + "Ruth Kell has run a shop on the street for 22 years. ‘We’re being cut off from our customers,’ she said.\n");
        ExtractedQuote headline = quote(extraction, "Cut off from our customers");
        assertEquals("Ruth Kell", headline.speaker().name());
        assertEquals(AttributionRule.HEADLINE_ECHO, headline.rule());
    }

    @Test
    void offsetsAreCodePoints() {
        String text = "Title 🎉\n\n😀 “Great day for the town,” said Mayor Ola Berg.\n";
        ExtractedQuote q = quote(extract(text), "Great day for the town");
        assertEquals(text.codePointCount(0, text.indexOf("Great")), q.start());
        assertEquals("Great day for the town", CodePointOffsets.substring(text, q.start(), q.end()));
    }

    @Test
    void speakersListsNamedSpeakersWithMentions() {
        Extraction e = extract("Title\n\n\"We expect rain,\" said forecaster Mia Kovac. \"Plenty of it,\" Kovac said.\n");
        assertEquals(1, e.speakers().size());
        assertEquals("Mia Kovac", e.speakers().get(0).name());
        assertTrue(e.speakers().get(0).mentions().contains("Kovac"));
    }

    @Test
    void everyQuoteNamesARuleWithItsConfidence() {
        Extraction e = extract("Title\n\n\"We expect rain,\" said forecaster Mia Kovac.\n");
        ExtractedQuote q = quote(e, "We expect rain");
        assertEquals(AttributionRule.QUOTE_VERB_SPEAKER, q.rule());
        assertEquals(AttributionRule.QUOTE_VERB_SPEAKER.confidence(), q.confidence());
    }
}
