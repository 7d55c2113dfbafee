package io.quotewire.api.paging;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs a filtered, sorted list query one keyset page at a time: it reads one record more than the page to learn
 * whether another page follows, and never uses OFFSET, so every page costs the same however deep it is.
 * <p>
 * A filter matching at most {@link #CANDIDATES} records is selective: its page query orders by expressions no index
 * holds, so that PostgreSQL finds the matches through the filter's own index (a tag's, a date's) and sorts them.
 * Otherwise the filter matches so much that walking the sort's index meets a page of matches soon. Without this,
 * PostgreSQL walks the sort's index for every filter, assuming the matches are spread evenly along it: 0.8 million
 * rows read for a month's quotes out of a million, 2.5 s, because the newest quotes were said most recently
 * (benchmarks/RESULTS.md). Which filters are selective is learnt once a minute per filter.
 */
public final class KeysetPager {

    /** The most matches of a filter for which the page is found through the filter's index and sorted. */
    static final int CANDIDATES = 10_000;
    /** The HQL statements Hibernate has interpreted in this JVM (see {@link #query}); at most this many remembered. */
    private static final Set<String> INTERPRETED = ConcurrentHashMap.newKeySet();
    private static final int MAX_REMEMBERED = 10_000;
    /** Per filter (type and canonical conditions), whether it is selective: see {@link #matchesAtMost}. */
    private static final Cache<String, Boolean> SELECTIVE = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

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
        query(repository.getEntityManager(), "select " + alias + " " + from + " where " + alias + ".id in :ids", type)
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
        Map<String, Object> parameters = new HashMap<>(conditions.parameters());
        String where = position == null ? conditions.where() : conditions.whereAnd(sort.after(alias, position, parameters));
        // a selective filter: its own index finds the matches and they are sorted; otherwise the order's index is walked
        // and meets a page of matches soon. A computed order (a rank) has no index to walk.
        boolean selective = !conditions.isEmpty() && !sort.computed()
                && SELECTIVE.get(entity + "|" + conditions.canonical(), key -> matchesAtMost(entityManager, root, conditions, CANDIDATES));
        String order = selective ? sort.orderByWithoutIndex(alias) : sort.orderBy(alias);
        List<String> values = sort.expressions(alias);
        TypedQuery<Object[]> query = query(entityManager, "select " + alias + ".id, " + String.join(", ", values) + root + where + order, Object[].class);
        parameters.forEach(query::setParameter);
        List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
        List<UUID> ids = rows.stream().limit(limit).map(row -> (UUID) row[0]).toList();
        String next = null;
        if (rows.size() > limit) {
            Object[] last = rows.get(limit - 1);
            next = PageCursor.encode(fingerprint, sort.positionOf(Arrays.asList(last).subList(1, last.length), (UUID) last[0]));
        }
        Long total = request.includeTotal() ? count(entityManager, root, conditions) : null;
        return new Slice<>(ids, next, total);
    }

    /**
     * Whether at most {@code most} records match: read as that many ids at the most, found through the filter's own
     * index. The answer only chooses a plan (both give the same page), so it is kept a minute per filter.
     */
    private static boolean matchesAtMost(EntityManager entityManager, String root, Conditions conditions, int most) {
        TypedQuery<Integer> query = query(entityManager, "select 1" + root + conditions.where(), Integer.class);
        conditions.parameters().forEach(query::setParameter);
        return query.setMaxResults(most + 1).getResultList().size() <= most;
    }

    private static long count(EntityManager entityManager, String root, Conditions conditions) {
        TypedQuery<Long> query = query(entityManager, "select count(*)" + root + conditions.where(), Long.class);
        conditions.parameters().forEach(query::setParameter);
        return query.getSingleResult();
    }

    /**
     * The query for {@code hql}, interpreted by Hibernate one statement at a time the first time this JVM meets it
     * (afterwards from Hibernate's query plan cache, without the lock). Interpreting a statement takes the HQL
     * parser several megabytes of working memory; the first 64 concurrent requests of a new list shape, each parsing
     * the same statement, exhausted a 128 MB heap (OutOfMemoryError in ANTLR's prediction, answered as 500s).
     */
    private static <T> TypedQuery<T> query(EntityManager entityManager, String hql, Class<T> type) {
        if (INTERPRETED.contains(hql)) {
            return entityManager.createQuery(hql, type);
        }
        synchronized (INTERPRETED) {
            TypedQuery<T> query = entityManager.createQuery(hql, type);
            if (INTERPRETED.size() < MAX_REMEMBERED) {
                INTERPRETED.add(hql);
            }
            return query;
        }
    }
}
