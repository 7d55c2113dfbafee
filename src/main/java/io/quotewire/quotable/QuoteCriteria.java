package io.quotewire.quotable;

import io.quotewire.text.Slugs;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The quote filters of Quotable: {@code author} (names or slugs, {@code |}-separated), {@code authorId}
 * (deprecated in Quotable, still sent by old clients), {@code tags} ({@code ,} all of, {@code |} any of; names or
 * slugs), {@code minLength} and {@code maxLength} (JavaScript lengths), and for random picks a search {@code query}.
 * Values are data: they are compared, never interpreted as patterns.
 */
record QuoteCriteria(List<String> authorSlugs, List<UUID> authorIds, List<String> allTags, List<String> anyTags,
        Integer minLength, Integer maxLength, String search) {

    /** Quotable's default upper bound once either length bound is given. */
    private static final double DEFAULT_MAX_LENGTH = 10_000;

    static final QuoteCriteria NONE = new QuoteCriteria(null, null, null, null, null, null, null);

    static QuoteCriteria of(String author, String authorId, String tags, String minLength, String maxLength, String search) {
        List<String> slugs = null;
        List<UUID> ids = null;
        if (author != null && !author.isEmpty()) {
            if (author.contains(",")) {
                throw new QuotableException(400, "Multiple authors should be separated by a pipe.");
            }
            slugs = Arrays.stream(author.split("\\|", -1)).map(Slugs::of).toList();
        } else if (authorId != null && !authorId.isEmpty()) {
            // an id that is no UUID names no speaker: it matches nothing, as an unknown id did in Quotable
            ids = Arrays.stream(authorId.split("\\|", -1)).map(QuoteCriteria::uuidOrNull).filter(id -> id != null).toList();
        }
        List<String> all = null;
        List<String> any = null;
        if (tags != null && !tags.isEmpty()) {
            if (tags.contains("|")) {
                any = Arrays.stream(tags.split("\\|", -1)).map(Slugs::of).toList();
            } else {
                all = Arrays.stream(tags.split(",", -1)).map(Slugs::of).distinct().toList();
            }
        }
        Integer min = null;
        Integer max = null;
        if (isGiven(minLength) || isGiven(maxLength)) {
            min = saturated(Math.ceil(JsNumbers.numberOr(minLength, 0)));
            max = saturated(Math.floor(JsNumbers.numberOr(maxLength, DEFAULT_MAX_LENGTH)));
        }
        return new QuoteCriteria(slugs, ids, all, any, min, max, search);
    }

    boolean isEmpty() {
        return equals(NONE);
    }

    private static boolean isGiven(String value) {
        return value != null && !value.isEmpty();
    }

    private static Integer saturated(double value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
