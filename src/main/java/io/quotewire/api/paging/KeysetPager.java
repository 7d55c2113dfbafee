package io.quotewire.api.paging;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
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
     * @param from       the HQL from-clause with its joins, e.g. {@code "from Quote q left join fetch q.speaker"}
     * @param countFrom  the HQL from-clause for counting, e.g. {@code "from Quote q"}
     * @param alias      the root alias used by both and by the conditions
     * @param fieldValue reads a stored sortable field of an entity by its API name; computed fields (such as a
     *                   relevance rank) are selected by the query itself
     */
    public static <E> Slice<E> page(PanacheRepositoryBase<E, UUID> repository, Class<E> type, String from, String countFrom,
            String alias, Conditions conditions, SortOrder sort, PageRequest request,
            BiFunction<E, String, Object> fieldValue, Function<E, UUID> idOf) {
        // the type too: a cursor of one collection is no position in another, even with the same filters and sort
        String fingerprint = PageCursor.fingerprint(type.getSimpleName() + "|" + conditions.canonical() + "|" + sort.canonical());
        Map<String, Object> parameters = conditions.parameters();
        String where = conditions.where();
        if (request.cursor != null && !request.cursor.isEmpty()) {
            PageCursor.Position position = PageCursor.decode(request.cursor, fingerprint, sort.size());
            where = conditions.whereAnd(sort.after(alias, position, parameters));
        }
        int limit = request.effectiveLimit();
        List<String> computed = sort.computedExpressions(alias);
        String select = "select " + alias + (computed.isEmpty() ? "" : ", " + String.join(", ", computed)) + " ";
        TypedQuery<Object> query = repository.getEntityManager().createQuery(select + from + where + sort.orderBy(alias), Object.class);
        parameters.forEach(query::setParameter);
        List<Object> rows = query.setMaxResults(limit + 1).getResultList();
        List<E> items = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), limit); i++) {
            items.add(type.cast(computed.isEmpty() ? rows.get(i) : ((Object[]) rows.get(i))[0]));
        }
        String next = null;
        if (rows.size() > limit) {
            Object lastRow = rows.get(limit - 1);
            E last = items.get(limit - 1);
            next = PageCursor.encode(fingerprint, sort.positionOf(name -> valueOf(sort, lastRow, last, name, fieldValue), idOf.apply(last)));
        }
        Long total = request.includeTotal() ? repository.count(countFrom + conditions.where(), conditions.parameters()) : null;
        return new Slice<>(items, next, total);
    }

    private static <E> Object valueOf(SortOrder sort, Object row, E entity, String name, BiFunction<E, String, Object> fieldValue) {
        int index = sort.computedIndex(name);
        return index < 0 ? fieldValue.apply(entity, name) : ((Object[]) row)[1 + index];
    }
}
