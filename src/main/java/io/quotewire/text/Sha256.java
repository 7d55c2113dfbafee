package io.quotewire.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one digest of the service: SHA-256, of text as UTF-8 or of bytes. API keys are stored as it, source texts are
 * recognised by it, ETags, cursors and idempotent requests are checked with it.
 */
public final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();
    /** 128 bits: enough to tell representations and cursors apart, short enough for a header or a URL. */
    private static final int SHORT_BYTES = 16;

    private Sha256() {
    }

    /** The digest of the parts, one after the other. */
    public static byte[] of(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** The digest of the text's UTF-8 bytes. */
    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of the text, as 64 lower-case hex digits. */
    public static String hex(String text) {
        return HEX.formatHex(of(text));
    }

    /** The digest of the parts, as 64 lower-case hex digits. */
    public static String hex(byte[]... parts) {
        return HEX.formatHex(of(parts));
    }

    /** The first 128 bits of the digest of the parts, as 32 lower-case hex digits. */
    public static String shortHex(byte[]... parts) {
        return HEX.formatHex(of(parts), 0, SHORT_BYTES);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
