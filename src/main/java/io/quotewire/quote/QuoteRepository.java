package io.quotewire.quote;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quotewire.api.paging.Conditions;
import io.quotewire.api.paging.KeysetPager;
import io.quotewire.api.paging.PageRequest;
import io.quotewire.api.paging.SortOrder;
import io.quotewire.api.params.QueryValues;
import io.quotewire.text.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quotewire.replica.Databases;
import io.quotewire.replica.ReadRouting;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.hibernate.JDBCException;

@ApplicationScoped
public class QuoteRepository implements PanacheRepositoryBase<Quote, UUID> {

    static final List<SortOrder.Field> SORTABLE = List.of(
            new SortOrder.Field("createdAt", "createdAt", SortOrder.Kind.INSTANT),
            new SortOrder.Field("updatedAt", "updatedAt", SortOrder.Kind.INSTANT),
            new SortOrder.Field("length", "length", SortOrder.Kind.INTEGER));
    /** With a search, results can also be sorted by relevance (cover density: words close together rank higher). */
    static final List<SortOrder.Field> SORTABLE_WITH_QUERY = concat(SORTABLE,
            new SortOrder.Field("relevance", "function('quote_rank', %1$s.search, :q)", SortOrder.Kind.REAL));

    private static final String FROM = "from Quote q left join fetch q.speaker join fetch q.source";
    /**
     * Everything a {@link QuoteView} shows, in the column order {@link QuoteView#read} expects; tags as a sorted array,
     * each tag found by its key (the lateral sub-select, kept apart by {@code offset 0}): joined, PostgreSQL read the
     * whole tag table once per quote, half of a page's time. The appearances are the quote's own (whose id is the
     * quote's, kept by the V26 triggers) plus the further ones, counted over V30's index of those alone; the external
     * ids come as their JSON text (null when none).
     */
    private static final String VIEW_SQL = """
            select q.id, q.text, q.type, s.id, s.slug, s.name, src.id, src.title, src.url, src.publisher, src.published_at,
                   q.context, q.start_offset, q.end_offset, q.language,
                   array(select t.slug from quote_tag qt cross join lateral (select t.slug from tag t where t.id = qt.tag_id offset 0) t
                         where qt.quote_id = q.id order by t.slug collate "C"),
                   q.status, q.quoted_on, q.created_at, q.updated_at,
                   1 + (select count(*) from quote_appearance a where a.quote_id = q.id and a.id <> a.quote_id), q.confidence,
                   nullif(q.external_ids, '{}'::jsonb)::text, q.attribution_rule
            from quote q left join speaker s on s.id = q.speaker_id join source src on src.id = q.source_id""";
    private static final String SELECT = "select q " + FROM;
    /** Up to this many matches a random pick reads their ids and shuffles them. */
    private static final int SAMPLE_IN_MEMORY_BELOW = 2_000;
    private static final int MAX_SAMPLING_ROUNDS = 6;
    private static final int MAX_SAMPLING_BATCH = 4_000;

    @Inject
    @PersistenceUnitExtension
    Databases databases;

    @Inject
    @PersistenceUnitExtension
    ReadRouting routing;

    /** A quote's id and its speaker's id (null when unattributed), as an ingest summary lists them. */
    public record QuoteRef(UUID id, UUID speakerId) {
    }

    /**
     * The quotes that appear in a source, in text order (unanchored ones last): those whose own source it is and those
     * it repeats (their appearance in it), as an ingest of the article found or added them.
     */
    public List<QuoteRef> findQuoteRefsBySource(UUID sourceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select q.id, q.speaker_id from quote_appearance a join quote q on q.id = a.quote_id
                        where a.source_id = :source order by a.start_offset nulls last, a.created_at, q.id""")
                .setParameter("source", sourceId)
                .getResultList();
        return rows.stream().map(row -> new QuoteRef((UUID) row[0], (UUID) row[1])).toList();
    }

    public Optional<Quote> findQuoteById(UUID id) {
        return find(SELECT + " where q.id = :id", Map.of("id", id)).firstResultOptional();
    }

    /**
     * A quote as the API shows it, with its speaker, source and tags, in one statement straight into the view: no
     * entities, nothing in the persistence context (see docs/BENCHMARKS.md#profile-findings for what that saved).
     */
    public Optional<QuoteView> findQuoteViewById(UUID id) {
        List<QuoteView> found = views(VIEW_SQL + " where q.id = ?", statement -> statement.setObject(1, id), 1);
        return found.stream().findFirst();
    }

    /** The views of the quotes with {@code ids}, in the order of {@code ids} (missing ones left out). */
    public List<QuoteView> findQuoteViewsByIds(List<UUID> ids) {
        Map<UUID, QuoteView> byId = findQuoteViewMap(ids);
        return ids.stream().map(byId::get).filter(view -> view != null).toList();
    }

    /** The views of the quotes with {@code ids} by id (missing ones left out), read in one statement. */
    public Map<UUID, QuoteView> findQuoteViewMap(List<UUID> ids) {
        Map<UUID, QuoteView> byId = new HashMap<>(2 * ids.size());
        if (!ids.isEmpty()) {
            views(VIEW_SQL + " where q.id = any(?)",
                    statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids.toArray())), 1)
                    .forEach(view -> byId.put(view.id(), view));
        }
        return byId;
    }

    /** The highest sequence number given so far (null without quotes): the range random picks draw from. */
    public Long findHighestSeq() {
        return getEntityManager().createQuery("select max(q.seq) from Quote q", Long.class).getSingleResult();
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * Runs a view query on a connection of the request's database (primary or replica, as {@link ReadRouting} chose)
     * taken straight from its pool: no Hibernate session is opened for it. Inside a transaction the pool hands out the
     * transaction's own connection, so what the transaction wrote is seen.
     */
    private List<QuoteView> views(String sql, Binder binder, int firstColumn) {
        List<QuoteView> views = new ArrayList<>();
        views(sql, binder, firstColumn, (row, view) -> views.add(view));
        return views;
    }

    private interface RowSink {
        void accept(ResultSet row, QuoteView view) throws SQLException;
    }

    private void views(String sql, Binder binder, int firstColumn, RowSink sink) {
        try (Connection connection = databases.dataSource(routing.resolveTenantId()).getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(rows, QuoteView.read(rows, firstColumn));
                }
            }
        } catch (SQLException e) {
            throw new JDBCException("A quote view query failed", e);
        }
    }

    /** One page of the ids of the quotes matching {@code filter}; {@link #findQuoteViewsByIds} reads their views. */
    public KeysetPager.Slice<UUID> listQuoteIds(QuoteFilter filter, SortOrder sort, PageRequest page) {
        return KeysetPager.pageIds(getEntityManager(), Quote.class, "q", conditionsFor(filter), sort, page);
    }

    /**
     * Up to {@code count} distinct quotes matching {@code filter}, every matching quote equally likely, without
     * counting or sorting the table. Small result sets (as found by the filters' indexes) are read whole and
     * shuffled; large ones are sampled by drawing random sequence numbers and keeping, in the order drawn, the
     * quotes that exist and match: each matching quote is as likely to be drawn as any other, so the first
     * {@code count} distinct ones are a uniform sample.
     */
    public List<QuoteView> findRandom(QuoteFilter filter, int count, Supplier<Long> highestSeq) {
        Conditions conditions = conditionsFor(filter);
        if (conditions.isEmpty()) {
            List<QuoteView> drawn = drawViewsBySequence(count, highestSeq);
            if (drawn != null) {
                return drawn;
            }
        }
        List<UUID> picked = conditions.isEmpty() ? null : pickFromSmallSet(conditions, count);
        if (picked == null) {
            picked = pickBySequence(conditions, count, highestSeq);
        }
        return findQuoteViewsByIds(picked);
    }

    /**
     * Without filters: draws sequence numbers and reads the views of those that exist in the same statement, keeping
     * them in the order drawn (so each quote is equally likely). Null when a few rounds found too few, which only
     * happens when most sequence numbers belong to deleted quotes.
     */
    private List<QuoteView> drawViewsBySequence(int count, Supplier<Long> highestSeq) {
        Long maxSeq = highestSeq.get();
        if (maxSeq == null) {
            return List.of();
        }
        // most sequence numbers belong to a stored quote, so the first round draws only as many as asked for (one
        // row read for one quote, as a by-id read); each further round draws four times as many
        int batch = count;
        Map<UUID, QuoteView> picked = new java.util.LinkedHashMap<>();
        for (int round = 0; round < MAX_SAMPLING_ROUNDS && picked.size() < count; round++) {
            Long[] drawn = ThreadLocalRandom.current().longs(batch, 1, maxSeq + 1).boxed().toArray(Long[]::new);
            Map<Long, QuoteView> bySeq = new HashMap<>();
            // one number is compared as one: PostgreSQL plans "= any($1)" for ten elements, finds that dearer than a
            // plan for the one it is given, and so plans the statement again at every execution (2.4 ms, ten times
            // the execution); "= $1" gets a generic plan once
            boolean one = drawn.length == 1;
            views("select q.seq, " + VIEW_SQL.substring("select ".length()) + (one ? " where q.seq = ?" : " where q.seq = any(?)"),
                    statement -> statement.setObject(1, one ? drawn[0] : statement.getConnection().createArrayOf("bigint", drawn)), 2,
                    (rows, view) -> bySeq.put(rows.getLong(1), view));
            for (Long seq : drawn) {
                QuoteView view = bySeq.get(seq);
                if (view != null && picked.size() < count) {
                    picked.putIfAbsent(view.id(), view);
                }
            }
            batch = Math.min(batch * 4, MAX_SAMPLING_BATCH);
        }
        return picked.size() < count ? null : List.copyOf(picked.values());
    }

    /** A uniform pick from the matches when there are at most {@link #SAMPLE_IN_MEMORY_BELOW}, else null. */
    private List<UUID> pickFromSmallSet(Conditions conditions, int count) {
        List<UUID> ids = new ArrayList<>(idQuery("select q.id from Quote q" + conditions.where(), conditions)
                .setMaxResults(SAMPLE_IN_MEMORY_BELOW + 1).getResultList());
        if (ids.size() > SAMPLE_IN_MEMORY_BELOW) {
            return null;
        }
        Collections.shuffle(ids, ThreadLocalRandom.current());
        return ids.subList(0, Math.min(count, ids.size()));
    }

    private List<UUID> pickBySequence(Conditions conditions, int count, Supplier<Long> highestSeq) {
        Long maxSeq = highestSeq.get();
        if (maxSeq == null) {
            return List.of();
        }
        Set<UUID> picked = new LinkedHashSet<>();
        String probe = "select q.seq, q.id from Quote q" + conditions.whereAnd("q.seq in :seqs");
        // Sequence numbers are dense (only deleted quotes leave holes), so without filters a few probes find a quote.
        // most sequence numbers belong to a stored quote, so the first round draws only as many as asked for (one
        // row read for one quote, as a by-id read); each further round draws four times as many
        int batch = count;
        for (int round = 0; round < MAX_SAMPLING_ROUNDS && picked.size() < count; round++) {
            List<Long> drawn = ThreadLocalRandom.current().longs(batch, 1, maxSeq + 1).boxed().toList();
            TypedQuery<Object[]> query = getEntityManager().createQuery(probe, Object[].class).setParameter("seqs", new LinkedHashSet<>(drawn));
            conditions.parameters().forEach(query::setParameter);
            Map<Long, UUID> hits = new HashMap<>();
            for (Object[] row : query.getResultList()) {
                hits.put((Long) row[0], (UUID) row[1]);
            }
            for (Long seq : drawn) {
                UUID id = hits.get(seq);
                if (id != null && picked.size() < count) {
                    picked.add(id);
                }
            }
            batch = Math.min(batch * 4, MAX_SAMPLING_BATCH);
        }
        if (picked.size() < count) {
            // Too few matches for sampling to find them all: the set is small after all, read it whole.
            List<UUID> all = pickFromSmallSet(conditions, count);
            return all != null ? all : List.copyOf(picked);
        }
        return List.copyOf(picked);
    }

    /**
     * The quote of {@code day}: picked once, by a digest of the date, and stored, so every instance and every
     * restart shows the same quote all day even as quotes are added. Concurrent first requests agree because the
     * pick is deterministic and the insert keeps whichever row came first.
     */
    public Optional<QuoteView> findQuoteOfTheDay(LocalDate day) {
        Optional<UUID> picked = pickedOn(day);
        if (picked.isEmpty()) {
            // First request of the day: count and pick once; later requests read the stored pick only.
            long total = count();
            if (total == 0) {
                return Optional.empty();
            }
            long position = Math.floorMod(digest(day.toString()), total);
            getEntityManager().createNativeQuery("""
                    insert into quote_of_the_day (day, quote_id)
                    select :day, id from quote order by id offset :position limit 1
                    on conflict (day) do nothing""")
                    .setParameter("day", day)
                    .setParameter("position", position)
                    .executeUpdate();
            picked = pickedOn(day);
        }
        return picked.flatMap(this::findQuoteViewById);
    }

    private Optional<UUID> pickedOn(LocalDate day) {
        return getEntityManager().createNativeQuery("select quote_id from quote_of_the_day where day = :day", UUID.class)
                .setParameter("day", day)
                .getResultStream().findFirst().map(UUID.class::cast);
    }

    /**
     * How many quotes with offsets into a source would no longer point at their text if it became {@code newText}:
     * those whose own source it is, and those the source repeats with offsets (their appearance in it).
     */
    public long countAnchoredQuotesBrokenBy(UUID sourceId, String newText) {
        @SuppressWarnings("unchecked")
        List<Object[]> anchored = getEntityManager().createNativeQuery("""
                        select distinct q.id, q.text, a.start_offset, a.end_offset from quote_appearance a join quote q on q.id = a.quote_id
                        where a.source_id = :source and a.start_offset is not null
                        union
                        select q.id, q.text, q.start_offset, q.end_offset from quote q where q.source_id = :source and q.start_offset is not null""")
                .setParameter("source", sourceId)
                .getResultList();
        return anchored.stream()
                .filter(row -> !new SourceSpan((Integer) row[2], (Integer) row[3]).holds(newText, (String) row[1]))
                .map(row -> row[0])
                .distinct()
                .count();
    }

    private static Conditions conditionsFor(QuoteFilter filter) {
        Conditions conditions = new Conditions();
        if (filter.query() != null) {
            conditions.add("function('quote_matches', q.search, :q) = true", "q", filter.query());
        }
        if (filter.speaker != null && !filter.speaker.isEmpty()) {
            if (QueryValues.looksLikeUuid(filter.speaker)) {
                conditions.add("q.speaker.id = :speakerId", "speakerId", QueryValues.uuid(filter.speaker, "speaker"));
            } else {
                // Compared with the id found first (not joined by slug), so that the planner walks quote_speaker_idx
                // in the page's order and stops at the page, even for a speaker with tens of thousands of quotes.
                conditions.add("q.speaker.id = (select s.id from Speaker s where s.slug = :speakerSlug)", "speakerSlug", filter.speaker);
            }
        }
        if (filter.sourceId() != null) {
            conditions.add("q.source.id = :sourceId", "sourceId", filter.sourceId());
        }
        List<List<String>> tagGroups = filter.tagGroups();
        for (int i = 0; i < tagGroups.size(); i++) {
            String parameter = "tags" + i;
            // the quote's own tags (a correlated join): the join table and tag only, the quote is not read twice
            conditions.add("exists (select 1 from q.tags t where t.slug in :" + parameter + ")",
                    parameter, new LinkedHashSet<>(tagGroups.get(i)));
        }
        if (filter.type() != null) {
            conditions.add("q.type = :type", "type", filter.type());
        }
        if (filter.status() != null) {
            conditions.add("q.status = :status", "status", filter.status());
        }
        if (filter.from() != null) {
            conditions.add("q.quotedOn >= :from", "from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("q.quotedOn <= :to", "to", filter.to());
        }
        if (filter.minLength() != null) {
            conditions.add("q.length >= :minLength", "minLength", filter.minLength());
        }
        if (filter.maxLength() != null) {
            conditions.add("q.length <= :maxLength", "maxLength", filter.maxLength());
        }
        if (filter.language != null) {
            conditions.add("q.language = :language", "language", filter.language);
        }
        return conditions;
    }

    private TypedQuery<UUID> idQuery(String hql, Conditions conditions) {
        TypedQuery<UUID> query = getEntityManager().createQuery(hql, UUID.class);
        conditions.parameters().forEach(query::setParameter);
        return query;
    }

    /** Counts of the quotes matching {@code filter} per speaker and tag (the {@code top} largest), year and type. */
    public QuoteFacets countFacets(QuoteFilter filter, int top) {
        Conditions conditions = conditionsFor(filter);
        String where = conditions.where();
        long total = count("from Quote q" + where, conditions.parameters());
        List<QuoteFacets.SpeakerCount> speakers = rows("select s.id, s.slug, s.name, count(q) from Quote q join q.speaker s" + where
                + " group by s.id, s.slug, s.name order by count(q) desc, s.slug", conditions, top).stream()
                .map(r -> new QuoteFacets.SpeakerCount((UUID) r[0], (String) r[1], (String) r[2], (Long) r[3])).toList();
        List<QuoteFacets.TagCount> tags = rows("select t.slug, t.name, count(q) from Quote q join q.tags t" + where
                + " group by t.slug, t.name order by count(q) desc, t.slug", conditions, top).stream()
                .map(r -> new QuoteFacets.TagCount((String) r[0], (String) r[1], (Long) r[2])).toList();
        List<QuoteFacets.YearCount> years = rows("select year(q.quotedOn), count(q) from Quote q"
                + conditions.whereAnd("q.quotedOn is not null") + " group by year(q.quotedOn) order by year(q.quotedOn) desc", conditions, 0)
                .stream().map(r -> new QuoteFacets.YearCount(((Number) r[0]).intValue(), (Long) r[1])).toList();
        List<QuoteFacets.TypeCount> types = rows("select q.type, count(q) from Quote q" + where + " group by q.type order by q.type",
                conditions, 0).stream().map(r -> new QuoteFacets.TypeCount((QuoteType) r[0], (Long) r[1])).toList();
        return new QuoteFacets(total, speakers, tags, years, types);
    }

    private List<Object[]> rows(String hql, Conditions conditions, int limit) {
        TypedQuery<Object[]> query = getEntityManager().createQuery(hql, Object[].class);
        conditions.parameters().forEach(query::setParameter);
        if (limit > 0) {
            query.setMaxResults(limit);
        }
        return query.getResultList();
    }

    /**
     * The highlights of the quotes with {@code ids} for the search {@code query}, by quote id: PostgreSQL marks the
     * matched words with {@code ts_headline}, and {@link SearchHighlights} turns the marks into offsets.
     */
    public Map<UUID, List<Highlight>> findHighlights(List<UUID> ids, String query) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select id, text, ts_headline('quotewire_english'::regconfig, text,
                       websearch_to_tsquery('quotewire_english'::regconfig, :query),
                       'HighlightAll=true, StartSel=' || chr(57344) || ', StopSel=' || chr(57345))
                from quote where id in (:ids)""")
                .setParameter("query", query)
                .setParameter("ids", ids)
                .getResultList();
        Map<UUID, List<Highlight>> highlights = new HashMap<>();
        for (Object[] row : rows) {
            highlights.put((UUID) row[0], SearchHighlights.read((String) row[1], (String) row[2]));
        }
        return highlights;
    }

    private static List<SortOrder.Field> concat(List<SortOrder.Field> fields, SortOrder.Field extra) {
        List<SortOrder.Field> all = new ArrayList<>(fields);
        all.add(extra);
        return List.copyOf(all);
    }

    private static long digest(String text) {
        return ByteBuffer.wrap(Sha256.of(text)).getLong();
    }
}
