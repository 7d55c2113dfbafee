package io.quotewire.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quotewire.api.edge.EdgeFilterOrder;
import io.quotewire.api.problem.ProblemType;
import io.quotewire.api.problem.ProblemWriter;
import io.quotewire.auth.ApiKeys;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Rate limiting per client: the holder of a valid API key, else the IP address (the client's own, as named by a
 * trusted proxy, see {@code quarkus.http.proxy.*}). Each client may send {@code quotewire.rate-limit.requests} per
 * fixed {@code window}, counted by every instance together in PostgreSQL ({@code rate_limit_windows}).
 *
 * <p>No request waits for the database: each instance decides on its own view of the shared count
 * ({@link ClientQuota}) and pushes what it allowed in the background, at the latest every {@code sync-interval} and
 * whenever half its slack is used. Only an instance that has allowed its whole slack without an answer from the
 * database makes the next request of that client wait for one. The bound this gives (quota + instances x slack) is
 * tested by {@code TwoInstanceIT#twoInstancesTogetherAllowAtMostTenPercentOverTheQuota}.
 *
 * <p>Every limited answer tells the quota in the IETF {@code RateLimit-Policy} and {@code RateLimit} headers
 * (draft-ietf-httpapi-ratelimit-headers); past it the answer is a 429 problem with {@code Retry-After}. Health, metrics
 * and the other {@code /q/} endpoints are never limited. While the database is unreachable each instance enforces the
 * quota alone, so answers that need no database (cached reads) keep coming.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);
    private static final String POLICY = "default";
    private static final int MAX_WAITS = 5;
    private static final String ADD = """
            insert into rate_limit_windows (client, window_start, used) values (?, ?, ?)
            on conflict (client, window_start) do update set used = rate_limit_windows.used + excluded.used
            returning used""";

    private final RateLimitConfig config;
    private final ApiKeys keys;
    private final ProblemWriter problems;
    private final AgroalDataSource dataSource;
    private final long windowMillis;
    private final long slack;
    private final Cache<String, ClientQuota> clients;
    private final String policyHeader;
    private final String keyPrefix;
    private volatile boolean databaseDown;

    public RateLimits(RateLimitConfig config, ApiKeys keys, ProblemWriter problems, AgroalDataSource dataSource) {
        this.config = config;
        this.keys = keys;
        this.problems = problems;
        this.dataSource = dataSource;
        this.windowMillis = Math.max(1000, config.window().toMillis());
        this.slack = Math.max(1, (long) Math.floor(config.requests() * config.unsynchronizedShare()));
        this.clients = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMillis(2 * windowMillis))
                .maximumSize(1_000_000)
                .build();
        long windowSeconds = windowMillis / 1000;
        this.policyHeader = "\"" + POLICY + "\";q=" + config.requests() + ";w=" + windowSeconds;
        // a changed quota starts fresh counts rather than inheriting ones made for the old quota
        this.keyPrefix = "q" + config.requests() + "w" + windowSeconds + ":";
    }

    void register(@Observes Filters filters) {
        filters.register(this::limit, EdgeFilterOrder.RATE_LIMITS.priority());
    }

    private void limit(RoutingContext context) {
        if (!config.enabled() || context.normalizedPath().startsWith("/q/")) {
            context.next();
            return;
        }
        String client = keyPrefix + clientOf(context);
        ClientQuota quota = clients.get(client, c -> new ClientQuota(config.requests(), slack, config.syncInterval().toMillis()));
        long now = System.currentTimeMillis();
        ClientQuota.Decision decision = quota.tryConsume(now / windowMillis, now);
        if (decision instanceof ClientQuota.MustSynchronize) {
            // the only case that waits for the database, and only on a worker thread
            context.vertx().<ClientQuota.Decision>executeBlocking(() -> decideAfterSync(client, quota), false)
                    .onComplete(result -> respond(context, client, quota, result.succeeded() ? result.result() : new ClientQuota.Denied()));
            return;
        }
        respond(context, client, quota, decision);
    }

    private void respond(RoutingContext context, String client, ClientQuota quota, ClientQuota.Decision decision) {
        long now = System.currentTimeMillis();
        long reset = seconds(windowMillis - now % windowMillis);
        context.response().putHeader("RateLimit-Policy", policyHeader);
        if (decision instanceof ClientQuota.Allowed allowed) {
            context.response().putHeader("RateLimit", "\"" + POLICY + "\";r=" + Math.max(0, allowed.remaining()) + ";t=" + reset);
            if (allowed.synchronizeSoon()) {
                context.vertx().executeBlocking(() -> {
                    sync(client, quota, true);
                    return null;
                }, false);
            }
            context.next();
            return;
        }
        context.response().putHeader("RateLimit", "\"" + POLICY + "\";r=0;t=" + reset);
        answer(context, ProblemType.TOO_MANY_REQUESTS, "This client has used its " + config.requests() + " requests per "
                + config.window().toSeconds() + " s; retry after the Retry-After seconds", reset);
    }

    private ClientQuota.Decision decideAfterSync(String client, ClientQuota quota) {
        for (int attempt = 0; attempt < MAX_WAITS; attempt++) {
            sync(client, quota, false);
            long now = System.currentTimeMillis();
            ClientQuota.Decision decision = quota.tryConsume(now / windowMillis, now);
            if (!(decision instanceof ClientQuota.MustSynchronize)) {
                return decision;
            }
        }
        // concurrent requests of this client keep using the slack up: refusing is the side that keeps the bound
        return new ClientQuota.Denied();
    }

    /** Adds this instance's pending requests of {@code client} to the shared count and reads the total back. */
    private void sync(String client, ClientQuota quota, boolean background) {
        long now = System.currentTimeMillis();
        ClientQuota.Batch batch = quota.startSync(now / windowMillis);
        try (Connection connection = dataSource.getConnection(); PreparedStatement add = connection.prepareStatement(ADD)) {
            add.setString(1, client);
            add.setLong(2, batch.window() * windowMillis);
            add.setLong(3, batch.requests());
            try (ResultSet total = add.executeQuery()) {
                total.next();
                quota.synced(batch, total.getLong(1), System.currentTimeMillis(), background);
            }
            if (databaseDown) {
                databaseDown = false;
                LOG.info("Rate limits are shared with the other instances again");
            }
        } catch (SQLException | RuntimeException e) {
            quota.syncFailed(batch, System.currentTimeMillis(), background);
            if (!databaseDown) {
                databaseDown = true;
                LOG.warnf("The shared rate-limit count cannot be reached (%s); each instance enforces the quota alone meanwhile", e.toString());
            }
        }
    }

    /** Counts of ended windows are dropped; every instance does it, which costs one indexed delete a minute. */
    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dropEndedWindows() {
        if (!config.enabled()) {
            return;
        }
        long before = (System.currentTimeMillis() / windowMillis - 1) * windowMillis;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement drop = connection.prepareStatement("delete from rate_limit_windows where window_start < ?")) {
            drop.setLong(1, before);
            drop.executeUpdate();
        } catch (SQLException e) {
            LOG.debugf("Ended rate-limit windows not dropped this time: %s", e);
        }
    }

    private void answer(RoutingContext context, ProblemType type, String detail, long retryAfterSeconds) {
        context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds)));
        problems.write(context, type, detail);
    }

    /**
     * The API key's holder, else the client's address: with {@code quarkus.http.proxy.proxy-address-forwarding} on,
     * Quarkus has already replaced the peer's address by the one a trusted proxy forwarded, and by nothing else.
     */
    private String clientOf(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var key = keys.find(authorization.substring(7).strip());
            if (key.isPresent()) {
                return "key:" + key.get().name();
            }
        }
        return "ip:" + (context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress());
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
