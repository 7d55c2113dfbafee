package io.quotewire.quote;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quotewire.api.Conditions;
import io.quotewire.api.KeysetPager;
import io.quotewire.api.PageRequest;
import io.quotewire.api.QueryValues;
import io.quotewire.api.SortOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

@ApplicationScoped
public class QuoteRepository implements PanacheRepositoryBase<Quote, UUID> {

    static final List<SortOrder.Field> SORTABLE = List.of(
            new SortOrder.Field("createdAt", "createdAt", SortOrder.Kind.INSTANT),
            new SortOrder.Field("updatedAt", "updatedAt", SortOrder.Kind.INSTANT),
            new SortOrder.Field("length", "length", SortOrder.Kind.INTEGER));

    private static final String SELECT = "select q from Quote q left join fetch q.speaker join fetch q.source";
    /** Below this many matches a random pick reads the matching ids once instead of seeking to each offset. */
    private static final int SAMPLE_IN_MEMORY_BELOW = 10_000;

    /** A quote's id and its speaker's id (null when unattributed), as an ingest summary lists them. */
    public record QuoteRef(UUID id, UUID speakerId) {
    }

    /** The quotes of a source in text order (unanchored ones last). */
    public List<QuoteRef> findQuoteRefsBySource(UUID sourceId) {
        return getEntityManager().createQuery("select q.id, s.id from Quote q left join q.speaker s "
                        + "where q.source.id = :source order by q.startOffset nulls last, q.createdAt, q.id", Object[].class)
                .setParameter("source", sourceId)
                .getResultStream()
                .map(row -> new QuoteRef((UUID) row[0], (UUID) row[1]))
                .toList();
    }

    public Optional<Quote> findQuoteById(UUID id) {
        return find(SELECT + " where q.id = :id", Map.of("id", id)).firstResultOptional();
    }

    public KeysetPager.Slice<Quote> listQuotes(QuoteFilter filter, SortOrder sort, PageRequest page) {
        return KeysetPager.page(this, SELECT, "from Quote q", "q", conditionsFor(filter), sort, page,
                QuoteRepository::sortValue, q -> q.id);
    }

    /**
     * Up to {@code count} distinct quotes matching {@code filter}, each matching quote equally likely: the matches
     * are counted and distinct positions among them drawn, so no sort of the table is needed.
     */
    public List<Quote> findRandom(QuoteFilter filter, int count) {
        Conditions conditions = conditionsFor(filter);
        long matches = count("from Quote q" + conditions.where(), conditions.parameters());
        if (matches == 0) {
            return List.of();
        }
        String idsInOrder = "select q.id from Quote q" + conditions.where() + " order by q.id";
        List<UUID> picked = new ArrayList<>();
        if (matches < SAMPLE_IN_MEMORY_BELOW) {
            List<UUID> ids = new ArrayList<>(idQuery(idsInOrder, conditions).getResultList());
            Collections.shuffle(ids, ThreadLocalRandom.current());
            picked.addAll(ids.subList(0, Math.min(count, ids.size())));
        } else {
            for (long position : distinctPositions(matches, count)) {
                idQuery(idsInOrder, conditions).setFirstResult(Math.toIntExact(position)).setMaxResults(1)
                        .getResultStream().findFirst().ifPresent(picked::add);
            }
        }
        Map<UUID, Quote> byId = new HashMap<>();
        find(SELECT + " where q.id in :ids", Map.of("ids", picked)).list().forEach(q -> byId.put(q.id, q));
        return picked.stream().map(byId::get).filter(q -> q != null).toList();
    }

    /**
     * The quote of {@code day}: picked once, by a digest of the date, and stored, so every instance and every
     * restart shows the same quote all day even as quotes are added. Concurrent first requests agree because the
     * pick is deterministic and the insert keeps whichever row came first.
     */
    public Optional<Quote> findQuoteOfTheDay(LocalDate day) {
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
        UUID id = (UUID) getEntityManager().createNativeQuery("select quote_id from quote_of_the_day where day = :day")
                .setParameter("day", day)
                .getSingleResult();
        return findQuoteById(id);
    }

    /** How many quotes with offsets into a source would no longer point at their text if it became {@code newText}. */
    public long countAnchoredQuotesBrokenBy(UUID sourceId, String newText) {
        return list("source.id = ?1 and startOffset is not null", sourceId).stream()
                .filter(q -> !new SourceSpan(q.startOffset, q.endOffset).holds(newText, q.text))
                .count();
    }

    private static Conditions conditionsFor(QuoteFilter filter) {
        Conditions conditions = new Conditions();
        if (filter.speaker != null && !filter.speaker.isEmpty()) {
            if (QueryValues.looksLikeUuid(filter.speaker)) {
                conditions.add("q.speaker.id = :speakerId", "speakerId", QueryValues.uuid(filter.speaker, "speaker"));
            } else {
                conditions.add("q.speaker.slug = :speakerSlug", "speakerSlug", filter.speaker);
            }
        }
        if (filter.sourceId() != null) {
            conditions.add("q.source.id = :sourceId", "sourceId", filter.sourceId());
        }
        List<List<String>> tagGroups = filter.tagGroups();
        for (int i = 0; i < tagGroups.size(); i++) {
            String parameter = "tags" + i;
            conditions.add("exists (select 1 from Quote tq join tq.tags t where tq.id = q.id and t.slug in :" + parameter + ")",
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

    private static Set<Long> distinctPositions(long matches, int count) {
        Set<Long> positions = new LinkedHashSet<>();
        while (positions.size() < Math.min(count, matches)) {
            positions.add(ThreadLocalRandom.current().nextLong(matches));
        }
        return positions;
    }

    private static Object sortValue(Quote quote, String field) {
        return switch (field) {
            case "createdAt" -> quote.createdAt;
            case "updatedAt" -> quote.updatedAt;
            case "length" -> quote.length;
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static long digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
