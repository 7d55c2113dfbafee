package io.quotewire.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a sentence into words and punctuation, replacing each quotation by one QUOTE token.
 * Words keep inner apostrophes and hyphens (O'Neill, Dar’s, Lloyd-Evans) and abbreviation periods
 * (Dr., U.S.); a nickname in marks inside a name (Thomas “Tommy” Reyes) is one word.
 */
final class Tokenizer {

    List<Token> tokenize(String text, int start, int end, List<QuotedSpan> spans) {
        List<Token> tokens = new ArrayList<>();
        int spanIndex = firstSpanAtOrAfter(spans, start);
        int i = start;
        while (i < end) {
            if (spanIndex < spans.size() && spans.get(spanIndex).open() == i) {
                QuotedSpan span = spans.get(spanIndex++);
                int after = Math.min(span.after(), end);
                tokens.add(new Token(Token.Kind.QUOTE, text.substring(span.contentStart(), span.contentEnd()), i, after, span));
                i = after;
                continue;
            }
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetterOrDigit(c) || startsAmount(text, i, end)) {
                int wordEnd = wordEnd(text, Character.isLetterOrDigit(c) ? i : i + 1, end);
                tokens.add(new Token(Token.Kind.WORD, text.substring(i, wordEnd), i, wordEnd, null));
                i = wordEnd;
            } else if (QuoteMarks.isDouble(c) && nicknameEnd(text, i, end) > 0) {
                int nicknameEnd = nicknameEnd(text, i, end);
                tokens.add(new Token(Token.Kind.WORD, text.substring(i, nicknameEnd), i, nicknameEnd, null));
                i = nicknameEnd;
            } else {
                int punctEnd = i + 1;
                if (c == '-' || c == '.') {
                    while (punctEnd < end && text.charAt(punctEnd) == c) {
                        punctEnd++;
                    }
                }
                tokens.add(new Token(Token.Kind.PUNCT, text.substring(i, punctEnd), i, punctEnd, null));
                i = punctEnd;
            }
        }
        return tokens;
    }

    /** "£8,000", "$30": a currency sign before a number is part of the word, which may start a clause. */
    private static boolean startsAmount(String text, int i, int end) {
        return Character.getType(text.charAt(i)) == Character.CURRENCY_SYMBOL && i + 1 < end
                && Character.isDigit(text.charAt(i + 1));
    }

    private static int firstSpanAtOrAfter(List<QuotedSpan> spans, int position) {
        int low = 0;
        int high = spans.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (spans.get(mid).open() < position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int wordEnd(String text, int start, int end) {
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                i++;
            } else if ((c == '\'' || c == '’' || c == '-' || c == '.' || c == ',' || c == '&')
                    && i + 1 < end && Character.isLetterOrDigit(text.charAt(i + 1))
                    && (c != ',' || Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1)))) {
                i++;
            } else {
                break;
            }
        }
        if (i < end && text.charAt(i) == '.' && isAbbreviationWord(text, start, i)) {
            i++;
        }
        return i;
    }

    /** Initials (F.), dotted forms (U.S.) and titles (Dr., Mr., Sen.) keep their period. */
    private static boolean isAbbreviationWord(String text, int start, int period) {
        String word = text.substring(start, period);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        if (word.indexOf('.') > 0) {
            return true;
        }
        return WordClasses.isAbbreviation(word.toLowerCase());
    }

    private static int nicknameEnd(String text, int open, int end) {
        int limit = Math.min(end, open + 26);
        for (int i = open + 1; i < limit; i++) {
            if (QuoteMarks.isDouble(text.charAt(i))) {
                return QuotedSpanScanner.isNickname(text, open, i) ? i + 1 : -1;
            }
        }
        return -1;
    }
}
