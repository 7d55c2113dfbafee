package io.quotewire.extraction;

/**
 * A word, a punctuation mark, or a whole quotation (kind QUOTE, standing in for the quoted words so
 * that attribution patterns see "QUOTE , he said").
 */
record Token(Kind kind, String text, int start, int end, QuotedSpan quote) {

    enum Kind { WORD, PUNCT, QUOTE }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isQuote() {
        return kind == Kind.QUOTE;
    }

    boolean is(String punctuationOrWord) {
        return kind != Kind.QUOTE && text.equals(punctuationOrWord);
    }

    String lower() {
        return text.toLowerCase();
    }

    boolean isCapitalized() {
        return kind == Kind.WORD && (Character.isUpperCase(text.charAt(0)) || isNickname());
    }

    boolean isAllCaps() {
        if (kind != Kind.WORD || text.length() < 2) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return Character.isLetter(text.charAt(0));
    }

    boolean isNickname() {
        return kind == Kind.WORD && QuoteMarks.isDouble(text.charAt(0));
    }

    /** "Dar’s", "UNICEF's": a possessive names an owner, not the head of the noun phrase. */
    boolean isPossessive() {
        return kind == Kind.WORD && text.length() > 2
                && (text.endsWith("’s") || text.endsWith("'s"));
    }

    /** The word without a possessive ending. */
    String bare() {
        return isPossessive() ? text.substring(0, text.length() - 2) : text;
    }
}
