package io.quotewire.extraction;

import java.util.List;

/**
 * A sentence of a paragraph, with its tokens. Sentence boundaries inside quotations are ignored, so
 * a quotation always lies in one sentence together with its attribution.
 */
record Sentence(int start, int end, Paragraph paragraph, List<Token> tokens) {

    String text(String article) {
        return article.substring(start, end);
    }
}
