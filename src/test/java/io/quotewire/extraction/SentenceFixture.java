package io.quotewire.extraction;

import java.util.ArrayList;
import java.util.List;

/** Builds the sentences of a test article the way the extractor reads them: "Title", a blank line, the body. */
final class SentenceFixture {

    private SentenceFixture() {
    }

    /** The first body sentence of an article whose body is {@code body}. */
    static Sentence bodySentence(String body) {
        return bodySentences(body).get(0);
    }

    static List<Sentence> bodySentences(String body) {
        String text = "Title\n\n" + body + "\n";
        List<Sentence> sentences = new ArrayList<>();
        QuotedSpanScanner scanner = new QuotedSpanScanner();
        SentenceSplitter splitter = new SentenceSplitter();
        for (Paragraph paragraph : new ParagraphSplitter().split(text)) {
            if (paragraph.index() > 0) {
                sentences.addAll(splitter.split(text, paragraph, scanner.scan(text, paragraph)));
            }
        }
        return sentences;
    }

    /** Index of the first token written {@code word}. */
    static int indexOf(Sentence sentence, String word) {
        List<Token> tokens = sentence.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is(word)) {
                return i;
            }
        }
        throw new AssertionError("no token '" + word + "' in " + tokens);
    }
}
