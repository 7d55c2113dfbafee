package io.quotewire.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a speaker reference out of the noun phrase next to a speech verb.
 *
 * <p>The phrase is split at commas, so appositions become the role ("Vedant Patel, the deputy
 * spokesperson ..."; "Pryce, 61,"), and introductory phrases ("At a briefing on Monday, Mr. Patel")
 * are dropped. A name is a run of capitalised words that ends the phrase; capitalised words followed
 * by a common noun are modifiers ("A council spokesperson"), and titles before a name go to the role
 * ("Harbour Town Mayor Ola Berg").
 */
final class MentionParser {

    private static final int MAX_PHRASE_WORDS = 16;
    private static final java.util.regex.Pattern AGE = java.util.regex.Pattern.compile("\\d{1,3}(-year-old)?");

    /** Parses tokens [from, to) of a sentence; null when they hold no plausible speaker. */
    Mention parse(List<Token> tokens, int from, int to, Sentence sentence) {
        List<List<Token>> chunks = chunks(tokens, from, to);
        if (chunks.isEmpty()) {
            return null;
        }
        List<Token> head = chunks.get(chunks.size() - 1);
        String apposition = null;
        if (chunks.size() >= 2 && isApposition(head)
                && (isPureName(chunks.get(chunks.size() - 2)) || endsWithName(chunks.get(chunks.size() - 2))
                    || isIndefinite(chunks.get(chunks.size() - 2)) && !isPureName(head))) {
            // "Ola Berg, the mayor," and "A spokesperson for the agency, the national regulator,": the first is the head
            apposition = text(head);
            head = chunks.get(chunks.size() - 2);
        }
        Mention mention = parseChunk(head, sentence);
        if (mention == null) {
            return null;
        }
        if (apposition != null && isAge(apposition)) {
            apposition = null; // "Ana Reyes, 68, said": an age, not a role
        }
        String role = join(mention.role(), apposition);
        if (chunks.size() >= 2 && apposition == null && mention.kind() == Mention.Kind.NAME) {
            // "Her neighbour, teacher Sam Okafor": the chunk before the name describes it
            List<Token> before = chunks.get(chunks.size() - 2);
            if (isApposition(before)) {
                role = join(text(before), role);
            }
        }
        return new Mention(mention.kind(), mention.text(), mention.name(), role, mention.start(),
                mention.indefinite(), mention.uncertainName());
    }

    /** Parses the phrase after an inverted verb: "said marine biologist Ines Alvarez of ...". */
    Mention parseAfterVerb(List<Token> tokens, int from, Sentence sentence) {
        int end = from;
        while (end < tokens.size() && end - from < 8 && continuesInvertedName(tokens.get(end))) {
            end++;
        }
        Mention mention = parseChunk(tokens.subList(from, end), sentence);
        if (mention == null) {
            return null;
        }
        if (end + 1 < tokens.size() && tokens.get(end).is(",") && startsApposition(tokens.get(end + 1))) {
            int appositionEnd = end + 1;
            while (appositionEnd < tokens.size() && appositionEnd - end < 14 && !tokens.get(appositionEnd).is(",")
                    && !tokens.get(appositionEnd).is("(") && !tokens.get(appositionEnd).isQuote()
                    && !isSentencePunctuation(tokens.get(appositionEnd))) {
                appositionEnd++;
            }
            String apposition = text(tokens.subList(end + 1, appositionEnd));
            if (isAge(apposition)) {
                return mention;
            }
            return new Mention(mention.kind(), mention.text(), mention.name(), join(mention.role(), apposition),
                    mention.start(), mention.indefinite(), mention.uncertainName());
        }
        return mention;
    }

    /** The bare name of a possessive run ending at {@code possessiveIndex}: "Deputy Prime Minister Ishaq Dar’s". */
    Mention parsePossessor(List<Token> tokens, int possessiveIndex, Sentence sentence) {
        int from = possessiveIndex;
        while (from > 0 && tokens.get(from - 1).isCapitalized() && !tokens.get(from - 1).isPossessive()
                && possessiveIndex - from < 6) {
            from--;
        }
        List<Token> run = new ArrayList<>(tokens.subList(from, possessiveIndex));
        Token possessive = tokens.get(possessiveIndex);
        run.add(new Token(Token.Kind.WORD, possessive.bare(), possessive.start(), possessive.end() - 2, null));
        return parseChunk(run, sentence);
    }

    private static boolean continuesInvertedName(Token token) {
        if (token.isCapitalized()) {
            return true;
        }
        return token.isWord() && !WordClasses.isFunctionWord(token.lower()) && !SpeechVerbs.isParticiple(token.lower())
                && Character.isLetter(token.text().charAt(0));
    }

    private static boolean startsApposition(Token token) {
        String lower = token.lower();
        return token.isPossessive() || lower.equals("a") || lower.equals("an") || lower.equals("the")
                || (token.isWord() && Character.isDigit(token.text().charAt(0)));
    }

    /** "68", "29-year-old": an age set off by commas describes, but is no role. */
    private static boolean isAge(String apposition) {
        return AGE.matcher(apposition).matches();
    }

    private static boolean isSentencePunctuation(Token token) {
        return token.is(".") || token.is("!") || token.is("?") || token.is(";") || token.is(":");
    }

    private static List<List<Token>> chunks(List<Token> tokens, int from, int to) {
        List<List<Token>> chunks = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.is("(") || token.is("[")) {
                depth++;
            } else if (token.is(")") || token.is("]")) {
                depth = Math.max(0, depth - 1);
            } else if (depth > 0) {
                continue;
            } else if (token.is(",")) {
                addChunk(chunks, current);
                current = new ArrayList<>();
            } else if (token.isWord()) {
                current.add(token);
            }
        }
        addChunk(chunks, current);
        return chunks;
    }

    /** Keeps a chunk unless it is an introductory phrase ("At a briefing on Monday", "However"). */
    private static void addChunk(List<List<Token>> chunks, List<Token> chunk) {
        int first = 0;
        while (first < chunk.size() && WordClasses.isLeadingFiller(chunk.get(first).lower())) {
            first++;
        }
        if (first == chunk.size()) {
            return;
        }
        List<Token> kept = chunk.subList(first, chunk.size());
        String lead = kept.get(0).lower();
        boolean titledParticiple = kept.size() > 1 && WordClasses.isTitle(kept.get(1).lower()); // "returning officer Ana Reid"
        boolean introductory = WordClasses.isPreposition(lead)
                || lead.endsWith("ing") && !kept.get(0).isCapitalized() && !titledParticiple
                || (kept.get(0).isCapitalized() && lead.endsWith("ing") && kept.size() > 1
                    && !kept.get(1).isCapitalized()); // "Speaking to reporters", not "Broadcasting Ola Dahl"
        if (!introductory) {
            chunks.add(kept);
        }
    }

    /** A description set off by commas: "84", "a former correspondent", "Nordvik’s director of safety". */
    private static boolean isApposition(List<Token> chunk) {
        Token first = chunk.get(0);
        String lower = first.lower();
        return WordClasses.isIndefiniteDeterminer(lower) || WordClasses.isDefiniteDeterminer(lower)
                || first.isPossessive() || Character.isDigit(first.text().charAt(0))
                || !first.isCapitalized() || holdsTitle(chunk);
    }

    /** "Product Supply Director at Nordvik": a capitalised description is a role when it holds a title. */
    private static boolean holdsTitle(List<Token> chunk) {
        for (Token token : chunk) {
            if (WordClasses.isTitle(token.lower()) && token.isCapitalized()) {
                return true;
            }
        }
        return false;
    }

    /**
     * "A spokesperson for the agency", "an official at the ministry": someone new, named by a role, whom a
     * following apposition describes. Not "a computer failure forced …".
     */
    private static boolean isIndefinite(List<Token> chunk) {
        String lower = chunk.get(0).lower();
        if (!lower.equals("a") && !lower.equals("an") || chunk.size() < 2) {
            return false;
        }
        int head = 1;
        while (head + 1 < chunk.size() && !WordClasses.isPreposition(chunk.get(head + 1).lower())) {
            head++;
        }
        return head <= 3 && WordClasses.isTitle(chunk.get(head).lower());
    }

    /** "Chairman of selectors Rajeev Hegde": a role closed by a full name, which an apposition then describes. */
    private static boolean endsWithName(List<Token> chunk) {
        int size = chunk.size();
        return size >= 3 && chunk.get(size - 1).isCapitalized() && !chunk.get(size - 1).isPossessive()
                && chunk.get(size - 2).isCapitalized() && !chunk.get(size - 2).isPossessive()
                && !chunk.get(size - 3).isCapitalized() && WordClasses.isTitle(titleWord(chunk, size - 2));
    }

    private static String titleWord(List<Token> chunk, int nameStart) {
        for (int i = nameStart - 1; i >= 0; i--) {
            if (WordClasses.isTitle(chunk.get(i).lower())) {
                return chunk.get(i).lower();
            }
        }
        return "";
    }

    private static boolean isPureName(List<Token> chunk) {
        if (chunk.size() > 5) {
            return false;
        }
        for (Token token : chunk) {
            if (!token.isCapitalized() || token.isPossessive()) {
                return false;
            }
        }
        return true;
    }

    private Mention parseChunk(List<Token> chunk, Sentence sentence) {
        int first = 0;
        while (first < chunk.size() && WordClasses.isLeadingFiller(chunk.get(first).lower())) {
            first++;
        }
        List<Token> words = chunk.subList(first, chunk.size());
        if (words.isEmpty() || words.size() > MAX_PHRASE_WORDS) {
            return null;
        }
        String written = text(words);
        int start = words.get(0).start();
        if (words.size() == 1 && WordClasses.isPronoun(words.get(0).lower())) {
            return new Mention(Mention.Kind.PRONOUN, written, null, null, start, false, false);
        }
        // The head noun stands before the first clause word or preposition ("spokesperson for the
        // State Department"), unless a name closes the phrase ("director for northern EU ports Anna Berg").
        int headEnd = headEnd(words);
        int runStart = runStart(words, words.size());
        boolean nameClosesPhrase = runStart > headEnd && runStart < words.size()
                && (!WordClasses.isFunctionWord(words.get(runStart - 1).lower())
                        && !WordClasses.isDefiniteDeterminer(words.get(runStart - 1).lower())
                    || titledPersonAfterPreposition(words, headEnd, runStart));
        if (nameClosesPhrase) {
            headEnd = words.size();
        } else {
            Token last = words.get(headEnd - 1);
            if (WordClasses.isFunctionWord(last.lower()) && !last.isCapitalized()) {
                return null;
            }
            runStart = runStart(words, headEnd);
        }
        boolean indefinite = WordClasses.isIndefiniteDeterminer(words.get(0).lower());
        if (runStart == headEnd) {
            return new Mention(Mention.Kind.ROLE, written, null, written, start, indefinite, false);
        }
        List<Token> run = words.subList(runStart, headEnd);
        int nameStart = nameStartInRun(run);
        int nameEnd = nameEndInRun(run, nameStart);
        if (nameEnd - nameStart >= 3 && run.get(nameStart).start() == sentence.start()) {
            nameStart++; // "Analyst Jonas Whitfield said": a capitalised sentence start may be a common noun
        }
        List<Token> name = run.subList(nameStart, nameEnd);
        if (name.isEmpty()) {
            return new Mention(Mention.Kind.ROLE, written, null, written, start, indefinite, false);
        }
        String role = runStart + nameStart > 0 ? text(words.subList(0, runStart + nameStart)) : null;
        if (role != null && isDeterminerOnly(words.subList(0, runStart + nameStart))) {
            role = null;
        }
        boolean atSentenceStart = name.get(0).start() == sentence.start()
                || (runStart + nameStart > 0 && isDeterminerOnly(words.subList(0, runStart + nameStart))
                        && words.get(0).start() == sentence.start());
        boolean uncertain = name.size() == 1 && !name.get(0).isAllCaps()
                && (atSentenceStart || sentence.paragraph().headline());
        return new Mention(Mention.Kind.NAME, written, text(name), role, start, indefinite, uncertain);
    }

    /**
     * "US Ambassador to Pakistan Cameron Munter": a title whose complement is a place or body, then
     * the holder's full name. The name closes the phrase when the head is a title and the run after
     * the preposition ends in two or more name words.
     */
    private static boolean titledPersonAfterPreposition(List<Token> words, int headEnd, int runStart) {
        if (!WordClasses.isTitle(words.get(headEnd - 1).lower()) || !words.get(headEnd - 1).isCapitalized()) {
            return false;
        }
        List<Token> run = words.subList(runStart, words.size());
        int nameStart = nameStartInRun(run);
        return run.size() - nameStart >= 2 && EntityKind.of(text(run.subList(nameStart, run.size()))) == EntityKind.PERSON;
    }

    private static int headEnd(List<Token> words) {
        for (int i = 1; i < words.size(); i++) {
            if (WordClasses.isFunctionWord(words.get(i).lower()) && !words.get(i).isCapitalized()
                    && !isConnectorInName(words, i)) {
                return i;
            }
        }
        return words.size();
    }

    /** Start of the run of capitalised words ending at {@code end}: "UK Institute for Coastal Research". */
    private static int runStart(List<Token> words, int end) {
        int start = end;
        while (start > 0) {
            Token previous = words.get(start - 1);
            boolean partOfName = previous.isCapitalized() && !previous.isPossessive() || isConnectorInName(words, start - 1);
            if (!partOfName) {
                break;
            }
            start--;
        }
        return start;
    }

    /** "of" and "for" inside an organisation's name, between capitalised words. */
    private static boolean isConnectorInName(List<Token> words, int i) {
        String lower = words.get(i).text();
        return (lower.equals("of") || lower.equals("for")) && i > 0 && i + 1 < words.size()
                && words.get(i - 1).isCapitalized() && !words.get(i - 1).isPossessive()
                && words.get(i + 1).isCapitalized();
    }

    /**
     * Where the name proper starts inside a run of capitalised words: after determiners, and, unless
     * the run names an organisation ("Harbour Town Police"), after the last word that describes
     * rather than names (a title, portfolio, organisation noun, place or demonym: "US Ambassador",
     * "Vice President Global Operations", "Croatian coach"), and after leading acronyms ("EU Anna Berg").
     */
    static int nameStartInRun(List<Token> run) {
        int start = 0;
        while (start < run.size() && (WordClasses.isDefiniteDeterminer(run.get(start).lower())
                || WordClasses.isIndefiniteDeterminer(run.get(start).lower())
                || WordClasses.isLeadingFiller(run.get(start).lower()))) {
            start++;
        }
        if (start < run.size() && WordClasses.isOrganisationNoun(run.get(run.size() - 1).bare().toLowerCase())) {
            return start;
        }
        for (int i = run.size() - 2; i >= start; i--) {
            if (WordClasses.isDescriptiveWord(run.get(i).text()) || run.get(i).text().contains("&")
                    || i > start && WordClasses.isPlace(run.get(i - 1).text() + " " + run.get(i).text())) {
                start = i + 1;
                break;
            }
        }
        if (run.size() - start == 3 && run.get(start).isAllCaps()) {
            start++;
        }
        return start;
    }

    /** Where the name proper ends inside a run: before honours after two or more name words ("Ana Reid KC"). */
    static int nameEndInRun(List<Token> run, int nameStart) {
        int end = run.size();
        while (end - nameStart > 2 && WordClasses.isPostNominal(run.get(end - 1).text())) {
            end--;
        }
        return end;
    }

    private static boolean isDeterminerOnly(List<Token> words) {
        for (Token word : words) {
            String lower = word.lower();
            if (!WordClasses.isDefiniteDeterminer(lower) && !WordClasses.isIndefiniteDeterminer(lower)) {
                return false;
            }
        }
        return true;
    }

    static String text(List<Token> words) {
        StringBuilder builder = new StringBuilder();
        for (Token word : words) {
            if (!builder.isEmpty()) {
                builder.append(' ');
            }
            builder.append(word.text());
        }
        return builder.toString();
    }

    private static String join(String first, String second) {
        if (first == null || first.isBlank()) {
            return second;
        }
        if (second == null || second.isBlank()) {
            return first;
        }
        return first + ", " + second;
    }
}
