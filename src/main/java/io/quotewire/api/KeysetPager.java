package io.quotewire.api;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs a filtered, sorted list query one keyset page at a time: it reads one record more than the page to learn
 * whether another page follows, and never uses OFFSET, so every page costs the same however deep it is.
 */
public final class KeysetPager {

    private KeysetPager() {
    }

    /** One page of entities, the cursor of the next page (null on the last) and the total when asked for. */
    public record Slice<E>(List<E> items, String nextCursor, Long total) {
        public <T> Slice<T> map(Function<E, T> mapper) {
            return new Slice<>(items.stream().map(mapper).toList(), nextCursor, total);
        }
    }

    /**
     * @param select     the HQL up to the where clause, e.g. {@code "select q from Quote q left join fetch q.speaker"}
     * @param countFrom  the HQL from-clause for counting, e.g. {@code "from Quote q"}
     * @param alias      the root alias used by both and by the conditions
     * @param fieldValue reads a sortable field of an entity by its API name
     */
    public static <E> Slice<E> page(PanacheRepositoryBase<E, UUID> repository, String select, String countFrom, String alias,
            Conditions conditions, SortOrder sort, PageRequest request,
            BiFunction<E, String, Object> fieldValue, Function<E, UUID> idOf) {
        String fingerprint = PageCursor.fingerprint(conditions.canonical() + "|" + sort.canonical());
        Map<String, Object> parameters = conditions.parameters();
        String where = conditions.where();
        if (request.cursor != null && !request.cursor.isEmpty()) {
            PageCursor.Position position = PageCursor.decode(request.cursor, fingerprint, sort.size());
            where = conditions.whereAnd(sort.after(alias, position, parameters));
        }
        int limit = request.effectiveLimit();
        List<E> rows = repository.find(select + where + sort.orderBy(alias), parameters).range(0, limit).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            E last = rows.get(limit - 1);
            next = PageCursor.encode(fingerprint, sort.positionOf(name -> fieldValue.apply(last, name), idOf.apply(last)));
        }
        Long total = request.includeTotal() ? repository.count(countFrom + conditions.where(), conditions.parameters()) : null;
        return new Slice<>(rows, next, total);
    }
}
