package io.quotewire.text;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Human, URL-safe names for records: "Vedant Patel" becomes {@code vedant-patel}, and names in any script are
 * transliterated first ("Владимир Путин" becomes {@code vladimir-putin}, "习近平" {@code xi-jin-ping}). Only new
 * records get a slug from here; a stored slug is never recomputed.
 */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 80;
    /** ICU's rules: any script to Latin, then Latin letters to ASCII (ß to ss, Ł to L, accents dropped). */
    static final String TRANSLITERATION = "Any-Latin; Latin-ASCII";
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");
    /** A Transliterator is not safe for concurrent use; building one compiles its rules, so each thread keeps its own. */
    private static final ThreadLocal<Transliterator> TO_ASCII = ThreadLocal.withInitial(() -> Transliterator.getInstance(TRANSLITERATION));

    private Slugs() {
    }

    /** The slug of a name: transliterated to ASCII, lower case, runs of other characters turned into one hyphen. */
    public static String of(String name) {
        // ASCII is left as it is by both transliterations, which cost tens of microseconds even then (a bulk import
        // makes a slug for every speaker of every line)
        String ascii = isAscii(name) ? name : TO_ASCII.get().transliterate(name);
        String slug = NOT_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = EDGE_HYPHENS.matcher(slug).replaceAll("");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The slug as it would be without the ASCII shortcut, for the test that they agree. */
    static String ofTransliterated(String name) {
        String slug = NOT_ALPHANUMERIC.matcher(TO_ASCII.get().transliterate(name).toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = EDGE_HYPHENS.matcher(slug).replaceAll("");
        return slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH).replaceAll("-+$", "") : slug;
    }

    public static boolean isSlug(String text) {
        return text != null && text.length() <= MAX_LENGTH && text.matches(PATTERN);
    }
}
