package io.quotewire.tag;

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
public class TagRepository implements PanacheRepositoryBase<Tag, UUID> {

    static final List<SortOrder.Field> SORTABLE = List.of(
            new SortOrder.Field("slug", "slug", SortOrder.Kind.TEXT),
            new SortOrder.Field("quoteCount", "quoteCount", SortOrder.Kind.INTEGER));

    public Optional<Tag> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public KeysetPager.Slice<Tag> listTags(SortOrder sort, PageRequest page) {
        return KeysetPager.page(this, Tag.class, "from Tag t", "t", new Conditions(), sort, page, t -> t.id);
    }
}
