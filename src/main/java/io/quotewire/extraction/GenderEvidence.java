package io.quotewire.extraction;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which pronoun, "he" or "she", the article itself uses for each person it names, read from the text
 * alone: a courtesy title before a name ("Ms Okafor", "Mr. Ridge"), a gendered noun in how the person
 * is described ("the cyclist's mother", "spokeswoman"), and the subject and possessive pronouns of a
 * sentence that names no one else before them ("Reid said his team", "Ana Reid, who lost her home").
 * Titles and nouns weigh more than pronouns; a person with as much evidence either way, or none, is
 * unknown. No first-name lists: what is not in the text is not guessed.
 */
final class GenderEvidence {

    enum Pronoun { HE, SHE }

    private static final WordList MASCULINE = WordList.load("masculine-words.txt");
    private static final WordList FEMININE = WordList.load("feminine-words.txt");
    private static final Set<String> HE_FORMS = Set.of("he", "him", "his", "himself");
    private static final Set<String> SHE_FORMS = Set.of("she", "her", "hers", "herself");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}.]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int TITLE_OR_NOUN = 2;
    private static final int PRONOUN = 1;

    /** Per full name (lower case): positive for "he", negative for "she". */
    private final Map<String, Integer> balance = new HashMap<>();

    /** "he" or "she" (any case), else null. */
    static Pronoun pronoun(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return HE_FORMS.contains(lower) ? Pronoun.HE : SHE_FORMS.contains(lower) ? Pronoun.SHE : null;
    }

    /**
     * Reads the sentences. {@code personOf} gives the full name a capitalised word names (a family or
     * given name the article uses), or null.
     */
    void read(List<Sentence> sentences, Function<String, String> personOf) {
        for (Sentence sentence : sentences) {
            String onlyPerson = null;
            boolean several = false;
            List<Token> tokens = sentence.tokens();
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (!token.isWord()) {
                    continue;
                }
                String person = token.isCapitalized() ? personOf.apply(token.bare()) : null;
                if (person != null) {
                    if (i > 0) {
                        add(person, of(tokens.get(i - 1).lower()), TITLE_OR_NOUN);
                    }
                    several |= onlyPerson != null && !onlyPerson.equals(person);
                    onlyPerson = person;
                    continue;
                }
                Pronoun pronoun = refersToSubject(tokens, i) ? pronoun(token.text()) : null;
                if (pronoun != null && onlyPerson != null && !several) {
                    add(onlyPerson, pronoun, PRONOUN);
                }
            }
        }
    }

    /**
     * Whether the pronoun can be the sentence's named person: a subject or possessive ("he", "his", "her
     * son"), not an object ("sat beside him", "told her the news"), which is someone else.
     */
    private static boolean refersToSubject(List<Token> tokens, int i) {
        String lower = tokens.get(i).lower();
        if (lower.equals("him")) {
            return false;
        }
        if (!lower.equals("her")) {
            return true;
        }
        Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        return next != null && next.isWord() && !WordClasses.isFunctionWord(next.lower())
                && !WordClasses.isDefiniteDeterminer(next.lower()) && !WordClasses.isIndefiniteDeterminer(next.lower());
    }

    /** A description of the person ("the cyclist's mother", "spokeswoman"); a possessor ("the boy's") is someone else. */
    void describe(String fullName, String description) {
        if (description == null) {
            return;
        }
        for (String written : WHITESPACE.split(description.toLowerCase(Locale.ROOT))) {
            if (written.endsWith("'s") || written.endsWith("’s") || written.endsWith("s'")) {
                continue;
            }
            for (String word : NON_WORD.split(written)) {
                add(fullName, of(word), TITLE_OR_NOUN);
            }
        }
    }

    /** The pronoun the text uses for this person, or null when it does not tell. */
    Pronoun of(SpeakerEntity person) {
        int sum = balance.getOrDefault(person.name().toLowerCase(Locale.ROOT), 0);
        return sum > 0 ? Pronoun.HE : sum < 0 ? Pronoun.SHE : null;
    }

    private static Pronoun of(String lowerWord) {
        return MASCULINE.contains(lowerWord) ? Pronoun.HE : FEMININE.contains(lowerWord) ? Pronoun.SHE : null;
    }

    private void add(String fullName, Pronoun pronoun, int weight) {
        if (pronoun != null) {
            balance.merge(fullName.toLowerCase(Locale.ROOT), pronoun == Pronoun.HE ? weight : -weight, Integer::sum);
        }
    }
}
