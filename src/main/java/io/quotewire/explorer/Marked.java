package io.quotewire.explorer;

import io.quotewire.quote.Highlight;
import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into runs, each marked or not, for a template to print (escaped) with {@code <mark>} around the marked
 * ones. Offsets are code points, as the API gives them.
 */
public record Marked(List<Run> runs) {

    /** A stretch of text; {@code marked} when it is a hit. */
    public record Run(String text, boolean marked) {
    }

    /** {@code text} with the code-point spans of {@code highlights} (sorted, not overlapping) marked. */
    public static Marked of(String text, List<Highlight> highlights) {
        List<Run> runs = new ArrayList<>();
        int codePoints = text.codePointCount(0, text.length());
        int done = 0;
        for (Highlight highlight : highlights == null ? List.<Highlight>of() : highlights) {
            int start = Math.max(done, Math.min(highlight.start(), codePoints));
            int end = Math.max(start, Math.min(highlight.end(), codePoints));
            add(runs, slice(text, done, start), false);
            add(runs, slice(text, start, end), true);
            done = end;
        }
        add(runs, slice(text, done, codePoints), false);
        return new Marked(List.copyOf(runs));
    }

    /** The text between two code-point offsets. */
    static String slice(String text, int start, int end) {
        return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
    }

    private static void add(List<Run> runs, String text, boolean marked) {
        if (!text.isEmpty()) {
            runs.add(new Run(text, marked));
        }
    }
}
