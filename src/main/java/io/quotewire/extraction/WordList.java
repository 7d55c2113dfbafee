package io.quotewire.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A word list kept as data under {@code src/main/resources/extraction/} (see the README there for
 * where each list comes from and why words were added or removed). Lines starting with {@code #}
 * are comments; entries are compared in lower case.
 */
final class WordList {

    private final Set<String> entries;

    private WordList(Set<String> entries) {
        this.entries = Set.copyOf(entries);
    }

    static WordList load(String fileName) {
        String resource = "/extraction/" + fileName;
        try (InputStream in = WordList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing word list " + resource);
            }
            Set<String> entries = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry.toLowerCase(Locale.ROOT));
                }
            }
            return new WordList(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each entry's first word mapped to its second ("gov governor"); for lists of pairs. */
    java.util.Map<String, String> pairs() {
        java.util.Map<String, String> pairs = new java.util.HashMap<>();
        for (String entry : entries) {
            String[] words = entry.split("\\s+");
            if (words.length != 2) {
                throw new IllegalStateException("not a pair: " + entry);
            }
            pairs.put(words[0], words[1]);
        }
        return java.util.Map.copyOf(pairs);
    }

    boolean contains(String word) {
        return entries.contains(word) || entries.contains(word.toLowerCase(Locale.ROOT));
    }

    Set<String> entries() {
        return entries;
    }
}
