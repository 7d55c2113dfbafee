package io.quotewire.api.caching;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quotewire.replica.Databases;
import io.quotewire.replica.ReadRouting;
import io.quotewire.replica.ReplicaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Answers that are the same for everyone (the quote of the day, tags, facets, speaker pages), kept in memory and
 * dropped whole on every write: on this instance before the write's answer is sent ({@link WritesInvalidate}), on
 * every other one when PostgreSQL tells them ({@link CacheInvalidations}, LISTEN/NOTIFY from triggers on every content
 * table). So a write is visible on its own instance at once and on the others within the notification's delay.
 *
 * <p>Three rules keep an entry from outliving what it shows: a value read before a write but stored after its
 * invalidation is dropped again (the generation check); while the notification feed is down nothing new is stored
 * (entries kept from before may still answer, as when the database itself is down, and are dropped when the feed is
 * back); and a value read from the replica within the read-your-writes window after a write is not stored, since the
 * replica may not have replayed that write yet.
 */
@ApplicationScoped
public class ReadCache {

    private final Cache<Object, Object> entries;
    private final ReadRouting routing;
    private final long replicaLagMillis;
    private final boolean enabled;
    private final AtomicLong generation = new AtomicLong();
    private volatile long lastInvalidationMillis;
    private volatile boolean listening;

    public ReadCache(HttpConfig config, ReplicaConfig replica, @PersistenceUnitExtension ReadRouting routing) {
        this.entries = Caffeine.newBuilder().maximumSize(config.cache().maxEntries()).expireAfterWrite(config.cache().timeToLive()).build();
        this.routing = routing;
        this.replicaLagMillis = replica.readYourWritesWindow().toMillis();
        this.enabled = config.cache().enabled();
    }

    /** The value cached under {@code key}, else {@code load}'s (stored unless null or one of the rules above forbids). */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> load) {
        if (!enabled) {
            return load.get();
        }
        Object hit = entries.getIfPresent(key);
        if (hit != null) {
            return (T) hit;
        }
        long before = generation.get();
        T value = load.get();
        if (value != null && listening && mayStoreFromThisDatabase()) {
            entries.put(key, value);
            if (generation.get() != before) {
                entries.invalidate(key); // a write happened while loading: the value may predate it
            }
        }
        return value;
    }

    /** Drops everything: something was written. */
    public void invalidateAll() {
        generation.incrementAndGet();
        lastInvalidationMillis = System.currentTimeMillis();
        entries.invalidateAll();
    }

    /**
     * A count of the writes heard so far (this instance's own, and while {@link #hearsEveryWrite()}, every other
     * instance's): unchanged means nothing was written since it was last read. Kept whether or not the cache is on.
     */
    public long writesHeard() {
        return generation.get();
    }

    /** True while the notification feed is up, so that no write anywhere can leave {@link #writesHeard()} unchanged. */
    public boolean hearsEveryWrite() {
        return listening;
    }

    /** Whether writes elsewhere will be heard; set by {@link CacheInvalidations}. */
    void listening(boolean listening) {
        this.listening = listening;
    }

    private boolean mayStoreFromThisDatabase() {
        return !Databases.REPLICA.equals(routing.resolveTenantId())
                || System.currentTimeMillis() - lastInvalidationMillis > replicaLagMillis;
    }
}
