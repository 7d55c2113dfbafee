package io.quotewire.extraction;

import java.util.Map;
import java.util.Set;

/**
 * Speech and report verbs, grouped by how they attribute words.
 *
 * <ul>
 *   <li>Every verb here attributes a direct quotation next to it ("…," she said / she said: "…").</li>
 *   <li>{@link #reportsClause} verbs also introduce reported speech ("X said (that) …"). Only those in
 *       {@link #allowsBareClause} may drop "that": "mentioned" or "described" without "that" usually
 *       take a noun phrase, which is not reported speech.</li>
 *   <li>{@link #takesInfinitive} verbs report a request: "urged drivers to keep off the coast road".</li>
 *   <li>{@link #takesObject} verbs name the listener first: "told reporters (that) …".</li>
 * </ul>
 */
final class SpeechVerbs {

    private SpeechVerbs() {
    }

    /** How a verb attributes words; the uses of {@code src/main/resources/extraction/speech-verbs.txt}. */
    enum Use { DIRECT_ONLY, CLAUSE, BARE_CLAUSE, INFINITIVE }

    private static final Map<String, Use> VERBS = buildVerbs();

    private static final Set<String> OBJECT_FIRST = Set.of("tell", "tells", "told", "telling", "assure", "assured",
            "assures", "inform", "informed", "informs", "remind", "reminded", "reminds", "warn", "warned", "warns");

    private static final Set<String> PARTICIPLES = Set.of("adding", "noting", "saying", "confirming", "stressing",
            "explaining", "insisting", "arguing", "emphasizing", "emphasising", "warning", "claiming",
            "stating", "telling", "admitting", "acknowledging", "declaring", "announcing", "revealing");

    /** Nouns that attribute words to their possessor: "Dar’s statement that …". */
    private static final Set<String> SPEECH_NOUNS = Set.of("statement", "statements", "remark", "remarks",
            "comment", "comments", "words", "claim", "claims", "assertion", "tweet", "post", "speech",
            "testimony", "message", "announcement", "warning", "description");

    /** Reads {@code speech-verbs.txt}: "use base [forms…]" a line; without forms, the regular inflections of the base. */
    private static Map<String, Use> buildVerbs() {
        Map<String, Use> verbs = new java.util.HashMap<>();
        for (String line : WordList.load("speech-verbs.txt").entries()) {
            String[] fields = line.split(" ");
            Use use = Use.valueOf(fields[0].toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            Set<String> forms = fields.length > 2 ? Set.of(java.util.Arrays.copyOfRange(fields, 2, fields.length)) : regularForms(fields[1]);
            for (String form : forms) {
                if (verbs.put(form, use) != null) {
                    throw new IllegalStateException("speech-verbs.txt lists '" + form + "' twice");
                }
            }
        }
        return Map.copyOf(verbs);
    }

    private static Set<String> regularForms(String base) {
        boolean endsWithE = base.endsWith("e");
        String stem = endsWithE ? base.substring(0, base.length() - 1) : base;
        String third = base.endsWith("s") ? base + "es" : base + "s";
        return Set.of(base, third, stem + "ed", stem + "ing");
    }

    /**
     * Whether a word can be the verb at all: capitalised mid-sentence it is a name ("the United
     * States"), except in headlines, where every word is capitalised.
     */
    static boolean canBeVerb(Token token, Sentence sentence) {
        return token.isWord() && (!token.isCapitalized() || sentence.paragraph().headline()
                || token.start() == sentence.start());
    }

    static boolean isSpeechVerb(String lowerWord) {
        return VERBS.containsKey(lowerWord);
    }

    static boolean reportsClause(String lowerWord) {
        Use use = VERBS.get(lowerWord);
        return use == Use.CLAUSE || use == Use.BARE_CLAUSE;
    }

    static boolean allowsBareClause(String lowerWord) {
        return VERBS.get(lowerWord) == Use.BARE_CLAUSE;
    }

    static boolean takesInfinitive(String lowerWord) {
        return VERBS.get(lowerWord) == Use.INFINITIVE;
    }

    static boolean takesObject(String lowerWord) {
        return OBJECT_FIRST.contains(lowerWord);
    }

    /** "adding that …", "confirming …": the speaker is the subject of the sentence's main verb. */
    static boolean isParticiple(String lowerWord) {
        return PARTICIPLES.contains(lowerWord);
    }

    static boolean isSpeechNoun(String lowerWord) {
        return SPEECH_NOUNS.contains(lowerWord);
    }

    /** Verbs a headline uses for speech ("Minister Says …"); others there are usually not speech. */
    static boolean isSayVerb(String lowerWord) {
        return switch (lowerWord) {
            case "say", "says", "said", "tells", "told" -> true;
            default -> false;
        };
    }
}
