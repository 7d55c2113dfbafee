package io.quotewire.replica;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Sends reads to the replica, except a caller's reads right after its own write. Every successful write answers
 * with a cookie naming the moment until which that caller's reads stay on the primary (the configured window), so
 * a client that follows a Location or re-reads what it changed never sees the replica's older state. The cookie
 * holds the deadline itself, so any instance can honour it and a client that keeps an expired cookie is not held
 * on the primary.
 */
public class ReadYourWrites {

    public static final String COOKIE = "Quotewire-Primary-Until";
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final Databases databases;
    private final ReplicaHealth health;
    private final ReadRouting routing;
    private final Duration window;
    private final Counter primaryReads;
    private final Counter replicaReads;

    public ReadYourWrites(@PersistenceUnitExtension Databases databases, ReplicaHealth health, @PersistenceUnitExtension ReadRouting routing,
            ReplicaConfig config, MeterRegistry metrics) {
        this.databases = databases;
        this.health = health;
        this.routing = routing;
        this.window = config.readYourWritesWindow();
        this.primaryReads = readsOn(metrics, Databases.PRIMARY);
        this.replicaReads = readsOn(metrics, Databases.REPLICA);
    }

    private static Counter readsOn(MeterRegistry metrics, String database) {
        return Counter.builder("quotewire.reads")
                .description("GET and HEAD requests by the database they were routed to, while a replica is configured")
                .tag("database", database).register(metrics);
    }

    @ServerRequestFilter
    public void route(ContainerRequestContext request, ResourceInfo resource) {
        if (!databases.hasReplica() || !READS.contains(request.getMethod())) {
            return;
        }
        if (resource.getResourceMethod().isAnnotationPresent(PrimaryOnly.class) || wroteRecently(request.getCookies().get(COOKIE))
                || !health.usable()) {
            primaryReads.increment();
            return;
        }
        routing.readFromReplica();
        replicaReads.increment();
    }

    @ServerResponseFilter
    public void markWriter(ContainerRequestContext request, ContainerResponseContext response) {
        boolean write = !READS.contains(request.getMethod()) && !HttpMethod.OPTIONS.equals(request.getMethod());
        if (!databases.hasReplica() || !write || response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL
                || window.isZero() || window.isNegative()) {
            return;
        }
        long until = System.currentTimeMillis() + window.toMillis();
        long maxAge = Math.max(1, (window.toMillis() + 999) / 1000);
        response.getHeaders().add(HttpHeaders.SET_COOKIE,
                COOKIE + "=" + until + "; Max-Age=" + maxAge + "; Path=/api; HttpOnly; SameSite=Lax");
    }

    /** A cookie this service set whose deadline has not passed; anything else (absent, expired, garbled) is ignored. */
    private static boolean wroteRecently(Cookie cookie) {
        if (cookie == null) {
            return false;
        }
        try {
            return Long.parseLong(cookie.getValue()) > System.currentTimeMillis();
        } catch (NumberFormatException garbled) {
            return false;
        }
    }
}
