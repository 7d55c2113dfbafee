package io.quotewire.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    /** How PostgreSQL writes a timestamptz as text with the time zone UTC: microseconds, trailing zeros left out. */
    private static String postgresText(Instant instant) {
        String text = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC).format(instant).replaceAll("0+$", "");
        return (text.endsWith(".") ? text.substring(0, text.length() - 1) : text) + "+00";
    }

    @Test
    void anInstantReadAsTextIsWrittenAsInstantWritesIt() {
        for (String iso : new String[] {"2021-05-01T10:00:00Z", "2021-05-01T10:00:00.100Z", "2021-05-01T10:00:00.120Z", "2021-05-01T10:00:00.123Z",
            "2021-05-01T10:00:00.123400Z", "2021-05-01T10:00:00.000001Z", "1999-12-31T23:59:59.999999Z", "1000-01-01T00:00:00Z"}) {
            Instant instant = Instant.parse(iso);
            assertEquals(instant.toString(), ReadAhead.instant(postgresText(instant)), postgresText(instant));
        }
    }

    @Test
    void nullStaysNullAndAnInstantNotInUtcIsRefused() {
        assertNull(ReadAhead.instant(null));
        assertThrows(IllegalStateException.class, () -> ReadAhead.instant("2021-05-01 12:00:00+02"));
    }
}
