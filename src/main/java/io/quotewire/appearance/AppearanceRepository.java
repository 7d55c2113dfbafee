package io.quotewire.appearance;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quotewire.api.paging.Conditions;
import io.quotewire.api.paging.KeysetPager;
import io.quotewire.api.paging.PageRequest;
import io.quotewire.api.paging.SortOrder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

@ApplicationScoped
public class AppearanceRepository implements PanacheRepositoryBase<Appearance, UUID> {

    /** Oldest first: the quote's own appearance, then the others in the order they were added. */
    static final List<SortOrder.Field> SORTABLE = List.of(new SortOrder.Field("createdAt", "createdAt", SortOrder.Kind.INSTANT));

    public KeysetPager.Slice<Appearance> listAppearances(UUID quoteId, PageRequest page) {
        return KeysetPager.page(this, Appearance.class, "from Appearance a join fetch a.source", "a",
                new Conditions().add("a.quoteId = :quote", "quote", quoteId), SortOrder.parse(null, SORTABLE, "createdAt"), page, a -> a.id);
    }

    /** The oldest stored quote with this speaker and exactly this text (found by the quote_identity_idx index). */
    public Optional<UUID> findRepeatedQuote(UUID speakerId, String text) {
        List<?> found = getEntityManager().createNativeQuery("select id from quote where md5(text) = md5(:text) and speaker_id = :speaker "
                        + "and text = :text order by created_at, id limit 1")
                .unwrap(NativeQuery.class)
                .setParameter("text", text, StandardBasicTypes.STRING)
                .setParameter("speaker", speakerId, StandardBasicTypes.UUID)
                .getResultList();
        return found.stream().findFirst().map(UUID.class::cast);
    }

    /**
     * Records that the quote was also reported by the source, unless that source already has an appearance of it.
     *
     * @return whether an appearance was added
     */
    public boolean addAppearance(UUID quoteId, UUID sourceId, Integer start, Integer end, String context, LocalDate seenOn) {
        return getEntityManager().createNativeQuery("insert into quote_appearance (id, quote_id, source_id, start_offset, end_offset, "
                        + "context, seen_on, created_at) values (:id, :quote, :source, :start, :end, :context, :seenOn, :now) on conflict do nothing")
                .unwrap(NativeQuery.class)
                .setParameter("id", Appearance.idOf(quoteId, sourceId), StandardBasicTypes.UUID)
                .setParameter("quote", quoteId, StandardBasicTypes.UUID)
                .setParameter("source", sourceId, StandardBasicTypes.UUID)
                .setParameter("start", start, StandardBasicTypes.INTEGER)
                .setParameter("end", end, StandardBasicTypes.INTEGER)
                .setParameter("context", context, StandardBasicTypes.STRING)
                .setParameter("seenOn", seenOn, StandardBasicTypes.LOCAL_DATE)
                .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS), StandardBasicTypes.INSTANT)
                .executeUpdate() == 1;
    }
}
