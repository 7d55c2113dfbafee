package io.quotewire.api.ratelimit;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quotewire.api.edge.EdgeFilterOrder;
import io.quotewire.api.problem.ProblemType;
import io.quotewire.api.problem.ProblemWriter;
import io.quotewire.auth.ApiKeys;
import io.quotewire.persistence.DatabaseFailure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Rate limiting per client: the holder of a valid API key, else the IP address. Each client has a token bucket of
 * {@code quotewire.rate-limit.requests} per {@code window}, kept in PostgreSQL by Bucket4j so that every instance
 * counts against the same quota. Every limited answer tells the quota in the IETF {@code RateLimit-Policy} and
 * {@code RateLimit} headers (draft-ietf-httpapi-ratelimit-headers); past it the answer is a 429 problem with
 * {@code Retry-After}. Health, metrics and the other {@code /q/} endpoints are never limited.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);
    private static final String POLICY = "default";
    private static final long CLEANUP_EVERY_MILLIS = 60_000;

    private final RateLimitConfig config;
    private final ApiKeys keys;
    private final ProblemWriter problems;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration bucket;
    private final String policyHeader;
    private final String keyPrefix;
    private final AtomicLong nextCleanup = new AtomicLong();

    public RateLimits(RateLimitConfig config, ApiKeys keys, ProblemWriter problems, AgroalDataSource dataSource) {
        this.config = config;
        this.keys = keys;
        this.problems = problems;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        this.bucket = BucketConfiguration.builder()
                .addLimit(BandwidthBuilder.builder().capacity(config.requests()).refillIntervally(config.requests(), config.window()).build())
                .build();
        long windowSeconds = Math.max(1, config.window().toSeconds());
        this.policyHeader = "\"" + POLICY + "\";q=" + config.requests() + ";w=" + windowSeconds;
        // a changed quota starts fresh buckets rather than inheriting ones made for the old quota
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
        context.vertx().<ConsumptionProbe>executeBlocking(() -> consume(client), false).onComplete(result -> {
            if (result.failed()) {
                onFailure(context, result.cause());
                return;
            }
            ConsumptionProbe probe = result.result();
            context.response().putHeader("RateLimit-Policy", policyHeader);
            context.response().putHeader("RateLimit", "\"" + POLICY + "\";r=" + probe.getRemainingTokens() + ";t=" + seconds(probe.getNanosToWaitForReset()));
            if (probe.isConsumed()) {
                context.next();
                return;
            }
            answer(context, ProblemType.TOO_MANY_REQUESTS, "This client has used its " + config.requests() + " requests per "
                    + config.window().toSeconds() + " s; retry after the Retry-After seconds", seconds(probe.getNanosToWaitForRefill()));
        });
    }

    private ConsumptionProbe consume(String client) {
        ConsumptionProbe probe = buckets.builder().build(client, () -> bucket).tryConsumeAndReturnRemaining(1);
        long now = System.currentTimeMillis();
        long due = nextCleanup.get();
        if (now >= due && nextCleanup.compareAndSet(due, now + CLEANUP_EVERY_MILLIS)) {
            buckets.removeExpired(1000);
        }
        return probe;
    }

    /**
     * With the database unreachable the request could not be answered anyway: say so at once with a 503 rather than
     * wait for the database a second time. Any other failure of the limiter lets the request through: a limiter
     * fault must not take the API down.
     */
    private void onFailure(RoutingContext context, Throwable failure) {
        if (DatabaseFailure.of(failure).filter(f -> f == DatabaseFailure.UNAVAILABLE).isPresent()) {
            answer(context, ProblemType.SERVICE_UNAVAILABLE, "The database is not reachable at the moment",
                    DatabaseFailure.UNAVAILABLE.retryAfterSeconds());
            return;
        }
        LOG.warn("Rate limiter failed; the request is let through", failure);
        context.next();
    }

    private void answer(RoutingContext context, ProblemType type, String detail, long retryAfterSeconds) {
        context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds)));
        problems.write(context, type, detail);
    }

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

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
