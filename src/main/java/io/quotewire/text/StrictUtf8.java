package io.quotewire.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one UTF-8 decoder for what clients send (bodies, paths, queries): a malformed, overlong or truncated sequence
 * is an error, never a replacement character. A lenient decoder would read the overlong {@code C0 AF} as {@code /}, the
 * classic way to slip a character past a check on the bytes.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** The text the bytes encode; a {@link CharacterCodingException} when they are not well-formed UTF-8. */
    public static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes == null ? new byte[0] : bytes))
                .toString();
    }

    /** Whether the bytes are well-formed UTF-8. */
    public static boolean isWellFormed(byte[] bytes) {
        try {
            decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
