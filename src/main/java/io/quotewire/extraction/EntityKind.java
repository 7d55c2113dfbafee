package io.quotewire.extraction;

/**
 * What sort of thing a name names, from its form and the word lists: the speaker of a quote is a
 * person or an organisation, and "he" or "she" refers to a person, never to a place or body.
 */
enum EntityKind {
    PERSON, ORGANISATION, PLACE, UNKNOWN;

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    /** Kind of a name as written without titles: "Ken Berg", "Harbour Town Police", "Norway", "NRMA". */
    static EntityKind of(String name) {
        if (name == null || name.isBlank()) {
            return UNKNOWN;
        }
        String[] words = WHITESPACE.split(name.strip());
        String last = words[words.length - 1];
        String bareLast = last.endsWith("’s") || last.endsWith("'s") ? last.substring(0, last.length() - 2) : last;
        if (WordClasses.isPlace(name) || words.length == 1 && WordClasses.isDemonym(name)) {
            return PLACE;
        }
        if (WordClasses.isOrganisationNoun(bareLast.toLowerCase()) || WordClasses.isMediaOutlet(name) || name.contains("&")) {
            return ORGANISATION;
        }
        if (words.length == 1) {
            return isAcronym(name) ? ORGANISATION : UNKNOWN;
        }
        for (int i = 0; i < words.length - 1; i++) {
            if (WordClasses.isDescriptiveWord(words[i]) && !WordClasses.isTitle(words[i].toLowerCase())) {
                return ORGANISATION; // "Sierra Foothills Operations": a descriptive word inside a name
            }
        }
        return PERSON;
    }

    private static boolean isAcronym(String word) {
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters += Character.isLetter(c) ? 1 : 0;
        }
        return letters >= 2;
    }
}
