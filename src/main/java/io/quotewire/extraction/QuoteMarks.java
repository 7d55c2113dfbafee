package io.quotewire.extraction;

/**
 * Classifies quotation-mark characters. Direction is judged from the surrounding characters, not
 * the glyph, because sources mix straight and curly marks and sometimes use the wrong curly one.
 */
final class QuoteMarks {

    private QuoteMarks() {
    }

    static boolean isDouble(char c) {
        return c == '"' || c == '“' || c == '”' || c == '„' || c == '‟' || c == '«' || c == '»';
    }

    static boolean isSingle(char c) {
        return c == '\'' || c == '‘' || c == '’' || c == '‚' || c == '‛';
    }

    static boolean isQuoteMark(char c) {
        return isDouble(c) || isSingle(c);
    }

    /**
     * Whether the single mark at {@code i} can open a quotation: it follows a space, the paragraph
     * start or opening punctuation, and is followed by the quoted words. Elisions such as ’90s,
     * 'em and 'til are apostrophes.
     */
    static boolean canOpenSingle(String text, int i, int paragraphStart, int paragraphEnd) {
        if (i + 1 >= paragraphEnd) {
            return false;
        }
        if (i > paragraphStart) {
            char before = text.charAt(i - 1);
            if (!(Character.isWhitespace(before) || isOpeningPunctuation(before) || isDouble(before))) {
                return false;
            }
        }
        char after = text.charAt(i + 1);
        if (Character.isWhitespace(after)) {
            return false;
        }
        return !startsElision(text, i + 1, paragraphEnd);
    }

    /**
     * Whether the single mark at {@code i} can close a quotation: it follows a word or punctuation and
     * is not followed by a letter (which would make it an apostrophe, as in Patel’s or don’t).
     */
    static boolean canCloseSingle(String text, int i, int paragraphEnd) {
        if (i == 0 || Character.isWhitespace(text.charAt(i - 1))) {
            return false;
        }
        if (i + 1 >= paragraphEnd) {
            return true;
        }
        char after = text.charAt(i + 1);
        return !Character.isLetterOrDigit(after);
    }

    private static boolean isOpeningPunctuation(char c) {
        return c == '(' || c == '[' || c == '—' || c == '–' || c == '-' || c == '/';
    }

    /** ’90s, 'em, 'til, 'cause, 'n', 'tis: an apostrophe standing for dropped letters. */
    private static boolean startsElision(String text, int from, int paragraphEnd) {
        int wordEnd = from;
        while (wordEnd < paragraphEnd && wordEnd - from < 8 && Character.isLetterOrDigit(text.charAt(wordEnd))) {
            wordEnd++;
        }
        String word = text.substring(from, wordEnd).toLowerCase();
        if (word.length() >= 2 && Character.isDigit(word.charAt(0)) && Character.isDigit(word.charAt(1))
                && (word.length() == 2 || word.endsWith("s"))) {
            return true;
        }
        return switch (word) {
            case "em", "til", "cause", "n", "tis", "twas", "bout", "round" -> true;
            default -> false;
        };
    }
}
