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
 * <p>
 * A filtered list first reads the ids of its matches, unordered and at most {@link #CANDIDATES} of them, so that
 * PostgreSQL finds them through the filter's own index (a tag's, a date's). When that is all of them, the page is
 * sorted from those ids. Otherwise the filter matches so much that walking the sort's index meets a page of matches
 * soon. Without this, PostgreSQL walks the sort's index for every filter, assuming the matches are spread evenly
 * along it: 0.8 million rows read for a month's quotes out of a million, 2.5 s, because the newest quotes were said
 * most recently (benchmarks/RESULTS.md).
 */
public final class KeysetPager {

    /** The most matches a filtered list reads the ids of before walking the sort's index instead. */
    static final int CANDIDATES = 10_000;

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
        PageCursor.Position position = request.cursor == null || request.cursor.isEmpty() ? null
                : PageCursor.decode(request.cursor, fingerprint, sort.size());
        int limit = request.effectiveLimit();
        List<UUID> candidates = conditions.isEmpty() ? null : candidates(repository, countFrom, alias, conditions);
        String where;
        if (candidates != null) {
            if (candidates.isEmpty()) {
                return new Slice<>(List.of(), null, request.includeTotal() ? 0L : null);
            }
            // the page is cut from the candidates alone, before anything is joined to them
            parameters.put("candidates", candidates);
            String page = "select c.id from " + type.getSimpleName() + " c where c.id in :candidates"
                    + (position == null ? "" : " and " + sort.after("c", position, parameters)) + sort.orderBy("c") + " limit " + (limit + 1);
            where = conditions.whereAnd(alias + ".id in (" + page + ")");
        } else {
            where = position == null ? conditions.where() : conditions.whereAnd(sort.after(alias, position, parameters));
        }
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
        Long total = !request.includeTotal() ? null
                : candidates != null ? Long.valueOf(candidates.size()) : repository.count(countFrom + conditions.where(), conditions.parameters());
        return new Slice<>(items, next, total);
    }

    /** The ids of every match when there are at most {@link #CANDIDATES}, else null. */
    private static List<UUID> candidates(PanacheRepositoryBase<?, UUID> repository, String countFrom, String alias, Conditions conditions) {
        TypedQuery<UUID> query = repository.getEntityManager().createQuery("select " + alias + ".id " + countFrom + conditions.where(), UUID.class);
        conditions.parameters().forEach(query::setParameter);
        List<UUID> ids = query.setMaxResults(CANDIDATES + 1).getResultList();
        return ids.size() > CANDIDATES ? null : ids;
    }

    private static <E> Object valueOf(SortOrder sort, Object row, E entity, String name, BiFunction<E, String, Object> fieldValue) {
        int index = sort.computedIndex(name);
        return index < 0 ? fieldValue.apply(entity, name) : ((Object[]) row)[1 + index];
    }
}
