package io.quotewire.api.caching;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quotewire.replica.Databases;
import io.quotewire.replica.ReadRouting;
import io.quotewire.replica.ReplicaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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
 *
 * <p>Besides whole answers it keeps single records' views by id ({@link #records}), in a cache of their own so that
 * the many records of search pages do not push out the few answers that everyone asks for; both are dropped together.
 */
@ApplicationScoped
public class ReadCache implements MeterBinder {

    private final Cache<Object, Object> entries;
    private final Cache<UUID, Object> records;
    private final ReadRouting routing;
    private final long replicaLagMillis;
    private final boolean enabled;
    private final boolean recordsEnabled;
    private final AtomicLong generation = new AtomicLong();
    private volatile long lastInvalidationMillis;
    private volatile boolean listening;

    public ReadCache(HttpConfig config, ReplicaConfig replica, @PersistenceUnitExtension ReadRouting routing) {
        this.entries = Caffeine.newBuilder().maximumSize(config.cache().maxEntries()).expireAfterWrite(config.cache().timeToLive())
                .recordStats().build();
        this.records = Caffeine.newBuilder().maximumSize(config.cache().maxRecords()).expireAfterWrite(config.cache().timeToLive())
                .recordStats().build();
        this.routing = routing;
        this.replicaLagMillis = replica.readYourWritesWindow().toMillis();
        this.enabled = config.cache().enabled();
        this.recordsEnabled = enabled && config.cache().maxRecords() > 0;
    }

    /** cache_gets_total{cache="read-answers"|"read-records",result="hit"|"miss"} and the like on /q/metrics. */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, entries, "read-answers");
        CaffeineCacheMetrics.monitor(registry, records, "read-records");
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

    /**
     * The views of the records with {@code ids}: those held in memory, and the others read by {@code load} in one call
     * (and stored under the same rules as {@link #get}). Ids {@code load} does not find are absent from the answer.
     */
    @SuppressWarnings("unchecked")
    public <V> Map<UUID, V> records(List<UUID> ids, Function<List<UUID>, Map<UUID, V>> load) {
        if (!recordsEnabled) {
            return load.apply(ids);
        }
        Map<UUID, V> found = new HashMap<>(2 * ids.size());
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            Object hit = records.getIfPresent(id);
            if (hit != null) {
                found.put(id, (V) hit);
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        long before = generation.get();
        Map<UUID, V> loaded = load.apply(missing);
        found.putAll(loaded);
        if (listening && mayStoreFromThisDatabase()) {
            records.putAll(loaded);
            if (generation.get() != before) {
                records.invalidateAll(loaded.keySet()); // a write happened while loading
            }
        }
        return found;
    }

    /** Drops everything: something was written. */
    public void invalidateAll() {
        generation.incrementAndGet();
        lastInvalidationMillis = System.currentTimeMillis();
        entries.invalidateAll();
        records.invalidateAll();
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
