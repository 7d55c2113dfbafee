package io.quotewire.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a UTF-8 stream, each at most {@code maxBytes} long: a longer line is reported (and its bytes skipped
 * up to the next newline) instead of being held, so one endless line cannot exhaust memory. A line that is not
 * UTF-8 is reported too. Lines end with LF (a CR before it is dropped).
 */
final class BoundedLines {

    /** One line: its number (from 1) and its text, or why it has none. */
    record Line(long number, String text, String problem) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[8192];
    private long number;

    BoundedLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                break;
            }
            any = true;
            int newline = indexOfNewline();
            int end = newline < 0 ? limit : newline;
            int n = end - position;
            if (!tooLong) {
                if (length + n > maxBytes) {
                    tooLong = true;
                } else {
                    if (length + n > line.length) {
                        line = Arrays.copyOf(line, Math.min(maxBytes, Math.max(line.length * 2, length + n)));
                    }
                    System.arraycopy(chunk, position, line, length, n);
                    length += n;
                }
            }
            if (newline >= 0) {
                position = newline + 1;
                break;
            }
            position = limit;
        }
        if (!any) {
            return null;
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "the line is longer than " + maxBytes + " bytes");
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            return new Line(number, decoder.decode(ByteBuffer.wrap(line, 0, length)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "the line is not UTF-8");
        }
    }

    /** Skips a line without decoding it (lines a resumed import has already done); false at the end. */
    boolean skip() throws IOException {
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                break;
            }
            any = true;
            int newline = indexOfNewline();
            if (newline >= 0) {
                position = newline + 1;
                break;
            }
            position = limit;
        }
        if (any) {
            number++;
        }
        return any;
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk, 0, chunk.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
