package io.quotewire.bulk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

/**
 * Ids derived from what a record is, so that importing the same line twice, or again after a killed run, names the
 * same records. The same function is {@code md5(text)::uuid} in PostgreSQL, which the merge uses for appearances.
 */
final class Ids {

    private Ids() {
    }

    /** The key of a speaker: its Wikidata id when it has one, else its name in lower case. */
    static String speakerKey(String name, String wikidataId) {
        return wikidataId != null ? "wikidata:" + wikidataId : "name:" + name.toLowerCase(Locale.ROOT);
    }

    static UUID speaker(String key) {
        return of("speaker|" + key);
    }

    static UUID source(String url) {
        return of("source|" + url);
    }

    static UUID quote(String speakerKey, String text) {
        return of("quote|" + (speakerKey == null ? "" : speakerKey) + "|" + text);
    }

    static UUID tag(String slug) {
        return of("tag|" + slug);
    }

    /** The 128 bits of the MD5 of the text's UTF-8, as PostgreSQL's {@code md5(text)::uuid} reads them. */
    static UUID of(String text) {
        try {
            ByteBuffer digest = ByteBuffer.wrap(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
            return new UUID(digest.getLong(), digest.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }
}
