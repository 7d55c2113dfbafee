package io.quotewire.extraction;

import java.util.List;
import java.util.Locale;

/** Page furniture that survives copy-paste ("Read more: …", "Share", bylines); never quoted speech. */
final class BoilerplateLines {

    private static final List<String> PREFIXES = List.of("read more", "read also", "also read", "related:",
            "related stories", "see also", "share", "advertisement", "click here", "subscribe", "sign up",
            "type to search", "follow us", "watch:", "listen:", "photo:", "image:", "copyright", "©");

    private static final int MAX_BYLINE_WORDS = 6;

    /** Whole words only: "Share this" is a button, "Shares in Acme fell" is news. */
    private static boolean startsWithWords(String line, String prefix) {
        return line.startsWith(prefix) && (line.length() == prefix.length()
                || !Character.isLetter(prefix.charAt(prefix.length() - 1)) || !Character.isLetter(line.charAt(prefix.length())));
    }

    boolean isBoilerplate(String text, Paragraph paragraph) {
        String line = text.substring(paragraph.start(), Math.min(paragraph.end(), paragraph.start() + 40))
                .toLowerCase(Locale.ROOT);
        for (String prefix : PREFIXES) {
            if (startsWithWords(line, prefix)) {
                return true;
            }
        }
        return line.startsWith("by ") && paragraph.headline()
                && paragraph.end() - paragraph.start() < 60
                && text.substring(paragraph.start(), paragraph.end()).split("\\s+").length <= MAX_BYLINE_WORDS;
    }
}
