package io.quotewire.extraction;

import java.util.List;

/**
 * Finds the subject of a speech verb by walking back from it to the start of its clause: "which he
 * said", "Mr. Patel also said", "Vedant Patel, the deputy spokesperson, noted".
 */
final class SubjectFinder {

    private static final int MAX_LOOKBACK = 30;

    private final MentionParser parser;

    SubjectFinder(MentionParser parser) {
        this.parser = parser;
    }

    Mention subjectOf(Sentence sentence, int verbIndex) {
        List<Token> tokens = sentence.tokens();
        int end = verbIndex;
        while (end > 0 && tokens.get(end - 1).isWord() && WordClasses.isVerbModifier(tokens.get(end - 1).lower())) {
            end--;
        }
        if (end >= 2 && WordClasses.isDayWord(tokens.get(end - 1).lower())
                && (tokens.get(end - 2).is("on") || tokens.get(end - 2).is("last"))) {
            end -= 2; // "X on Friday said"
        } else if (end >= 1 && tokens.get(end - 1).is("yesterday") || end >= 1 && tokens.get(end - 1).is("today")) {
            end -= 1;
        }
        if (end == 0 || isNotNounEnding(tokens.get(end - 1))) {
            return null;
        }
        int relative = nonRestrictiveRelative(tokens, end, verbIndex);
        if (relative > 0) {
            // "Reyes, 23, who had not scored since October, said": the subject stands before the clause
            Mention head = subjectBefore(sentence, relative - 1);
            if (head != null) {
                return head;
            }
        }
        // "The Tsavo Elephant Fund, a charity that monitors the herds, said": the apposition's own clause
        // words ("that") do not end the subject
        int apposition = appositionOpening(tokens, end, verbIndex);
        int start = apposition > 0 ? apposition : end;
        while (start > 0 && verbIndex - start < MAX_LOOKBACK && !isClauseBoundary(tokens.get(start - 1))) {
            start--;
        }
        if (start == end) {
            return null;
        }
        if (start >= 2 && isRelativePronoun(tokens.get(start - 1)) && holdsFiniteVerb(tokens, start, end)) {
            // "Mr Odinga, who has withdrawn from the race, said": the subject stands before the relative clause
            Mention head = subjectBefore(sentence, start - 1);
            if (head != null) {
                return head;
            }
        }
        return parser.parse(tokens, start, end, sentence);
    }

    private Mention subjectBefore(Sentence sentence, int end) {
        List<Token> tokens = sentence.tokens();
        while (end > 0 && tokens.get(end - 1).is(",")) {
            end--;
        }
        int start = end;
        while (start > 0 && end - start < MAX_LOOKBACK && !isClauseBoundary(tokens.get(start - 1))) {
            start--;
        }
        return start == end ? null : parser.parse(tokens, start, end, sentence);
    }

    /**
     * Where ", who … ,", ", whose … ," or ", which … ," closing right before the verb starts (the pronoun's index), or -1.
     * The clause may hold any words ("since October", "and"), but no quotation or sentence end.
     */
    private static int nonRestrictiveRelative(List<Token> tokens, int end, int verbIndex) {
        return asideOpening(tokens, end, verbIndex, (k, token) ->
                isNonRestrictivePronoun(token) && tokens.get(k - 1).is(",") ? k : 0);
    }

    /** The comma opening ", a charity that …," or ", the union's organiser," right after a name and closing before the verb, or -1. */
    private static int appositionOpening(List<Token> tokens, int end, int verbIndex) {
        return asideOpening(tokens, end, verbIndex, (k, token) -> {
            if (!token.is(",")) {
                return 0;
            }
            Token first = tokens.get(k + 1);
            boolean describes = first.is("a") || first.is("an") || first.is("the") || first.isPossessive();
            return describes && tokens.get(k - 1).isCapitalized() ? k : -1;
        });
    }

    /**
     * Walks back from the comma just before the verb over an aside set off by commas; {@code verdict} tells, for
     * each token, where the aside opens (its index), that there is none (-1) or to go on (0). A quotation or a
     * sentence end means there is none.
     */
    private static int asideOpening(List<Token> tokens, int end, int verbIndex, AsideVerdict verdict) {
        if (!tokens.get(end - 1).is(",")) {
            return -1;
        }
        for (int k = end - 2; k >= 1 && verbIndex - k < MAX_LOOKBACK; k--) {
            Token token = tokens.get(k);
            if (token.isQuote() || token.is(".") || token.is(";") || token.is(":")) {
                return -1;
            }
            int found = verdict.at(k, token);
            if (found != 0) {
                return found;
            }
        }
        return -1;
    }

    @FunctionalInterface
    private interface AsideVerdict {
        int at(int index, Token token);
    }

    private static boolean isNonRestrictivePronoun(Token token) {
        return token.is("who") || token.is("whose") || token.is("which");
    }

    private static boolean isRelativePronoun(Token token) {
        return token.is("who") || token.is("which");
    }

    private static boolean holdsFiniteVerb(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (tokens.get(k).isWord() && WordClasses.isFiniteVerbCue(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    /** The subject of the sentence: the phrase before its first verb-like word. */
    Mention sentenceSubject(Sentence sentence) {
        List<Token> tokens = sentence.tokens();
        int end = 0;
        while (end < tokens.size() && end < MAX_LOOKBACK) {
            Token token = tokens.get(end);
            if (token.isQuote() || token.is(":")) {
                break;
            }
            if (token.is(",") && end > 0 && end + 1 < tokens.size() && isNonRestrictivePronoun(tokens.get(end + 1))) {
                // "Sunitha Rao, who now runs an academy, …": the subject ends before its relative clause
                return parser.parse(tokens, 0, end, sentence);
            }
            String lower = token.lower();
            if (token.isWord() && !token.isCapitalized()
                    && (WordClasses.isVerbModifier(lower) || WordClasses.isFiniteVerbCue(lower)
                        || SpeechVerbs.isSpeechVerb(lower))) {
                break;
            }
            end++;
        }
        if (end == 0 || end >= tokens.size() || !tokens.get(end).isWord()) {
            return null;
        }
        return parser.parse(tokens, 0, end, sentence);
    }

    /** "worried by claims that": a preposition or verb before the cue means it is no subject's verb. */
    private static boolean isNotNounEnding(Token token) {
        if (!token.isWord() || token.isCapitalized()) {
            return !token.isWord() && !token.is(",") && !token.is(")");
        }
        String lower = token.lower();
        return !WordClasses.isPronoun(lower) && (WordClasses.isFunctionWord(lower) || WordClasses.isFiniteVerbCue(lower));
    }

    private static boolean isClauseBoundary(Token token) {
        if (token.isQuote()) {
            return true;
        }
        if (!token.isWord()) {
            String text = token.text();
            return text.equals(";") || text.equals(":") || text.equals("—") || text.equals("–") || text.equals("--")
                    || text.equals("-") || text.equals(".") || text.equals("?") || text.equals("!");
        }
        return switch (token.lower()) {
            case "that", "which", "who", "whom", "and", "but", "or", "because", "although", "though", "while",
                 "whereas", "when", "where", "if", "unless", "since", "whether", "as", "so", "after", "before",
                 "how", "what", "why", "than" -> true;
            default -> false;
        };
    }
}
