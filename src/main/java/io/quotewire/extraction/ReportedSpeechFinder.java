package io.quotewire.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds reported speech in a sentence:
 * <ul>
 *   <li>{@code X said (that) CLAUSE}, {@code X told reporters that CLAUSE}, {@code which he said CLAUSE};</li>
 *   <li>{@code X urged Y to VERB-PHRASE} (the text is the verb phrase);</li>
 *   <li>{@code …, adding that CLAUSE} / {@code confirming CLAUSE}, spoken by the sentence's speaker;</li>
 *   <li>{@code CLAUSE, her agent told the Gazette.} and {@code CLAUSE, according to X.} / {@code According to X, CLAUSE.}</li>
 * </ul>
 * A clause holding a quotation is left to the direct quote (it is not reported twice), and a
 * complement without a finite verb is a noun phrase ("described the attack"), not speech.
 */
final class ReportedSpeechFinder {

    private static final int MAX_CLAUSE_TOKENS = 120;
    private static final int FINITE_VERB_WINDOW = 14;
    private static final int MAX_OBJECT_TOKENS = 10;

    private final MentionParser parser;
    private final SubjectFinder subjects;

    ReportedSpeechFinder(MentionParser parser, SubjectFinder subjects) {
        this.parser = parser;
        this.subjects = subjects;
    }

    /**
     * @param directAttributions attributions of the sentence's quotes, in order: a participle
     *                           ("…," said Pryce, adding that …) takes its speaker from them
     */
    List<ReportedClause> find(Sentence sentence, List<Attribution> directAttributions) {
        List<Token> tokens = sentence.tokens();
        List<ReportedClause> clauses = new ArrayList<>();
        Attribution lastInSentence = null;
        int directIndex = 0;
        Mention lastSubject = null;
        for (int v = 0; v < tokens.size(); v++) {
            Token verb = tokens.get(v);
            while (directIndex < directAttributions.size()
                    && directAttributions.get(directIndex).position() < verb.start()) {
                lastInSentence = directAttributions.get(directIndex++);
            }
            if (!SpeechVerbs.canBeVerb(verb, sentence) || v > 0 && isNounDeterminer(tokens.get(v - 1))) {
                continue; // "the state would pay", "its report": a determiner makes the word a noun
            }
            String lower = verb.lower();
            if (lower.equals("according") && v + 1 < tokens.size() && tokens.get(v + 1).is("to")) {
                addAccordingTo(sentence, v, clauses);
                continue;
            }
            if (!SpeechVerbs.reportsClause(lower) && !SpeechVerbs.takesInfinitive(lower)) {
                continue;
            }
            if (lower.startsWith("add") && v + 1 < tokens.size() && tokens.get(v + 1).is("to")) {
                continue; // "the study added to growing evidence": increased, not said
            }
            if (lower.endsWith("ing") && !SpeechVerbs.isParticiple(lower)) {
                continue; // "suggesting that …" interprets rather than reports
            }
            if (sentence.paragraph().headline() && !SpeechVerbs.isSayVerb(lower)) {
                continue;
            }
            if (v > 0 && WordClasses.isPassiveAuxiliary(tokens.get(v - 1).lower())) {
                continue;
            }
            if (followsQuote(tokens, v)) {
                continue; // "…," said Marta Ruiz: an inverted attribution, not reported speech
            }
            Mention speaker;
            if (SpeechVerbs.isParticiple(lower)) {
                boolean afterComma = v > 0 && tokens.get(v - 1).is(",");
                boolean afterOwnSpeech = lower.equals("saying") && lastSubject != null && v > 0 && tokens.get(v - 1).isWord();
                if (!afterComma && !afterOwnSpeech) {
                    continue;
                }
                speaker = lastInSentence != null ? lastInSentence.mention()
                        : lastSubject != null ? lastSubject : subjects.sentenceSubject(sentence);
            } else {
                speaker = subjects.subjectOf(sentence, v);
                if (speaker == null && v > 0 && (tokens.get(v - 1).is("and") || tokens.get(v - 1).is("but"))) {
                    // "X praised the decision but warned that …": the subject of the first verb
                    speaker = lastSubject != null ? lastSubject : subjects.sentenceSubject(sentence);
                }
                if (speaker == null && v > 0 && tokens.get(v - 1).is("to")) {
                    speaker = subjects.sentenceSubject(sentence); // "X went on to add that …"
                }
            }
            if (speaker == null) {
                continue;
            }
            lastSubject = speaker;
            Attribution attribution = new Attribution(speaker, lower, AttributionRule.REPORTED, true, sentence.paragraph());
            lastInSentence = attribution;
            if (trailsClause(tokens, v)) {
                addTrailingClause(sentence, speaker, attribution, clauses);
            } else {
                addComplement(sentence, v, attribution, clauses);
            }
        }
        return clauses;
    }

    private void addComplement(Sentence sentence, int verbIndex, Attribution attribution, List<ReportedClause> clauses) {
        List<Token> tokens = sentence.tokens();
        String verb = tokens.get(verbIndex).lower();
        int start = verbIndex + 1;
        boolean explicit = false;
        if (SpeechVerbs.takesInfinitive(verb)) {
            start = indexOfWithin(tokens, start, "to");
            if (start < 0) {
                return;
            }
            // "urged them not to attack": the reported request keeps its negation
            start = start > verbIndex + 1 && tokens.get(start - 1).is("not") ? start - 1 : start + 1;
            explicit = true;
        } else if (start < tokens.size() && isComplementiser(tokens.get(start))) {
            start++;
            explicit = true;
            if (start < tokens.size() && tokens.get(start).is(",")) {
                start++; // "told the BBC that, as of Thursday, …"
            }
        } else if (start < tokens.size() && timeAdverbLength(tokens, start) > 0
                && start + timeAdverbLength(tokens, start) < tokens.size()
                && isComplementiser(tokens.get(start + timeAdverbLength(tokens, start)))) {
            start += timeAdverbLength(tokens, start) + 1; // "said Thursday that …"
            explicit = true;
        } else if (start < tokens.size() && timeAdverbLength(tokens, start) > 0
                && start + timeAdverbLength(tokens, start) < tokens.size()
                && SpeechVerbs.allowsBareClause(verb)) {
            start += timeAdverbLength(tokens, start); // "he said today more attention must …"
        } else if (start < tokens.size() && (SpeechVerbs.takesObject(verb) || isPrepositionOrTime(tokens.get(start)))) {
            int complementiser = indexOfComplementiser(tokens, start);
            if (SpeechVerbs.takesObject(verb) && start + 2 < tokens.size() && tokens.get(start).isWord()
                    && !isPrepositionOrTime(tokens.get(start)) && isSubjectPronoun(tokens.get(start + 1))) {
                start++; // "told reporters they were waiting for answers about how …": the clause, not "how"
            } else if (complementiser >= 0) {
                start = complementiser + 1;
                explicit = true;
            } else if (SpeechVerbs.takesObject(verb) && start + 1 < tokens.size() && tokens.get(start).isWord()
                    && !isPrepositionOrTime(tokens.get(start))) {
                start++; // "told reporters he would …"
            } else {
                return;
            }
        }
        if (!explicit && start < tokens.size() && tokens.get(start).is(",") && isParenthetical(tokens, attribution, verbIndex)) {
            start++; // "After that, he said, he did not want to know": the words after the aside
        }
        if (!explicit && !SpeechVerbs.allowsBareClause(verb)) {
            return;
        }
        if (start >= tokens.size() || !tokens.get(start).isWord()) {
            return;
        }
        if (!explicit && WordClasses.isSubordinator(tokens.get(start).lower())) {
            return; // "said when he addressed mourners": when, not what
        }
        if (!explicit && tokens.get(start).is("so") && (start + 1 == tokens.size() || !tokens.get(start + 1).isWord()
                || WordClasses.isSubordinator(tokens.get(start + 1).lower()))) {
            return; // "said so when …": "so" stands for something said before
        }
        int end = clauseEnd(tokens, start);
        if (end < 0) {
            return;
        }
        for (int[] conjunct : conjuncts(tokens, start, end)) {
            addClause(sentence, conjunct[0], conjunct[1], attribution, explicit || SpeechVerbs.takesInfinitive(verb), clauses);
        }
    }

    /** "CLAUSE, her agent tells the Gazette." : the verb and a short object close the sentence. */
    private static boolean trailsClause(List<Token> tokens, int verbIndex) {
        int words = 0;
        for (int k = verbIndex + 1; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            if (token.isQuote() || token.is(",") || token.is("that")) {
                return false;
            }
            if (token.isWord() && (++words > 4 || WordClasses.isFiniteVerbCue(token.lower()))) {
                return false;
            }
        }
        return true;
    }

    private void addTrailingClause(Sentence sentence, Mention speaker, Attribution attribution, List<ReportedClause> clauses) {
        List<Token> tokens = sentence.tokens();
        int comma = -1;
        for (int k = 0; k < tokens.size() && tokens.get(k).start() < speaker.start(); k++) {
            if (tokens.get(k).is(",")) {
                comma = k;
            }
        }
        if (comma <= 0 || comma + 1 >= tokens.size() || tokens.get(comma + 1).start() != speaker.start()
                || SpeechVerbs.isSpeechVerb(tokens.get(comma + 1).lower())) {
            return; // "…, spoke for many of them during hours of public comment.": a verb opens no speaker
        }
        int from = 0;
        for (int k = 0; k < comma; k++) {
            if (tokens.get(k).is(";") || tokens.get(k).is(":")) {
                from = k + 1; // "Bank to merge; no forced job cuts, says CEO": the clause after the semicolon
            }
        }
        addClause(sentence, from, comma, attribution, false, clauses);
    }

    private void addAccordingTo(Sentence sentence, int accordingIndex, List<ReportedClause> clauses) {
        List<Token> tokens = sentence.tokens();
        int sourceStart = accordingIndex + 2;
        int sourceEnd = sourceStart;
        while (sourceEnd < tokens.size() && !tokens.get(sourceEnd).is(",") && !isSentenceEnd(tokens.get(sourceEnd))
                && !tokens.get(sourceEnd).isQuote() && sourceEnd - sourceStart < 16) {
            sourceEnd++;
        }
        // "figures from the weather office", "a poll carried out by Nordvik Insurance": the source is after from/by
        int nameStart = sourceStart;
        for (int k = sourceStart; k < sourceEnd; k++) {
            String lower = tokens.get(k).lower();
            if ((lower.equals("from") || lower.equals("by")) && k + 1 < sourceEnd) {
                nameStart = k + 1;
            }
        }
        Mention source = parser.parse(tokens, nameStart, sourceEnd, sentence);
        if (source == null) {
            return;
        }
        String description = MentionParser.text(wordsOf(tokens, sourceStart, sourceEnd));
        Mention described = new Mention(source.kind(), source.text(), source.name(),
                source.role() != null ? source.role() : description, source.start(), source.indefinite(), source.uncertainName());
        Attribution attribution = new Attribution(described, "according to", AttributionRule.ACCORDING_TO, false, sentence.paragraph());
        boolean opensSentence = true;
        for (int k = 0; k < accordingIndex && opensSentence; k++) {
            opensSentence = tokens.get(k).is(",") || WordClasses.isLeadingFiller(tokens.get(k).lower());
        }
        if (opensSentence && sourceEnd < tokens.size() && tokens.get(sourceEnd).is(",")) {
            int end = clauseEnd(tokens, sourceEnd + 1);
            if (end > 0) {
                addClause(sentence, sourceEnd + 1, end, attribution, false, clauses);
            }
        } else if (accordingIndex > 0 && accordingIndex <= MAX_CLAUSE_TOKENS && tokens.get(accordingIndex - 1).is(",")) {
            addClause(sentence, 0, accordingIndex - 1, attribution, false, clauses);
        }
    }

    /**
     * Where the clause that starts at {@code start} ends: the sentence end, or a comma before a
     * participle, "but" or "according to", or "and" before another speech verb. -1 when too long.
     */
    private static int clauseEnd(List<Token> tokens, int start) {
        for (int k = start; k < tokens.size(); k++) {
            if (k - start > MAX_CLAUSE_TOKENS) {
                return -1;
            }
            Token token = tokens.get(k);
            if (token.is(";")) {
                return k;
            }
            if (k + 1 < tokens.size() && token.is(",")) {
                String next = tokens.get(k + 1).lower();
                boolean butThat = next.equals("but") && k + 2 < tokens.size() && tokens.get(k + 2).is("that");
                if (SpeechVerbs.isParticiple(next) || next.equals("but") && !butThat || next.equals("according")
                        || next.equals("whereas")) {
                    return k;
                }
            }
            if (k + 1 < tokens.size() && token.is("and") && SpeechVerbs.isSpeechVerb(tokens.get(k + 1).lower())) {
                return k;
            }
            if (k > start && token.is("saying")) {
                return k; // "urged them not to attack anyone saying they …": the participle reports anew
            }
        }
        return tokens.size();
    }

    /** "X said A and that B", "… but that B": A and B are reported separately. */
    private static List<int[]> conjuncts(List<Token> tokens, int start, int end) {
        List<int[]> parts = new ArrayList<>();
        int partStart = start;
        for (int k = start; k + 1 < end; k++) {
            if ((tokens.get(k).is("and") || tokens.get(k).is("but")) && tokens.get(k + 1).is("that")) {
                parts.add(new int[] {partStart, k});
                partStart = k + 2;
            }
        }
        parts.add(new int[] {partStart, end});
        return parts;
    }

    private static void addClause(Sentence sentence, int from, int to, Attribution attribution, boolean explicit,
                                  List<ReportedClause> clauses) {
        List<Token> tokens = sentence.tokens();
        for (int k = from; k < to; k++) {
            if (tokens.get(k).isQuote()) {
                return; // the quotation is the entry; the clause around it is not reported again
            }
        }
        while (to > from && !tokens.get(to - 1).isWord()) {
            to--; // trailing punctuation belongs to the sentence, not the clause
        }
        while (from < to && !tokens.get(from).isWord()) {
            from++;
        }
        if (to - from < 2) {
            return;
        }
        boolean finite = isSubjectPronoun(tokens.get(from)) && to - from >= 3; // "said she woke to …"
        for (int k = from; k < to; k++) {
            Token token = tokens.get(k);
            if (k - from < FINITE_VERB_WINDOW && token.isWord() && WordClasses.isFiniteVerbCue(token.lower())) {
                finite = true;
            }
        }
        if (!finite && !explicit) {
            return;
        }
        clauses.add(new ReportedClause(tokens.get(from).start(), tokens.get(to - 1).end(), attribution));
    }

    private static boolean followsQuote(List<Token> tokens, int verbIndex) {
        int k = verbIndex - 1;
        while (k >= 0 && (tokens.get(k).is(",") || tokens.get(k).is("—") || tokens.get(k).is("–"))) {
            k--;
        }
        return k >= 0 && tokens.get(k).isQuote();
    }

    /** "today", "yesterday", "on Friday", "last week": how many words of a time adverb start at {@code k}. */
    private static int timeAdverbLength(List<Token> tokens, int k) {
        String word = tokens.get(k).lower();
        if (WordClasses.isDayWord(word)) {
            return 1;
        }
        if (k + 1 < tokens.size() && (word.equals("on") || word.equals("last") || word.equals("this"))
                && WordClasses.isDayWord(tokens.get(k + 1).lower())) {
            return 2;
        }
        return 0;
    }

    /** ", he said," set off by commas on both sides inside a sentence. */
    private static boolean isParenthetical(List<Token> tokens, Attribution attribution, int verbIndex) {
        int subject = -1;
        for (int k = verbIndex - 1; k >= 0 && verbIndex - k <= 4; k--) {
            if (tokens.get(k).start() == attribution.position()) {
                subject = k;
                break;
            }
        }
        return subject > 0 && tokens.get(subject - 1).is(",");
    }

    private static boolean isSubjectPronoun(Token token) {
        return switch (token.lower()) {
            case "he", "she", "they", "we", "i", "it" -> true;
            default -> false;
        };
    }

    /** Determiners before a noun; not "that", which also opens a relative clause ("a report that said"). */
    private static boolean isNounDeterminer(Token token) {
        return switch (token.lower()) {
            case "the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those" -> true;
            default -> false;
        };
    }

    private static boolean isComplementiser(Token token) {
        return token.is("that") || token.is("how");
    }

    private static boolean isPrepositionOrTime(Token token) {
        return token.isWord() && WordClasses.isPreposition(token.lower());
    }

    private static int indexOfComplementiser(List<Token> tokens, int from) {
        for (int k = from; k < tokens.size() && k - from < MAX_OBJECT_TOKENS; k++) {
            Token token = tokens.get(k);
            if (token.isQuote() || isSentenceEnd(token)) {
                return -1;
            }
            if (isComplementiser(token)) {
                return k;
            }
        }
        return -1;
    }

    private static int indexOfWithin(List<Token> tokens, int from, String word) {
        for (int k = from; k < tokens.size() && k - from < MAX_OBJECT_TOKENS; k++) {
            Token token = tokens.get(k);
            if (token.isQuote() || isSentenceEnd(token)) {
                return -1;
            }
            if (token.is(word)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isSentenceEnd(Token token) {
        return token.is(".") || token.is("!") || token.is("?") || token.is(";");
    }

    private static List<Token> wordsOf(List<Token> tokens, int from, int to) {
        List<Token> words = new ArrayList<>();
        for (int k = from; k < to; k++) {
            if (tokens.get(k).isWord()) {
                words.add(tokens.get(k));
            }
        }
        return words;
    }
}
