package io.quotewire.extraction;

import java.util.Set;

/**
 * The closed word classes the attribution rules need: pronouns, determiners, titles, connectives and
 * the auxiliaries that reveal a finite clause. English news vocabulary, not tuned to any article.
 */
final class WordClasses {

    private WordClasses() {
    }

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr",
            "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "mt", "vs", "etc", "rev", "hon", "pres",
            "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "ft", "approx", "dept",
            "minn", "calif", "fla", "mass", "penn", "ariz", "ill", "wash", "conn", "mich", "ore", "tex", "ky");

    /** Capitalised words that stand before a name and are part of the role, not the name. */
    private static final WordList TITLES = WordList.load("titles.txt");
    private static final WordList ORGANISATION_NOUNS = WordList.load("organisation-nouns.txt");
    private static final WordList GENERIC_ORGANISATION_NOUNS = WordList.load("generic-organisation-nouns.txt");
    private static final WordList PORTFOLIO_WORDS = WordList.load("portfolio-words.txt");
    private static final WordList PLACES = WordList.load("places.txt");
    private static final WordList DEMONYMS = WordList.load("demonyms.txt");
    private static final WordList MEDIA_OUTLETS = WordList.load("media-outlets.txt");
    private static final WordList POST_NOMINALS = WordList.load("post-nominals.txt");
    private static final java.util.Map<String, String> TITLE_ABBREVIATIONS = WordList.load("title-abbreviations.txt").pairs();

    private static final Set<String> PRONOUNS = Set.of("he", "she", "they");

    /** Words that may open a noun phrase without being part of the speaker's description. */
    private static final Set<String> LEADING_FILLERS = Set.of(
            "but", "and", "so", "yet", "however", "meanwhile", "also", "then", "now", "still", "later",
            "earlier", "instead", "indeed", "finally", "separately");

    private static final Set<String> INDEFINITE_DETERMINERS = Set.of("a", "an", "one", "another", "some", "many",
            "several", "most", "few", "other", "others", "number");

    private static final Set<String> DEFINITE_DETERMINERS = Set.of("the", "this", "that", "these", "those",
            "his", "her", "their", "its", "our");

    /** Words that end a noun phrase or a clause: connectives, complementisers, prepositions. */
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "that", "which", "who", "whom", "whose", "what", "when", "where", "while", "whereas", "because",
            "although", "though", "if", "unless", "since", "as", "and", "or", "but", "nor", "so", "than",
            "about", "above", "across", "after", "against", "along", "among", "around", "at", "before",
            "behind", "below", "beside", "between", "by", "during", "for", "from", "in", "inside", "into",
            "like", "near", "of", "off", "on", "onto", "out", "over", "per", "through", "to", "toward",
            "towards", "under", "until", "upon", "with", "within", "without", "outside", "opposite", "beyond",
            "amid", "despite", "alongside", "throughout", "it", "there", "here",
            "how", "why", "whether", "not", "is", "are", "was", "were", "be", "been", "being", "has", "have",
            "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall",
            "should", "i", "we", "you", "me", "him", "us", "them", "it's", "its", "this", "these", "those");

    /** Words that can stand between a subject and its verb ("Mr. Patel also said", "Police have said"). */
    private static final Set<String> VERB_MODIFIERS = Set.of(
            "also", "later", "then", "previously", "again", "once", "recently", "further", "simply", "had",
            "has", "have", "would", "will", "has also", "repeatedly", "earlier", "often", "reportedly",
            "publicly", "privately", "separately", "quickly", "just", "already", "never", "always",
            "only", "even", "still", "subsequently", "afterwards", "initially", "first", "last");

    /** Auxiliaries and common finite verbs: a complement with one of these is a clause, not a noun phrase. */
    private static final Set<String> FINITE_VERBS = Set.of(
            "is", "are", "was", "were", "am", "has", "have", "had", "will", "would", "can", "could", "may",
            "might", "shall", "should", "must", "do", "does", "did", "won't", "can't", "isn't", "aren't",
            "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't", "wouldn't",
            "couldn't", "shouldn't", "won’t", "can’t", "isn’t", "aren’t", "wasn’t", "weren’t", "hasn’t",
            "haven’t", "hadn’t", "doesn’t", "don’t", "didn’t", "wouldn’t", "couldn’t", "shouldn’t",
            "remains", "remain", "continues", "needs", "wants", "plans", "expects", "hopes", "believes",
            "knows", "thinks", "feels", "seems", "looks", "goes", "comes", "makes", "takes", "gets", "gives",
            "means", "lies", "stands", "holds", "works", "helps", "shows", "runs", "faces", "depends",
            "intends", "agrees", "lacks", "went", "came", "made", "took", "got", "gave", "saw", "felt",
            "knew", "thought", "found", "left", "kept", "held", "lost", "paid", "sent", "built", "told",
            "said", "began", "became", "brought", "bought", "caught", "fell", "ran", "won", "wrote", "spent",
            "stood", "rose", "grew", "drew", "threw", "flew", "chose", "broke", "spoke", "wore", "drove",
            "rode", "ate", "hit", "cut", "put", "shut", "led", "met", "sat", "sold", "hid", "fought",
            "sought", "taught", "slept", "meant", "dealt", "rang", "sang", "sank", "swam", "fled", "lit",
            "fed", "hurt", "it's", "it’s", "there's", "there’s", "he's", "she's", "they're", "we're",
            "that's", "that’s", "shook", "woke", "forgot", "stole", "struck", "understood", "forgave", "heard",
            "let", "quit", "swore", "tore", "wept", "withdrew");

    /** "KC", "MP", "OBE": letters after a name that are not part of it (only in capitals). */
    static boolean isPostNominal(String word) {
        return word.length() >= 2 && word.equals(word.toUpperCase(java.util.Locale.ROOT)) && POST_NOMINALS.contains(word);
    }

    /** "gov" → "governor": the word an abbreviated title stands for; other words unchanged. */
    static String expandTitle(String lowerWord) {
        return TITLE_ABBREVIATIONS.getOrDefault(lowerWord, lowerWord);
    }

    static boolean isAbbreviation(String lowerWord) {
        return ABBREVIATIONS.contains(lowerWord);
    }

    static boolean isTitle(String lowerWord) {
        return TITLES.contains(lowerWord);
    }

    /** "Police", "Union", "Ministry": a name ending in one of these is an organisation. */
    static boolean isOrganisationNoun(String lowerWord) {
        return ORGANISATION_NOUNS.contains(lowerWord);
    }

    /** "company", "body", "airline": a role noun with this head refers back to an organisation. */
    static boolean isGenericOrganisationNoun(String lowerWord) {
        return GENERIC_ORGANISATION_NOUNS.contains(lowerWord);
    }

    /** "Operations", "Broadcasting": a portfolio inside a title, never part of a person's name. */
    static boolean isPortfolioWord(String lowerWord) {
        return PORTFOLIO_WORDS.contains(lowerWord);
    }

    static boolean isPlace(String name) {
        return PLACES.contains(name);
    }

    static boolean isDemonym(String word) {
        return DEMONYMS.contains(word);
    }

    static boolean isMediaOutlet(String name) {
        return MEDIA_OUTLETS.contains(name);
    }

    /** Words that describe rather than name: titles, portfolios, organisation nouns, places, demonyms. */
    static boolean isDescriptiveWord(String word) {
        String lower = word.toLowerCase();
        return isTitle(lower) || isPortfolioWord(lower) || isOrganisationNoun(lower) || isPlace(lower) || isDemonym(lower);
    }

    static boolean isPronoun(String lowerWord) {
        return PRONOUNS.contains(lowerWord);
    }

    static boolean isLeadingFiller(String lowerWord) {
        return LEADING_FILLERS.contains(lowerWord);
    }

    static boolean isIndefiniteDeterminer(String lowerWord) {
        return INDEFINITE_DETERMINERS.contains(lowerWord);
    }

    static boolean isDefiniteDeterminer(String lowerWord) {
        return DEFINITE_DETERMINERS.contains(lowerWord);
    }

    static boolean isFunctionWord(String lowerWord) {
        return FUNCTION_WORDS.contains(lowerWord);
    }

    static boolean isVerbModifier(String lowerWord) {
        return VERB_MODIFIERS.contains(lowerWord);
    }

    /** Whether a word shows a finite verb: an auxiliary, a common finite form, or a regular past (-ed). */
    static boolean isFiniteVerbCue(String lowerWord) {
        return FINITE_VERBS.contains(lowerWord) || (lowerWord.length() >= 4 && lowerWord.endsWith("ed"));
    }

    /** Conjunctions that open an adverbial clause: "said when …" tells when, not what. */
    static boolean isSubordinator(String lowerWord) {
        return switch (lowerWord) {
            case "when", "while", "after", "before", "during", "since", "because", "as", "until", "whilst" -> true;
            default -> false;
        };
    }

    /** Words naming a day or a time of speaking: "today", "Friday", "week". */
    static boolean isDayWord(String lowerWord) {
        return switch (lowerWord) {
            case "today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
                 "saturday", "sunday", "week", "month", "year", "night", "morning", "evening", "afternoon" -> true;
            default -> false;
        };
    }

    static boolean isPassiveAuxiliary(String lowerWord) {
        return switch (lowerWord) {
            case "is", "are", "was", "were", "be", "been", "being", "get", "got" -> true;
            default -> false;
        };
    }

    static boolean isPreposition(String lowerWord) {
        return switch (lowerWord) {
            case "in", "on", "at", "to", "during", "after", "before", "with", "for", "by", "from", "of",
                 "outside", "inside", "following", "yesterday", "today",
                 "tuesday", "monday", "wednesday", "thursday", "friday", "saturday", "sunday" -> true;
            default -> false;
        };
    }
}
