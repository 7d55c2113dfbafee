package io.quotewire.extraction;

/**
 * One non-blank line of the article. News text separates paragraphs by blank lines or single
 * newlines; both are accepted, so every non-blank line is a paragraph.
 *
 * @param index    position among the article's paragraphs, 0 = the title line
 * @param start    char index of the first non-blank character
 * @param end      char index after the last non-blank character
 * @param headline true for the title and other short lines without final punctuation (standfirsts,
 *                 crossheads), where capitalisation is unreliable and only "says"-style speech counts
 */
record Paragraph(int index, int start, int end, boolean headline) {
}
