package io.quotewire.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import io.quotewire.text.NormalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed, bounded reads of the fields of one JSON line; every refusal names the field. */
final class JsonFields {

    static final int MAX_QUOTE = 10_000;
    static final int MAX_NAME = 200;
    static final int MAX_TITLE = 500;
    static final int MAX_URL = 2000;
    static final int MAX_CONTEXT = 5000;
    static final int MAX_SOURCE_TEXT = 1_000_000;
    private static final Pattern URL = Pattern.compile("^https?://\\S+$");
    private static final Pattern QID = Pattern.compile("^Q[1-9][0-9]{0,11}$");
    private static final Pattern COMPACT = Pattern.compile("\\d{14}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DAY_AND_TIME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})");
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /**
     * A host name as most URLs have it (labels of letters, digits and inner hyphens, the last starting with a letter, as
     * java.net.URI reads a server name), up to the port, path, query or fragment; other URLs go through java.net.URI.
     */
    private static final Pattern PLAIN_HOST = Pattern.compile(
            "^https?://((?:[A-Za-z0-9](?:-*+[A-Za-z0-9])*+\\.)*[A-Za-z](?:-*+[A-Za-z0-9])*+)(?:[:/?#].*)?$", Pattern.DOTALL);

    private JsonFields() {
    }

    /** The text of a field, NFC and trimmed; null when absent, null or blank. */
    static String text(JsonNode node, String field, int max) throws BadRecord {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRecord(field + " must be a string");
        }
        return checked(value.asText(), field, max);
    }

    static String checked(String raw, String field, int max) throws BadRecord {
        if (raw == null) {
            return null;
        }
        if (raw.indexOf('\0') >= 0) {
            throw new BadRecord(field + " holds a NUL character");
        }
        String text = NormalizedText.nfcTrimmed(raw);
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.length() > max) {
            throw new BadRecord(field + " is longer than " + max + " characters");
        }
        return text;
    }

    /** The text of a field exactly as written (a lossless import keeps what was exported); null when absent or null. */
    static String verbatim(JsonNode node, String field, int max) throws BadRecord {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRecord(field + " must be a string");
        }
        String text = value.asText();
        if (text.indexOf('\0') >= 0) {
            throw new BadRecord(field + " holds a NUL character");
        }
        if (text.length() > max) {
            throw new BadRecord(field + " is longer than " + max + " characters");
        }
        return text;
    }

    static String verbatimRequired(JsonNode node, String field, int max) throws BadRecord {
        String text = verbatim(node, field, max);
        if (text == null || text.isBlank()) {
            throw new BadRecord(field + " is missing or empty");
        }
        return text;
    }

    static List<String> verbatimStrings(JsonNode node, String field, int max) throws BadRecord {
        JsonNode value = node.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            throw new BadRecord(field + " must be an array of strings");
        }
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().indexOf('\0') >= 0 || item.asText().length() > max) {
                throw new BadRecord(field + " must be an array of strings of at most " + max + " characters");
            }
            out.add(item.asText());
        }
        return out;
    }

    /** A UUID written in its canonical 36-character form; null for null text. */
    static UUID uuid(String text, String field) throws BadRecord {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BadRecord(field + " is not a UUID");
        }
    }

    static String required(JsonNode node, String field, int max) throws BadRecord {
        String text = text(node, field, max);
        if (text == null) {
            throw new BadRecord(field + " is missing or empty");
        }
        return text;
    }

    static String url(String url, String field) throws BadRecord {
        if (url != null && (url.length() > MAX_URL || !URL.matcher(url).matches())) {
            throw new BadRecord(field + " is not an http or https URL of at most " + MAX_URL + " characters");
        }
        return url;
    }

    static String wikidataId(String qid, String field) throws BadRecord {
        if (qid != null && !QID.matcher(qid).matches()) {
            throw new BadRecord(field + " is not a Wikidata id such as Q42");
        }
        return qid;
    }

    static List<String> strings(JsonNode node, String field, int max) throws BadRecord {
        JsonNode value = node.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            throw new BadRecord(field + " must be an array of strings");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new BadRecord(field + " must be an array of strings");
            }
            String text = checked(item.asText(), field, max);
            if (text != null) {
                out.add(text);
            }
        }
        return out;
    }

    static Integer integer(JsonNode node, String field) throws BadRecord {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            throw new BadRecord(field + " must be a whole number from 0");
        }
        return value.asInt();
    }

    static long version(JsonNode node) throws BadRecord {
        JsonNode value = node.get("version");
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new BadRecord("version must be a whole number from 0");
        }
        return value.asLong();
    }

    static Double probability(JsonNode value, String field) throws BadRecord {
        if (value == null || value.isNull()) {
            return null;
        }
        double p;
        if (value.isNumber()) {
            p = value.asDouble();
        } else if (value.isTextual()) {
            try {
                p = Double.parseDouble(value.asText().strip());
            } catch (NumberFormatException e) {
                throw new BadRecord(field + " is not a number");
            }
        } else {
            throw new BadRecord(field + " is not a number");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new BadRecord(field + " must be between 0 and 1");
        }
        return p;
    }

    static Instant instant(JsonNode node, String field) throws BadRecord {
        String text = text(node, field, 40);
        if (text == null) {
            return null;
        }
        try {
            return checkedYear(Instant.parse(text), field);
        } catch (DateTimeParseException e) {
            throw new BadRecord(field + " is not an RFC 3339 instant such as 2024-06-27T14:05:00Z");
        }
    }

    static LocalDate date(JsonNode node, String field) throws BadRecord {
        String text = text(node, field, 10);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            checkedYear(date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), field);
            return date;
        } catch (DateTimeParseException e) {
            throw new BadRecord(field + " is not a date such as 2024-06-27");
        }
    }

    /**
     * A date and time as Quotebank and GDELT write it: {@code 2020-01-28 08:04:05}, {@code 2020-01-28T08:04:05Z},
     * {@code 20200128080405} or just a date; read as UTC.
     */
    static Instant looseInstant(JsonNode node, String field) throws BadRecord {
        String text = text(node, field, 40);
        if (text == null) {
            return null;
        }
        try {
            Matcher dayAndTime = DAY_AND_TIME.matcher(text);
            if (dayAndTime.matches()) {
                // Quotebank's own form, on every line of a file: read without a formatter
                return checkedYear(java.time.LocalDateTime.of(Integer.parseInt(dayAndTime.group(1)), Integer.parseInt(dayAndTime.group(2)),
                        Integer.parseInt(dayAndTime.group(3)), Integer.parseInt(dayAndTime.group(4)), Integer.parseInt(dayAndTime.group(5)),
                        Integer.parseInt(dayAndTime.group(6))).toInstant(java.time.ZoneOffset.UTC), field);
            }
            if (COMPACT.matcher(text).matches()) {
                text = text.substring(0, 4) + "-" + text.substring(4, 6) + "-" + text.substring(6, 8) + "T" + text.substring(8, 10) + ":"
                        + text.substring(10, 12) + ":" + text.substring(12, 14) + "Z";
            } else if (DAY.matcher(text).matches()) {
                text = text + "T00:00:00Z";
            }
            return checkedYear(Instant.parse(text.replace(' ', 'T')), field);
        } catch (java.time.DateTimeException e) { // a parse failure, or a month 13 read without a formatter
            throw new BadRecord(field + " is not a date and time such as 2020-01-28 08:04:05");
        }
    }

    private static Instant checkedYear(Instant instant, String field) throws BadRecord {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new BadRecord(field + " must have a four-digit year");
        }
        return instant;
    }

    /** The host of a URL, as the publisher of a source known only by its URL. */
    static String host(String url) {
        Matcher plain = PLAIN_HOST.matcher(url);
        if (plain.matches()) {
            String host = plain.group(1);
            return host.startsWith("www.") ? host.substring(4) : host;
        }
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
