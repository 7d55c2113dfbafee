package io.quotewire.api.params;

import io.quotewire.api.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Parsing of path and query values that JAX-RS would otherwise reject with a bare 404: each failure is a 400
 * problem naming the parameter.
 */
public final class QueryValues {

    private static final Pattern CALENDAR_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private QueryValues() {
    }

    public static UUID uuid(String value, String field) {
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID such as 0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e5f");
        }
    }

    public static boolean looksLikeUuid(String value) {
        return value != null && value.length() == 36 && value.charAt(8) == '-';
    }

    /**
     * An optional whole-number parameter within bounds. Numbers arrive as text so that a malformed one is a 400
     * naming the parameter, not the bare 404 that JAX-RS prescribes for a failed conversion.
     */
    public static Integer integer(String value, String field, int min, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a whole number");
        }
        if (number < min) {
            throw ProblemException.invalid(field, "must be at least " + min);
        }
        if (number > max) {
            throw ProblemException.invalid(field, "must be at most " + max);
        }
        return (int) number;
    }

    /** An optional true/false parameter; anything else is a 400 rather than a silent false. */
    public static boolean bool(String value, String field) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.invalid(field, "must be true or false");
    }

    /** An optional calendar date, RFC 3339's {@code YYYY-MM-DD}: Java would also take a signed year no database holds. */
    public static LocalDate date(String value, String field) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!CALENDAR_DATE.matcher(value).matches()) {
            throw ProblemException.invalid(field, "must be a calendar date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a calendar date YYYY-MM-DD");
        }
    }

    /** The first instant of a UTC day, for inclusive lower bounds. */
    public static Instant startOfDay(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after a UTC day, for exclusive upper bounds that still include the whole day. */
    public static Instant endOfDay(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static void requireOrdered(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
    }
}
