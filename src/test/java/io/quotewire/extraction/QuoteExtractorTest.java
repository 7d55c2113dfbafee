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

import org.junit.jupiter.api.Test;

/** One test per pattern, on fixtures written for these tests. */
class QuoteExtractorTest {

    @Test
    void splitQuoteIsTwoQuotesWithOneSpeaker() {
        Extraction e = extract("Harbour reopens\n\n“The storm moved faster than forecast,” said Marta Ruiz, the harbour master. “We had two hours to secure the boats.”\n");
        assertQuote(e, "The storm moved faster than forecast", DIRECT, "Marta Ruiz");
        assertQuote(e, "We had two hours to secure the boats.", DIRECT, "Marta Ruiz");
    }

    @Test
    void splitQuoteAroundPronounAttribution() {
        Extraction e = extract("Title\n\nCoach Aleksander Brandt was pleased.\n\n\"It was close,\" he said, \"but we held on.\"\n");
        assertQuote(e, "It was close", DIRECT, "Aleksander Brandt");
        assertQuote(e, "but we held on.", DIRECT, "Aleksander Brandt");
    }

    @Test
    void colonIntroducedQuote() {
        Extraction e = extract("Title\n\nCity engineer Priya Nair said: “The bridge needs new bearings before winter.”\n");
        assertQuote(e, "The bridge needs new bearings before winter.", DIRECT, "Priya Nair");
    }

    @Test
    void invertedAttributionWithSurnameAndPronoun() {
        Extraction e = extract("Title\n\nAnalyst Jonas Whitfield watched the results.\n\n"
                + "“Turnout was higher than in any recent year,” stated Whitfield in a briefing. "
                + "“Younger voters made the difference,” he remarked.\n");
        assertQuote(e, "Turnout was higher than in any recent year", DIRECT, "Jonas Whitfield");
        assertQuote(e, "Younger voters made the difference", DIRECT, "Jonas Whitfield");
    }

    @Test
    void roleNounRefersToTheNamedSpeakerWithThatDescription() {
        Extraction e = extract("Title\n\nLena Okafor, the deputy spokesperson for the transport ministry, noted that fares will rise in May.\n\n"
                + "The deputy spokesperson urged commuters to buy season tickets early.\n");
        assertQuote(e, "fares will rise in May", INDIRECT, "Lena Okafor");
        assertQuote(e, "buy season tickets early", INDIRECT, "Lena Okafor");
    }

    @Test
    void titleBeforeNameIsRoleNotName() {
        Extraction e = extract("Title\n\nForeign Minister Tomas Lindqvist said the talks would resume next week.\n");
        ExtractedQuote q = quote(e, "the talks would resume next week");
        assertEquals("Tomas Lindqvist", q.speaker().name());
        assertEquals("Foreign Minister", q.speaker().role());
    }

    @Test
    void partialQuotesInsideASentence() {
        Extraction e = extract("Title\n\nMayor Dana Fischer called the plan \"a genuine turning point\" for the district.\n\n"
                + "Fischer said the council would \"listen to every resident\" before voting.\n");
        assertQuote(e, "a genuine turning point", DIRECT, "Dana Fischer");
        assertQuote(e, "listen to every resident", DIRECT, "Dana Fischer");
        assertFalse(texts(e).stream().anyMatch(t -> t.startsWith("the council")),
                "a reported clause holding a partial quote is not reported again");
    }

    @Test
    void multiParagraphQuoteSegmentsShareTheSpeaker() {
        Extraction e = extract("Title\n\nFarmer Owen Pryce described the dry summer.\n\n"
                + "“We lost most of the barley in July.\n\n"
                + "“The wells are lower than I have ever seen them,” Pryce said.\n");
        assertQuote(e, "We lost most of the barley in July.", DIRECT, "Owen Pryce");
        assertQuote(e, "The wells are lower than I have ever seen them", DIRECT, "Owen Pryce");
    }

    @Test
    void quoteOnlyParagraphContinuesThePreviousSpeaker() {
        Extraction e = extract("Title\n\n\"The library will stay open late during exams,\" said librarian Hugo Bell.\n\n"
                + "\"Students asked for it, and we listened.\"\n");
        assertQuote(e, "Students asked for it, and we listened.", DIRECT, "Hugo Bell");
    }

    @Test
    void unclosedQuoteIsStillAQuote() {
        Extraction e = extract("Title\n\nInspector Kai Moreno said: \"Nobody should enter the building until it has been checked\n");
        assertQuote(e, "Nobody should enter the building until it has been checked", DIRECT, "Kai Moreno");
    }

    @Test
    void reportedSpeechForms() {
        Extraction e = extract("Title\n\nSenator Rosa Delgado said that the budget was balanced. "
                + "Delgado emphasized the surplus would fund schools. "
                + "She urged colleagues to approve the bill quickly.\n\n"
                + "Tax receipts rose by four percent, according to the finance office.\n");
        assertQuote(e, "the budget was balanced", INDIRECT, "Rosa Delgado");
        assertQuote(e, "the surplus would fund schools", INDIRECT, "Rosa Delgado");
        assertQuote(e, "approve the bill quickly", INDIRECT, "Rosa Delgado");
        assertQuote(e, "Tax receipts rose by four percent", INDIRECT, null);
    }

    @Test
    void participleAfterAQuoteReportsForTheSameSpeaker() {
        Extraction e = extract("Title\n\n“The engine failed twice,” said pilot Ines Varga, adding that nobody was hurt.\n");
        assertQuote(e, "nobody was hurt", INDIRECT, "Ines Varga");
    }

    @Test
    void appositionGivesTheRole() {
        Extraction e = extract("Title\n\nPeter Holm, a geologist at the national survey, said the tremor was minor.\n");
        ExtractedQuote q = quote(e, "the tremor was minor");
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
    void quoteWithoutAnyAttributionHasNoSpeaker() {
        Extraction e = extract("Title\n\nThe sign on the gate read \"Closed for repairs until the end of the month\" in red letters.\n");
        assertQuote(e, "Closed for repairs until the end of the month", DIRECT, null);
    }

    @Test
    void scareQuotesTitlesBylinesAndReadMoreAreNotQuotes() {
        Extraction e = extract("'Harbour Lights' Author Returns\n\nBy Sam Keller\n\n"
                + "Read more: Council says 'yes' to the new pier\n\n"
                + "The so-called \"quiet season\" was busy. Her novel 'Harbour Lights' sold well.\n");
        assertTrue(e.quotes().isEmpty(), () -> "unexpected " + texts(e));
    }

    @Test
    void headlineWithAttributedQuoteOrOfficialSaysIsAnnotated() {
        Extraction e = extract("Minister says storm was 'worst in decades'\n\n"
                + "Official Says Ferries Will Run Again Tomorrow\n\n"
                + "Transport minister Elif Demir said the damage would take weeks to repair.\n");
        assertQuote(e, "worst in decades", DIRECT, "Elif Demir");
        assertQuote(e, "Ferries Will Run Again Tomorrow", INDIRECT, "Elif Demir");
    }

    @Test
    void offsetsAreCodePoints() {
        String text = "Title 🎉\n\n😀 “Great day for the town,” said Mayor Ola Berg.\n";
        Extraction e = extract(text);
        ExtractedQuote q = quote(e, "Great day for the town");
        assertEquals(text.codePointCount(0, text.indexOf("Great")), q.start());
        assertEquals("Great day for the town", CodePointOffsets.substring(text, q.start(), q.end()));
    }

    @Test
    void singleNewlinesSeparateParagraphsToo() {
        Extraction e = extract("Title\nChef Arne Lund opened a bakery.\n\"Bread is simple,\" Lund said.\n\"People want it fresh.\"\n");
        assertQuote(e, "Bread is simple", DIRECT, "Arne Lund");
        assertQuote(e, "People want it fresh.", DIRECT, "Arne Lund");
    }

    @Test
    void speakersListsNamedSpeakersWithMentions() {
        Extraction e = extract("Title\n\n\"We expect rain,\" said forecaster Mia Kovac. \"Plenty of it,\" Kovac said.\n");
        assertEquals(1, e.speakers().size());
        assertEquals("Mia Kovac", e.speakers().get(0).name());
        assertTrue(e.speakers().get(0).mentions().contains("Kovac"));
    }
}
