package io.quotewire.appearance;

import io.quotewire.source.Source;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One place a quote was reported: a source, where in its text, and when. A quote's first appearance has the quote's
 * own id and mirrors its source, offsets and context (kept by the database's triggers, see V26); further ones come
 * from ingesting another article that repeats the quote, or from a bulk import.
 */
@Entity
@Table(name = "quote_appearance")
public class Appearance {

    @Id
    public UUID id;

    @Column(name = "quote_id", nullable = false)
    public UUID quoteId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id", nullable = false)
    public Source source;

    @Column(name = "start_offset")
    public Integer startOffset;

    @Column(name = "end_offset")
    public Integer endOffset;

    public String context;

    @Column(name = "seen_on")
    public LocalDate seenOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * The id of the quote's appearance in a source other than its own: derived from both, so the same appearance
     * gets the same id however and however often it is recorded (a bulk import run twice, or resumed, adds nothing).
     */
    public static UUID idOf(UUID quoteId, UUID sourceId) {
        // the bits of md5(text), as PostgreSQL's md5(text)::uuid reads them: bulk import derives the same id in SQL
        try {
            ByteBuffer digest = ByteBuffer.wrap(MessageDigest.getInstance("MD5").digest(("appearance|" + quoteId + "|" + sourceId).getBytes(StandardCharsets.UTF_8)));
            return new UUID(digest.getLong(), digest.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }
}
