package io.quotewire.quotable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Quotable's search {@code query} turned into PostgreSQL web-search syntax: a query wrapped in quotes is an exact
 * phrase; otherwise its words, with Quotable's operators AND (implied), OR and NOT. Field prefixes
 * ({@code content:}, {@code author:}, {@code tags:}) are dropped and the words searched in the quote text.
 * Punctuation is dropped, so nothing of the query is ever syntax to the database.
 */
final class SearchQuery {

    /** Quotable's limit on the length of a query, after its punctuation is dropped. */
    static final int MAX_LENGTH = 150;
    private static final int MAX_OPERATORS = 5;
    private static final Pattern PHRASE = Pattern.compile("^(\"(.+)\"|'(.+)')$", Pattern.DOTALL);
    private static final Pattern FIELD_PREFIX = Pattern.compile("(?i)\\b(content|author|tags):");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\s]+");

    private SearchQuery() {
    }

    /** The web-search text of {@code query}, or null when nothing searchable is left. */
    static String toWebSearch(String query) {
        if (query == null) {
            return null;
        }
        var phrase = PHRASE.matcher(query.strip());
        if (phrase.matches()) {
            String words = words(phrase.group(2) != null ? phrase.group(2) : phrase.group(3));
            checkLength(words);
            return words.isEmpty() ? null : "\"" + words + "\"";
        }
        String words = words(FIELD_PREFIX.matcher(query).replaceAll(" "));
        checkLength(words);
        List<String> terms = new ArrayList<>();
        int operators = 0;
        boolean negateNext = false;
        for (String word : words.split("\\s+")) {
            switch (word) {
                case "" -> {
                }
                case "AND" -> operators++;
                case "OR" -> {
                    operators++;
                    if (!terms.isEmpty()) {
                        terms.add("or");
                    }
                }
                case "NOT" -> {
                    operators++;
                    negateNext = true;
                }
                default -> {
                    if (word.equalsIgnoreCase("or")) {
                        continue; // a stop word to Quotable, but the OR operator to web-search syntax
                    }
                    terms.add((negateNext ? "-" : "") + word.toLowerCase(Locale.ROOT));
                    negateNext = false;
                }
            }
        }
        if (operators > MAX_OPERATORS) {
            throw new QuotableException(400, "Query exceeded maximum length. See documentation for limits");
        }
        while (!terms.isEmpty() && terms.get(terms.size() - 1).equals("or")) {
            terms.remove(terms.size() - 1);
        }
        return terms.isEmpty() ? null : String.join(" ", terms);
    }

    private static String words(String text) {
        return NOT_A_WORD.matcher(text).replaceAll(" ").strip().replaceAll("\\s+", " ");
    }

    private static void checkLength(String words) {
        if (words.length() > MAX_LENGTH) {
            throw new QuotableException(400, "Query exceeded maximum length. See documentation for limits");
        }
    }
}
