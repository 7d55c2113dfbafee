package io.quotewire.source;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quotewire.api.paging.Conditions;
import io.quotewire.api.paging.KeysetPager;
import io.quotewire.api.paging.PageRequest;
import io.quotewire.api.paging.SortOrder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<Source, UUID> {

    static final List<SortOrder.Field> SORTABLE = List.of(
            new SortOrder.Field("createdAt", "createdAt", SortOrder.Kind.INSTANT),
            new SortOrder.Field("updatedAt", "updatedAt", SortOrder.Kind.INSTANT),
            new SortOrder.Field("title", "title", SortOrder.Kind.TEXT));

    public Optional<Source> findByUrl(String url) {
        return find("url", url).firstResultOptional();
    }

    /** The first stored source without a URL whose text has this digest (and so, but for a collision, this text). */
    public Optional<Source> findUrlLessByTextDigest(String digest, String text) {
        return find("url is null and textDigest = ?1 order by createdAt, id", digest).firstResultOptional()
                .filter(source -> text.equals(source.text));
    }

    public KeysetPager.Slice<Source> listSources(SourceFilter filter, SortOrder sort, PageRequest page) {
        Conditions conditions = new Conditions();
        if (filter.publisher != null) {
            conditions.add("s.publisher = :publisher", "publisher", filter.publisher);
        }
        if (filter.from() != null) {
            conditions.add("s.publishedAt >= :from", "from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("s.publishedAt < :to", "to", filter.to());
        }
        return KeysetPager.page(this, Source.class, "from Source s", "s", conditions, sort, page, s -> s.id);
    }
}
