package io.quotewire.bulk;

import io.quotewire.api.problem.ProblemException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The formats an import reads, by the name the command and the API take. */
public enum ImportFormat {
    NDJSON("ndjson"),
    QUOTEBANK("quotebank"),
    QUOTEBANK_ARTICLES("quotebank-articles"),
    GDELT("gdelt"),
    CSV("csv");

    private final String wireName;

    ImportFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** A new parser for one run (the GDELT one holds an extractor, which is not shared between threads). */
    LineParser lineParser() {
        return switch (this) {
            case NDJSON -> new QuotewireNdjson();
            case QUOTEBANK -> new QuotebankQuotes();
            case QUOTEBANK_ARTICLES -> new QuotebankArticles();
            case GDELT -> new GdeltQuotations();
            case CSV -> throw new IllegalStateException("CSV is read by rows, not lines");
        };
    }

    public static String names() {
        return Arrays.stream(values()).map(ImportFormat::wireName).collect(Collectors.joining(", "));
    }

    /** The format of a name, or null when there is no such format. */
    public static ImportFormat byName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst().orElse(null);
    }

    static ImportFormat parse(String name, String field) {
        ImportFormat format = name == null ? null : byName(name);
        if (format == null) {
            throw ProblemException.invalid(field, "must be one of " + names());
        }
        return format;
    }
}
