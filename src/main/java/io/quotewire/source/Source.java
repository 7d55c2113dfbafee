package io.quotewire.source;

import io.quotewire.persistence.TrackedEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
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
}
