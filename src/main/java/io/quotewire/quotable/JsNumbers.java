package io.quotewire.quotable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers in query strings read the way Quotable's JavaScript read them, so that a client that worked against
 * Quotable gets the same answer here: {@code parseInt} takes the leading digits ("12abc" is 12, "abc" no number),
 * {@code Number} the whole text ("1e2" is 100, "12abc" no number).
 */
final class JsNumbers {

    private static final Pattern LEADING_INTEGER = Pattern.compile("^\\s*([+-]?\\d+)");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private JsNumbers() {
    }

    /** parseInt(text), or {@code otherwise} when it gives NaN; saturated to the range of a long. */
    static long parseInt(String text, long otherwise) {
        if (text == null) {
            return otherwise;
        }
        Matcher digits = LEADING_INTEGER.matcher(text);
        if (!digits.find()) {
            return otherwise;
        }
        String number = digits.group(1);
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException tooLong) {
            return number.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** {@code Number(text) || otherwise}: the whole text as a decimal number, else (or when 0) {@code otherwise}. */
    static double numberOr(String text, double otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        String trimmed = text.strip();
        if (!DECIMAL.matcher(trimmed).matches()) {
            return otherwise;
        }
        double value = Double.parseDouble(trimmed);
        return value == 0 || Double.isNaN(value) ? otherwise : value;
    }
}
