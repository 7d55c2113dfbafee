package io.quotewire.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a paragraph into sentences at . ! ? followed by a capitalised word or an opening quote,
 * skipping abbreviations (Mr., Dr., U.S.) and never splitting inside a quotation.
 */
final class SentenceSplitter {


    private final Tokenizer tokenizer = new Tokenizer();

    List<Sentence> split(String text, Paragraph paragraph, List<QuotedSpan> spans) {
        List<Sentence> sentences = new ArrayList<>();
        int sentenceStart = paragraph.start();
        int spanIndex = 0;
        int i = paragraph.start();
        int end = paragraph.end();
        while (i < end) {
            if (spanIndex < spans.size() && spans.get(spanIndex).open() == i) {
                QuotedSpan span = spans.get(spanIndex++);
                i = span.after();
                if (span.closed() && endsWithTerminal(text, span) && startsNewSentence(text, i, end)) {
                    sentences.add(sentence(text, paragraph, sentenceStart, i, spans));
                    sentenceStart = skipSpaces(text, i, end);
                }
                continue;
            }
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && startsNewSentence(text, i + 1, end)
                    && !(c == '.' && isAbbreviation(text, i, paragraph.start()))) {
                sentences.add(sentence(text, paragraph, sentenceStart, i + 1, spans));
                sentenceStart = skipSpaces(text, i + 1, end);
            }
            i++;
        }
        if (sentenceStart < end) {
            sentences.add(sentence(text, paragraph, sentenceStart, end, spans));
        }
        return sentences;
    }

    private Sentence sentence(String text, Paragraph paragraph, int start, int end, List<QuotedSpan> spans) {
        return new Sentence(start, end, paragraph, tokenizer.tokenize(text, start, end, spans));
    }

    private static boolean endsWithTerminal(String text, QuotedSpan span) {
        int last = span.close() - 1;
        while (last > span.open() && (Character.isWhitespace(text.charAt(last)) || QuoteMarks.isQuoteMark(text.charAt(last)))) {
            last--;
        }
        char c = text.charAt(last);
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    /** Whitespace, then a capital letter, a digit or an opening quotation mark. */
    private static boolean startsNewSentence(String text, int from, int end) {
        if (from >= end || !Character.isWhitespace(text.charAt(from))) {
            return false;
        }
        int next = skipSpaces(text, from, end);
        if (next >= end) {
            return false;
        }
        char c = text.charAt(next);
        return Character.isUpperCase(c) || Character.isDigit(c) || QuoteMarks.isQuoteMark(c);
    }

    private static boolean isAbbreviation(String text, int period, int paragraphStart) {
        int wordStart = period;
        while (wordStart > paragraphStart && (Character.isLetter(text.charAt(wordStart - 1)) || text.charAt(wordStart - 1) == '.')
                && period - wordStart < 12) {
            wordStart--;
        }
        String word = text.substring(wordStart, period);
        if (word.isEmpty()) {
            return false;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true; // an initial, as in "John F. Kennedy"
        }
        if (word.indexOf('.') >= 0) {
            return true; // U.S., a.m.
        }
        return WordClasses.isAbbreviation(word.toLowerCase());
    }

    private static int skipSpaces(String text, int from, int end) {
        while (from < end && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }
}
