package io.quotewire.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The article_ingest table: which source each ingested article identity became. */
@ApplicationScoped
public class ArticleIngestRepository {

    private final EntityManager entityManager;

    public ArticleIngestRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<UUID> findSourceId(String identity) {
        List<?> ids = entityManager.createNativeQuery("select source_id from article_ingest where identity = :identity and source_id is not null")
                .setParameter("identity", identity)
                .getResultList();
        return ids.stream().map(UUID.class::cast).findFirst();
    }

    /**
     * Claims the identity for the current transaction. While another transaction holds an uncommitted claim of
     * the same identity this waits for it to end; it answers false when that transaction (or an earlier one)
     * committed the identity, which the caller then finds with {@link #findSourceId}.
     */
    public boolean claim(String identity) {
        return entityManager.createNativeQuery("insert into article_ingest (identity) values (:identity) on conflict do nothing")
                .setParameter("identity", identity)
                .executeUpdate() == 1;
    }

    /** Records the source a claimed identity became. */
    public void attach(String identity, UUID sourceId) {
        entityManager.createNativeQuery("update article_ingest set source_id = :source where identity = :identity")
                .setParameter("source", sourceId)
                .setParameter("identity", identity)
                .executeUpdate();
    }
}
