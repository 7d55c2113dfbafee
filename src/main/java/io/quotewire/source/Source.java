package io.quotewire.source;

import io.quotewire.persistence.TrackedEntity;
import io.quotewire.text.Sha256;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Where something was said: an article, briefing, speech ... with its full text as the quotes' provenance. */
@Entity
@Table(name = "source")
public class Source extends TrackedEntity {

    @Column(nullable = false)
    public SourceKind kind;

    @Column(nullable = false)
    public String title;

    public String url;

    public String publisher;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> authors = new ArrayList<>();

    @Column(name = "published_at")
    public Instant publishedAt;

    public String language;

    @Basic(fetch = FetchType.LAZY)
    public String text;

    /** SHA-256 of the text (hex), kept with it: how an article ingested again without a URL is recognised. */
    @Column(name = "text_digest")
    public String textDigest;

    @PrePersist
    @PreUpdate
    void digestText() {
        textDigest = digestOf(text);
    }

    /** The digest stored for a (NFC) text, or null for no text. */
    public static String digestOf(String text) {
        return text == null ? null : Sha256.hex(text);
    }
}
