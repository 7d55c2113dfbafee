package io.quotewire.quote;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads PostgreSQL's {@code ts_headline} output, in which every matched word of a quote stands between two marker
 * characters, back into offsets into the quote's text. PostgreSQL does the matching, so highlights agree with the
 * search (stemming, accents, phrases) exactly.
 */
final class SearchHighlights {

    static final char START = '\uE000';
    static final char STOP = '\uE001';

    private SearchHighlights() {
    }

    /** The highlights of {@code marked}, or none if it is not {@code original} with markers added. */
    static List<Highlight> read(String original, String marked) {
        if (original.indexOf(START) >= 0 || original.indexOf(STOP) >= 0) {
            return List.of();
        }
        List<Highlight> highlights = new ArrayList<>();
        StringBuilder plain = new StringBuilder(original.length());
        int codePoints = 0;
        int start = -1;
        for (int i = 0; i < marked.length(); ) {
            int c = marked.codePointAt(i);
            i += Character.charCount(c);
            if (c == START) {
                start = codePoints;
            } else if (c == STOP) {
                if (start >= 0 && codePoints > start) {
                    highlights.add(new Highlight(start, codePoints));
                }
                start = -1;
            } else {
                plain.appendCodePoint(c);
                codePoints++;
            }
        }
        return plain.toString().equals(original) ? highlights : List.of();
    }
}
