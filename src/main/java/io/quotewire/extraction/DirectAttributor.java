package io.quotewire.extraction;

import java.util.List;

/**
 * Attributes a quotation to the speaker named in its own sentence, trying in turn:
 * <ol>
 *   <li>after the quote, inverted: {@code "…," said Marta Ruiz} / {@code stated Patel};</li>
 *   <li>after the quote, plain: {@code "…," she said} / {@code Pryce, 61, said in a statement};</li>
 *   <li>before the quote, the nearest speech cue: {@code A spokesperson added: "…"},
 *       {@code Demir called it "…"}, {@code Dar’s statement … that … "…"};</li>
 *   <li>a quote introduced by a colon or comma takes the sentence subject
 *       ({@code Dr. Okafor responded with, "…"}).</li>
 * </ol>
 * Look-arounds are bounded, so each quote costs constant work.
 */
final class DirectAttributor {

    private static final int MAX_VERB_DISTANCE_AFTER = 12;
    private static final int MAX_CUE_DISTANCE_BEFORE = 40;
    /** "called it “…”", "described the plan as a “…”": verbs that never report a clause stand right before the quote. */
    private static final int MAX_DIRECT_ONLY_CUE_DISTANCE = 4;
    private static final int MAX_TITLE_WORDS = 5;

    private final MentionParser parser;
    private final SubjectFinder subjects;

    DirectAttributor(MentionParser parser, SubjectFinder subjects) {
        this.parser = parser;
        this.subjects = subjects;
    }

    Attribution attribute(Sentence sentence, int quoteIndex) {
        Attribution after = afterQuote(sentence, quoteIndex);
        return after != null ? after : beforeQuote(sentence, quoteIndex);
    }

    private Attribution afterQuote(Sentence sentence, int quoteIndex) {
        List<Token> tokens = sentence.tokens();
        int j = quoteIndex + 1;
        while (j < tokens.size() && isLinkingPunctuation(tokens.get(j))) {
            j++;
        }
        if (j >= tokens.size() || !tokens.get(j).isWord()) {
            return null;
        }
        Token first = tokens.get(j);
        if (SpeechVerbs.canBeVerb(first, sentence) && SpeechVerbs.isSpeechVerb(first.lower())) {
            Mention mention = parser.parseAfterVerb(tokens, j + 1, sentence);
            return mention == null ? null : attribution(mention, first, AttributionRule.QUOTE_VERB_SPEAKER, sentence);
        }
        if (first.lower().equals("according") && j + 1 < tokens.size() && tokens.get(j + 1).is("to")) {
            Mention mention = parser.parseAfterVerb(tokens, j + 2, sentence);
            return mention == null ? null : attribution(mention, first, AttributionRule.QUOTE_ACCORDING_TO, sentence);
        }
        for (int k = j + 1; k < tokens.size() && k - j <= MAX_VERB_DISTANCE_AFTER; k++) {
            Token token = tokens.get(k);
            if (token.isQuote() || isSentencePunctuation(token)) {
                return null;
            }
            if (SpeechVerbs.canBeVerb(token, sentence) && SpeechVerbs.isSpeechVerb(token.lower())
                    && !WordClasses.isPassiveAuxiliary(tokens.get(k - 1).lower())) {
                Mention mention = subjects.subjectOf(sentence, k);
                if (mention == null || mention.start() < first.start()) {
                    return null;
                }
                return attribution(mention, token, AttributionRule.QUOTE_SPEAKER_VERB, sentence);
            }
        }
        return null;
    }

    private Attribution beforeQuote(Sentence sentence, int quoteIndex) {
        List<Token> tokens = sentence.tokens();
        if (quoteIndex > 0 && !isIntroducingPunctuation(tokens.get(quoteIndex - 1)) && !sentence.paragraph().headline()
                && isTitleCased(tokens.get(quoteIndex).text())) {
            return null; // "his one-man show “FDR,”": inside a sentence, a title-cased quote names a work, it is not speech
        }
        for (int k = quoteIndex - 1; k >= 0 && quoteIndex - k <= MAX_CUE_DISTANCE_BEFORE; k--) {
            Token token = tokens.get(k);
            if (!token.isWord()) {
                continue;
            }
            String lower = token.lower();
            if (SpeechVerbs.isSpeechNoun(lower) && k > 0 && tokens.get(k - 1).isPossessive()
                    && tokens.get(k - 1).isCapitalized() && hasComplementiserBetween(tokens, k, quoteIndex)) {
                Mention possessor = parser.parsePossessor(tokens, k - 1, sentence);
                if (possessor != null) {
                    return new Attribution(possessor, lower, AttributionRule.POSSESSOR_STATEMENT, false, sentence.paragraph());
                }
            }
            boolean cue = SpeechVerbs.reportsClause(lower) || SpeechVerbs.takesInfinitive(lower)
                    || SpeechVerbs.isSpeechVerb(lower) && quoteIndex - k <= MAX_DIRECT_ONLY_CUE_DISTANCE
                        && !tokens.get(k + 1).is("to"); // "continued to", "began to": not speech
            if (cue && SpeechVerbs.canBeVerb(token, sentence) && !(k > 0 && WordClasses.isPassiveAuxiliary(tokens.get(k - 1).lower()))) {
                Mention mention = speakerOfVerb(sentence, k);
                if (mention == null) {
                    return null;
                }
                boolean introduced = isIntroducingPunctuation(tokens.get(quoteIndex - 1));
                return attribution(mention, token,
                        introduced ? AttributionRule.SPEAKER_VERB_INTRO : AttributionRule.SPEAKER_VERB_PARTIAL, sentence);
            }
        }
        if (quoteIndex > 0 && isIntroducingPunctuation(tokens.get(quoteIndex - 1))) {
            Mention subject = subjects.sentenceSubject(sentence);
            if (subject != null && subject.start() < tokens.get(quoteIndex).start()) {
                return attribution(subject, null, AttributionRule.SENTENCE_SUBJECT_INTRO, sentence);
            }
        }
        return null;
    }

    /** The subject of a verb; for "…, saying" or "and said" it is the subject of an earlier verb. */
    private Mention speakerOfVerb(Sentence sentence, int verbIndex) {
        List<Token> tokens = sentence.tokens();
        if (!SpeechVerbs.isParticiple(tokens.get(verbIndex).lower())) {
            Mention subject = subjects.subjectOf(sentence, verbIndex);
            if (subject != null) {
                return subject;
            }
        }
        for (int k = verbIndex - 1; k >= 0 && verbIndex - k <= MAX_CUE_DISTANCE_BEFORE; k--) {
            Token token = tokens.get(k);
            if (token.isWord() && SpeechVerbs.isSpeechVerb(token.lower()) && !SpeechVerbs.isParticiple(token.lower())) {
                Mention subject = subjects.subjectOf(sentence, k);
                if (subject != null) {
                    return subject;
                }
            }
        }
        return subjects.sentenceSubject(sentence);
    }

    /** Every word capitalised, at most a few words: a title of a work or a name ("Lou Grant", "FDR"). */
    private static boolean isTitleCased(String quoted) {
        String content = quoted.strip();
        String[] words = content.split(" ");
        if (content.isEmpty() || words.length > MAX_TITLE_WORDS) {
            return false;
        }
        for (String word : words) {
            if (word.isEmpty() || !Character.isUpperCase(word.codePointAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** "Dar’s statement … that … “interference”": the quote lies in the statement's that-clause. */
    private static boolean hasComplementiserBetween(List<Token> tokens, int from, int to) {
        boolean complementiser = false;
        for (int k = from + 1; k < to; k++) {
            if (tokens.get(k).isQuote()) {
                return false; // the statement's clause closed with an earlier quote
            }
            complementiser |= tokens.get(k).is("that");
        }
        return complementiser;
    }

    private static Attribution attribution(Mention mention, Token verb, AttributionRule rule, Sentence sentence) {
        return new Attribution(mention, verb == null ? null : verb.lower(), rule, true, sentence.paragraph());
    }

    private static boolean isLinkingPunctuation(Token token) {
        return token.is(",") || token.is("—") || token.is("–") || token.is("--") || token.is("-");
    }

    private static boolean isIntroducingPunctuation(Token token) {
        return token.is(":") || token.is(",");
    }

    private static boolean isSentencePunctuation(Token token) {
        return token.is(".") || token.is("!") || token.is("?") || token.is(";") || token.is(":");
    }
}
