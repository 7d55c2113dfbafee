package io.quotewire.ingest;

import io.quotewire.api.problem.ProblemException;
import io.quotewire.source.Source;
import io.quotewire.text.NormalizedText;

/**
 * An article's text as it is extracted from and stored: NFC-normalised (so quote offsets point into exactly the
 * stored characters), not blank, and free of what no article holds and PostgreSQL cannot store (NUL and other
 * control characters, unpaired surrogates).
 *
 * @param text   the normalised text
 * @param digest SHA-256 of the text, hex, as {@link Source#textDigest} stores it
 */
record ArticleText(String text, String digest) {

    static final int MAX_TITLE_CODE_POINTS = 500;

    /** The checked article text, or a 400 naming the field {@code text}. */
    static ArticleText of(String raw) {
        String text = NormalizedText.nfc(raw == null ? "" : raw);
        if (text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw ProblemException.invalid("text", "must not be blank");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                throw ProblemException.invalid("text", "holds a control character (U+" + String.format("%04X", (int) c) + ") at index " + i
                        + "; binary data is not an article");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ProblemException.invalid("text", "holds an unpaired surrogate at index " + i);
            }
        }
        return new ArticleText(text, Source.digestOf(text));
    }

    /** What makes an ingested article the same article: its URL, or without one its text. */
    String identity(String url) {
        return url != null ? "url:" + url : "sha256:" + digest;
    }

    /** The first non-blank line, the headline in the usual layout, cut to the longest title a source takes. */
    String firstLine() {
        String line = text.strip().lines().findFirst().orElse("").strip();
        if (line.codePointCount(0, line.length()) <= MAX_TITLE_CODE_POINTS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_TITLE_CODE_POINTS - 1)).strip() + "…";
    }
}
