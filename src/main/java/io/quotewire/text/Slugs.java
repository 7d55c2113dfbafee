package io.quotewire.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Human, URL-safe names for records: "Vedant Patel" becomes {@code vedant-patel}. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 80;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** The slug of a name: accents dropped, lower case, runs of other characters turned into one hyphen. */
    public static String of(String name) {
        String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String slug = NOT_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = slug.replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }

    public static boolean isSlug(String text) {
        return text != null && text.length() <= MAX_LENGTH && text.matches(PATTERN);
    }
}
