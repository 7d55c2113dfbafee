package io.quotewire.speaker;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quotewire.api.paging.Conditions;
import io.quotewire.api.paging.KeysetPager;
import io.quotewire.api.paging.PageRequest;
import io.quotewire.api.paging.SortOrder;
import io.quotewire.api.params.QueryValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SpeakerRepository implements PanacheRepositoryBase<Speaker, UUID> {

    static final List<SortOrder.Field> SORTABLE = List.of(
            new SortOrder.Field("name", "name", SortOrder.Kind.TEXT),
            new SortOrder.Field("quoteCount", "quoteCount", SortOrder.Kind.INTEGER),
            new SortOrder.Field("createdAt", "createdAt", SortOrder.Kind.INSTANT));
    /** With a search, speakers can also be sorted by how well a name or alias matches it. */
    static final List<SortOrder.Field> SORTABLE_WITH_QUERY = List.of(SORTABLE.get(0), SORTABLE.get(1), SORTABLE.get(2),
            new SortOrder.Field("relevance", "function('word_similarity', :q, %1$s.searchNames)", SortOrder.Kind.REAL));

    /** A speaker by UUID or by slug, whichever the text is. */
    public Optional<Speaker> findByIdOrSlug(String idOrSlug) {
        return findByIdOrSlug(idOrSlug, LockModeType.NONE);
    }

    public Optional<Speaker> findByIdOrSlug(String idOrSlug, LockModeType lock) {
        if (QueryValues.looksLikeUuid(idOrSlug)) {
            try {
                return findByIdOptional(UUID.fromString(idOrSlug), lock);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return find("slug", idOrSlug).withLock(lock).firstResultOptional();
    }

    public Optional<Speaker> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Speakers whose name or one of whose aliases is {@code name}, ignoring case; at most {@code limit}, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Speaker> findByNameOrAlias(String name, int limit) {
        return getEntityManager().createNativeQuery("""
                select s.* from speaker s
                where lower(s.name) = lower(:name) or exists (select 1 from unnest(s.aliases) a where lower(a) = lower(:name))
                order by s.created_at, s.id""", Speaker.class)
                .setParameter("name", name)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Speakers whose name ends with the word {@code surname} ("Patel" finds Vedant Patel), ignoring case; at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<Speaker> findBySurname(String surname, int limit) {
        return getEntityManager().createNativeQuery("""
                select s.* from speaker s
                where right(lower(s.name), length(:surname) + 1) = ' ' || lower(:surname)
                order by s.created_at, s.id""", Speaker.class)
                .setParameter("surname", surname)
                .setMaxResults(limit)
                .getResultList();
    }

    public KeysetPager.Slice<Speaker> listSpeakers(SpeakerFilter filter, SortOrder sort, PageRequest page) {
        Conditions conditions = new Conditions();
        String query = filter.query();
        if (query != null) {
            // Typo-tolerant word similarity, or a word of a name or alias starting with the text (autocomplete).
            conditions.add("(function('speaker_name_matches', :q, s.searchNames) = true"
                    + " or s.searchNames like :qStart escape '\\' or s.searchNames like :qWordStart escape '\\')", "q=" + query)
                    .bind("q", query)
                    .bind("qStart", likeEscaped(query) + "%")
                    .bind("qWordStart", "% " + likeEscaped(query) + "%");
        }
        if (filter.name != null && !filter.name.isBlank()) {
            conditions.add("lower(s.name) like :namePrefix escape '\\'", "namePrefix", likeEscaped(filter.name.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return KeysetPager.page(this, Speaker.class, "from Speaker s", "s", conditions, sort, page, s -> s.id);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
