package io.quotewire.api.paging;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs a filtered, sorted list query one keyset page at a time: it reads one record more than the page to learn
 * whether another page follows, and never uses OFFSET, so every page costs the same however deep it is.
 * <p>
 * A filtered list first reads the ids of its matches, unordered and at most {@link #CANDIDATES} of them, so that
 * PostgreSQL finds them through the filter's own index (a tag's, a date's). When that is all of them, the page is
 * sorted from those ids. Otherwise the filter matches so much that walking the sort's index meets a page of matches
 * soon. The page is then cut from the candidate ids alone. Without this, PostgreSQL walks the sort's index for every filter, assuming the matches are spread evenly
 * along it: 0.8 million rows read for a month's quotes out of a million, 2.5 s, because the newest quotes were said
 * most recently (benchmarks/RESULTS.md).
 */
public final class KeysetPager {

    /** The most matches a filtered list reads the ids of before walking the sort's index instead. */
    static final int CANDIDATES = 10_000;

    private KeysetPager() {
    }

    /** One page of records, the cursor of the next page (null on the last) and the total when asked for. */
    public record Slice<E>(List<E> items, String nextCursor, Long total) {
        public <T> Slice<T> map(Function<E, T> mapper) {
            return new Slice<>(items.stream().map(mapper).toList(), nextCursor, total);
        }

        /** This page with its items replaced by {@code items}, read for this page's items in their order. */
        public <T> Slice<T> with(List<T> items) {
            return new Slice<>(items, nextCursor, total);
        }
    }

    /**
     * One page of entities: the page's ids by {@link #pageIds}, then the entities with those ids.
     *
     * @param from the HQL from-clause that loads the entities, with its fetch joins, e.g.
     *             {@code "from Quote q left join fetch q.speaker"}; its root alias is the conditions'
     */
    public static <E> Slice<E> page(PanacheRepositoryBase<E, UUID> repository, Class<E> type, String from, String alias,
            Conditions conditions, SortOrder sort, PageRequest request, Function<E, UUID> idOf) {
        Slice<UUID> ids = pageIds(repository.getEntityManager(), type, alias, conditions, sort, request);
        if (ids.items().isEmpty()) {
            return ids.with(List.of());
        }
        Map<UUID, E> byId = new HashMap<>();
        repository.getEntityManager().createQuery("select " + alias + " " + from + " where " + alias + ".id in :ids", type)
                .setParameter("ids", ids.items()).getResultList().forEach(entity -> byId.put(idOf.apply(entity), entity));
        return ids.with(ids.items().stream().map(byId::get).filter(Objects::nonNull).toList());
    }

    /**
     * One page of the ids of {@code type}'s records matching {@code conditions}, in {@code sort}'s order. The query
     * selects the ids and the sort's values only, so no entity is loaded and nothing is joined that the conditions
     * or the sort do not name.
     *
     * @param alias the root alias the conditions use
     */
    public static Slice<UUID> pageIds(EntityManager entityManager, Class<?> type, String alias, Conditions conditions, SortOrder sort,
            PageRequest request) {
        String entity = type.getSimpleName();
        // the type too: a cursor of one collection is no position in another, even with the same filters and sort
        String fingerprint = PageCursor.fingerprint(entity + "|" + conditions.canonical() + "|" + sort.canonical());
        PageCursor.Position position = request.cursor == null || request.cursor.isEmpty() ? null
                : PageCursor.decode(request.cursor, fingerprint, sort.size());
        int limit = request.effectiveLimit();
        String root = " from " + entity + " " + alias;
        // a computed order (a rank) reads every match anyway: reading them first would only add a query
        List<UUID> candidates = conditions.isEmpty() || sort.computed() ? null : candidates(entityManager, root, alias, conditions);
        if (candidates != null && candidates.isEmpty()) {
            return new Slice<>(List.of(), null, request.includeTotal() ? 0L : null);
        }
        // with candidates, the conditions have been applied: repeating them beside thousands of ids only misleads the
        // planner (it chose to scan the table in parallel and probe each row)
        Map<String, Object> parameters = candidates != null ? new HashMap<>() : conditions.parameters();
        List<String> restrictions = new ArrayList<>();
        if (candidates != null) {
            restrictions.add(alias + ".id in :candidates");
            parameters.put("candidates", candidates);
        }
        if (position != null) {
            restrictions.add(sort.after(alias, position, parameters));
        }
        String where = candidates != null ? " where " + String.join(" and ", restrictions)
                : restrictions.isEmpty() ? conditions.where() : conditions.whereAnd(String.join(" and ", restrictions));
        List<String> values = sort.expressions(alias);
        // from the candidates, the page is found by id and sorted: walking the order's index would test each row it
        // meets against thousands of ids
        String order = candidates != null ? sort.orderByWithoutIndex(alias) : sort.orderBy(alias);
        TypedQuery<Object[]> query = entityManager.createQuery("select " + alias + ".id, " + String.join(", ", values) + root + where
                + order, Object[].class);
        parameters.forEach(query::setParameter);
        List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
        List<UUID> ids = rows.stream().limit(limit).map(row -> (UUID) row[0]).toList();
        String next = null;
        if (rows.size() > limit) {
            Object[] last = rows.get(limit - 1);
            next = PageCursor.encode(fingerprint, sort.positionOf(Arrays.asList(last).subList(1, last.length), (UUID) last[0]));
        }
        Long total = !request.includeTotal() ? null
                : candidates != null ? Long.valueOf(candidates.size()) : count(entityManager, root, conditions);
        return new Slice<>(ids, next, total);
    }

    /** The ids of every match when there are at most {@link #CANDIDATES}, else null. */
    private static List<UUID> candidates(EntityManager entityManager, String root, String alias, Conditions conditions) {
        TypedQuery<UUID> query = entityManager.createQuery("select " + alias + ".id" + root + conditions.where(), UUID.class);
        conditions.parameters().forEach(query::setParameter);
        List<UUID> ids = query.setMaxResults(CANDIDATES + 1).getResultList();
        return ids.size() > CANDIDATES ? null : ids;
    }

    private static long count(EntityManager entityManager, String root, Conditions conditions) {
        TypedQuery<Long> query = entityManager.createQuery("select count(*)" + root + conditions.where(), Long.class);
        conditions.parameters().forEach(query::setParameter);
        return query.getSingleResult();
    }
}
