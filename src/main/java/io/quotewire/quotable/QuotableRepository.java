package io.quotewire.quotable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The queries of the Quotable layer. Quotable pages by number with totals (offset paging, at most 10,000 deep),
 * sorts by fields our own API does not, and counts length as JavaScript does, so its lists are their own queries;
 * single records and unfiltered random picks reuse the quote and speaker repositories.
 * Only attributed quotes exist here: Quotable has no quote without an author.
 */
@ApplicationScoped
public class QuotableRepository {

    /** The length JavaScript gives a text: its UTF-16 code units, i.e. code points plus one per supplementary one. */
    static final String JS_LENGTH = "(char_length(q.text) + char_length(regexp_replace(q.text, '[^\\U00010000-\\U0010FFFF]', '', 'g')))";

    static final Map<String, Sorting> QUOTE_SORTS = Map.of(
            "dateAdded", new Sorting("q.created_at", false),
            "dateModified", new Sorting("q.updated_at", false),
            "author", new Sorting("s.name", true),
            "content", new Sorting("q.text", true),
            "length", new Sorting(JS_LENGTH, false));
    static final Map<String, Sorting> AUTHOR_SORTS = Map.of(
            "name", new Sorting("s.name", true),
            "quoteCount", new Sorting("s.quote_count", false),
            "dateAdded", new Sorting("s.created_at", false),
            "dateModified", new Sorting("s.updated_at", false));

    private static final String QUOTE_COLUMNS = """
            select q.id, q.text, s.name, s.slug, q.created_at, q.updated_at,
                   (select coalesce(json_agg(t.name order by t.name), '[]')::text
                    from quote_tag qt join tag t on t.id = qt.tag_id where qt.quote_id = q.id)
            """;
    private static final String QUOTES = " from quote q join speaker s on s.id = q.speaker_id";
    private static final String AUTHOR_COLUMNS = "select s.id";
    private static final String AUTHORS = " from speaker s";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    public QuotableRepository(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    /** One page of the quotes matching {@code criteria}, and how many match in all. */
    public Slice<QuotableQuote> listQuotes(QuoteCriteria criteria, Sorting sorting, Paging paging) {
        Where where = where(criteria);
        Query page = entityManager.createNativeQuery(QUOTE_COLUMNS + QUOTES + where.sql + sorting.orderBy("q.id"))
                .setFirstResult(paging.skip()).setMaxResults(paging.limit());
        return new Slice<>(quotes(where.bind(page)), count("select count(*)" + QUOTES + where.sql, where));
    }

    /** Full-text search: the best matches first (cover density), then the newest. */
    public Slice<QuotableQuote> searchQuotes(String webSearch, Paging paging) {
        Where where = where(new QuoteCriteria(null, null, null, null, null, null, webSearch));
        Query page = entityManager.createNativeQuery(QUOTE_COLUMNS + QUOTES + where.sql
                        + " order by quote_rank(q.search, :q) desc, q.created_at desc, q.id desc")
                .setFirstResult(paging.skip()).setMaxResults(paging.limit());
        return new Slice<>(quotes(where.bind(page)), count("select count(*)" + QUOTES + where.sql, where));
    }

    /** The quotes with these ids, attributed ones only, in the order of {@code ids}. */
    public List<QuotableQuote> findQuotes(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Query query = entityManager.createNativeQuery(QUOTE_COLUMNS + QUOTES + " where q.id in (:ids)").setParameter("ids", ids);
        Map<String, QuotableQuote> byId = new HashMap<>();
        quotes(query).forEach(q -> byId.put(q.id(), q));
        return ids.stream().map(id -> byId.get(id.toString())).filter(q -> q != null).toList();
    }

    /** Up to {@code count} distinct matching quotes, each as likely as any other (the whole match is shuffled). */
    @SuppressWarnings("unchecked")
    public List<UUID> pickRandomQuoteIds(QuoteCriteria criteria, int count) {
        Where where = where(criteria);
        Query query = entityManager.createNativeQuery("select q.id" + QUOTES + where.sql + " order by random()").setMaxResults(count);
        return (List<UUID>) where.bind(query).getResultList();
    }

    /** A speaker's quotes, oldest first, at most {@code limit}. */
    public List<QuotableQuote> findQuotesBySpeaker(UUID speakerId, int limit) {
        Query query = entityManager.createNativeQuery(QUOTE_COLUMNS + QUOTES + " where s.id = :speaker order by q.created_at, q.id")
                .setParameter("speaker", speakerId).setMaxResults(limit);
        return quotes(query);
    }

    /** One page of the speakers whose slug is one of {@code slugs} (all when null), and how many in all. */
    @SuppressWarnings("unchecked")
    public Slice<UUID> listAuthorIds(List<String> slugs, Sorting sorting, Paging paging) {
        Where where = new Where();
        if (slugs != null) {
            where.and("s.slug in (:slugs)", "slugs", new LinkedHashSet<>(slugs));
        }
        return authorIds(where, sorting.orderBy("s.id"), paging);
    }

    /**
     * Speakers by name, for a search box: with {@code autocomplete} a word of the name or an alias starting with
     * each word typed ("vedant pa" finds Vedant Patel), else each word typed being a whole word of them; best known
     * (most quotes) first. {@code words} are lower case without accents, as the stored names are.
     */
    public Slice<UUID> searchAuthorIds(List<String> words, boolean autocomplete, Paging paging) {
        Where where = new Where();
        for (int i = 0; i < words.size(); i++) {
            String word = likeEscaped(words.get(i));
            where.and("(' ' || regexp_replace(s.search_names, '[^[:alnum:]]+', ' ', 'g') || ' ') like :word" + i + " escape '\\'", "word" + i,
                    "% " + word + (autocomplete ? "%" : " %"));
        }
        return authorIds(where, " order by s.quote_count desc, s.name, s.id", paging);
    }

    @SuppressWarnings("unchecked")
    private Slice<UUID> authorIds(Where where, String orderBy, Paging paging) {
        Query page = entityManager.createNativeQuery(AUTHOR_COLUMNS + AUTHORS + where.sql + orderBy)
                .setFirstResult(paging.skip()).setMaxResults(paging.limit());
        List<UUID> ids = (List<UUID>) where.bind(page).getResultList();
        return new Slice<>(ids, count("select count(*)" + AUTHORS + where.sql, where));
    }

    /** A page of results and the number of matches on every page. */
    public record Slice<T>(List<T> items, long total) {
    }

    private long count(String sql, Where where) {
        return ((Number) where.bind(entityManager.createNativeQuery(sql)).getSingleResult()).longValue();
    }

    private static Where where(QuoteCriteria criteria) {
        Where where = new Where();
        if (criteria.authorSlugs() != null) {
            where.and("s.slug in (:authors)", "authors", new LinkedHashSet<>(criteria.authorSlugs()));
        }
        if (criteria.authorIds() != null) {
            where.and(criteria.authorIds().isEmpty() ? "false" : "s.id in (:authorIds)", "authorIds", criteria.authorIds());
        }
        if (criteria.anyTags() != null) {
            where.and("exists (select 1 from quote_tag qt join tag t on t.id = qt.tag_id where qt.quote_id = q.id and t.slug in (:anyTags))",
                    "anyTags", new LinkedHashSet<>(criteria.anyTags()));
        }
        if (criteria.allTags() != null) {
            for (int i = 0; i < criteria.allTags().size(); i++) {
                where.and("exists (select 1 from quote_tag qt join tag t on t.id = qt.tag_id where qt.quote_id = q.id and t.slug = :tag" + i + ")",
                        "tag" + i, criteria.allTags().get(i));
            }
        }
        if (criteria.minLength() != null) {
            where.and(JS_LENGTH + " >= :minLength", "minLength", criteria.minLength());
            where.and(JS_LENGTH + " <= :maxLength", "maxLength", criteria.maxLength());
        }
        if (criteria.search() != null) {
            where.and("quote_matches(q.search, :q)", "q", criteria.search());
        }
        return where;
    }

    private List<QuotableQuote> quotes(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<QuotableQuote> quotes = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            quotes.add(new QuotableQuote(row[0].toString(), (String) row[1], (String) row[2], (String) row[3], ((String) row[1]).length(),
                    tagNames((String) row[6]), QuotableQuote.day(instant(row[4])), QuotableQuote.day(instant(row[5]))));
        }
        return quotes;
    }

    private List<String> tagNames(String json) {
        try {
            return mapper.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL's json_agg gave no JSON array", e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A where clause built from fixed SQL and bound values. */
    private static final class Where {
        private final List<String> clauses = new ArrayList<>();
        private final Map<String, Object> values = new HashMap<>();
        private String sql = "";

        void and(String clause, String name, Object value) {
            clauses.add(clause);
            values.put(name, value);
            sql = " where " + String.join(" and ", clauses);
        }

        Query bind(Query query) {
            values.forEach((name, value) -> {
                if (sql.contains(":" + name)) {
                    query.setParameter(name, value);
                }
            });
            return query;
        }
    }
}
