package io.quotewire.extraction;

/**
 * A reference to a speaker as written at an attribution: a name ("Mr. Patel"), a pronoun ("she")
 * or a description ("the deputy spokesperson", "Scientists").
 *
 * @param kind        what sort of reference it is
 * @param text        the words as written
 * @param name        for NAME, the name without titles ("Patel"); otherwise null
 * @param role        the description around the name, or the description itself for ROLE; may be null
 * @param start       char index of the first word
 * @param indefinite  "a spokesperson", "one person": introduces someone new, never someone named earlier
 * @param uncertainName a lone capitalised word at a sentence start or in a headline, which may be a
 *                    common noun ("Police") rather than a name
 */
record Mention(Kind kind, String text, String name, String role, int start, boolean indefinite, boolean uncertainName) {

    enum Kind { NAME, PRONOUN, ROLE }

    Mention asRole() {
        return new Mention(Kind.ROLE, text, null, role == null ? text : role, start, indefinite, false);
    }
}
