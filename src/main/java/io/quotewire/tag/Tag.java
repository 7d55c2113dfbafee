package io.quotewire.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** A topic label on quotes, addressed by its slug. */
@Entity
@Table(name = "tag")
public class Tag {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    /** Kept by a database trigger on quote_tag; read-only here. */
    @Column(name = "quote_count", insertable = false, updatable = false)
    public int quoteCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @PrePersist
    void stampCreation() {
        createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
