package io.quotewire.speaker;

import io.quotewire.persistence.TrackedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person or organisation that quotes are attributed to. */
@Entity
@Table(name = "speaker")
public class Speaker extends TrackedEntity {

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> aliases = new ArrayList<>();

    public String role;

    public String organization;

    public String description;

    @Column(name = "wikidata_id")
    public String wikidataId;

    /** Kept by a database trigger on the quote table; read-only here. */
    @Column(name = "quote_count", insertable = false, updatable = false)
    public int quoteCount;
}
