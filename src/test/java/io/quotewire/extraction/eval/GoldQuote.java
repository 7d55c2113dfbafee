package io.quotewire.extraction.eval;

import io.quotewire.extraction.QuoteType;

/** One annotated quote of the corpus: code point offsets, type and speaker name (null = unnamed). */
record GoldQuote(String text, int start, int end, QuoteType type, String speaker) {
}
