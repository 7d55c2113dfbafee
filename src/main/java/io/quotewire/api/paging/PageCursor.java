package io.quotewire.api.paging;

import io.quotewire.api.problem.ProblemException;
import io.quotewire.text.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Opaque keyset cursor: the sort values and id of the last record of a page, bound to the filters and sort it
 * was made for. A checksum makes an edited or made-up cursor fail loudly instead of silently paging from an
 * arbitrary position; it holds nothing secret, so no key is needed and every instance reads every cursor.
 */
public final class PageCursor {

    private static final String VERSION = "c1";
    private static final char SEPARATOR = '\n';
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PageCursor() {
    }

    /** The position after which the next page starts. */
    public record Position(List<String> sortValues, UUID lastId) {
    }

    public static String encode(String fingerprint, Position position) {
        List<String> parts = new ArrayList<>();
        parts.add(VERSION);
        parts.add(fingerprint);
        position.sortValues().forEach(value -> parts.add(ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        parts.add(position.lastId().toString());
        String payload = String.join(String.valueOf(SEPARATOR), parts);
        return ENCODER.encodeToString((payload + SEPARATOR + checksum(payload)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor made by {@link #encode} for the same fingerprint.
     *
     * @throws ProblemException a 400 naming the cursor when it is malformed, edited or made for other filters
     */
    public static Position decode(String cursor, String fingerprint, int sortValueCount) {
        String text;
        try {
            text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("is not a valid cursor");
        }
        int lastSeparator = text.lastIndexOf(SEPARATOR);
        if (lastSeparator < 0) {
            throw invalid("is not a valid cursor");
        }
        String payload = text.substring(0, lastSeparator);
        if (!MessageDigest.isEqual(checksum(payload).getBytes(StandardCharsets.UTF_8),
                text.substring(lastSeparator + 1).getBytes(StandardCharsets.UTF_8))) {
            throw invalid("is not a valid cursor");
        }
        String[] parts = payload.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != sortValueCount + 3 || !VERSION.equals(parts[0])) {
            throw invalid("is not a valid cursor");
        }
        if (!fingerprint.equals(parts[1])) {
            throw invalid("was made for other filters or another sort; start again without a cursor");
        }
        List<String> values = new ArrayList<>();
        try {
            for (int i = 0; i < sortValueCount; i++) {
                values.add(new String(DECODER.decode(parts[2 + i]), StandardCharsets.UTF_8));
            }
            return new Position(values, UUID.fromString(parts[parts.length - 1]));
        } catch (IllegalArgumentException e) {
            throw invalid("is not a valid cursor");
        }
    }

    /** A short digest of the filters and sort a list was asked with; a cursor is only valid for the same one. */
    public static String fingerprint(String canonicalQuery) {
        return checksum(canonicalQuery).substring(0, 16);
    }

    private static ProblemException invalid(String message) {
        return ProblemException.invalid("cursor", message);
    }

    private static String checksum(String text) {
        return Sha256.shortHex(("quotewire-cursor:" + text).getBytes(StandardCharsets.UTF_8));
    }
}
