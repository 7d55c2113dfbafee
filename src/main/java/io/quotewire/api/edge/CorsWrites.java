package io.quotewire.api.edge;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quotewire.api.problem.ProblemType;
import io.quotewire.api.problem.ProblemWriter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CORS for writes. Quarkus' CORS handler opens reads (GET, HEAD) to any origin; this filter answers the preflight
 * of a write, and only for the origins configured in {@code quotewire.cors.write-origins}. A browser always
 * preflights a write (it carries Authorization and a JSON body), so an origin not listed never gets to send one;
 * a write that names such an origin anyway is refused with a 403 problem.
 */
@ApplicationScoped
public class CorsWrites {

    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String ALLOWED_METHODS = "GET,HEAD,POST,PUT,PATCH,DELETE";
    private static final String ALLOWED_HEADERS = "Authorization,Content-Type,Idempotency-Key,If-Match,If-None-Match";
    private static final String EXPOSED_HEADERS = "Location,ETag,Retry-After,RateLimit,RateLimit-Policy,Idempotent-Replayed";
    private static final String MAX_AGE_SECONDS = "600";

    private final Set<String> writeOrigins;
    private final ProblemWriter problems;

    public CorsWrites(CorsConfig config, ProblemWriter problems) {
        this.problems = problems;
        this.writeOrigins = Set.copyOf(config.writeOrigins().orElse(List.of()).stream().map(String::strip).toList());
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, EdgeFilterOrder.CORS_WRITES.priority());
    }

    private void handle(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        String method = context.request().method().name();
        if (origin == null || !WRITE_METHODS.contains(method) && !isWritePreflight(context)) {
            context.next(); // not a cross-origin write: Quarkus' CORS handling (reads open to all) applies
            return;
        }
        if (!writeOrigins.contains(origin)) {
            if (isWritePreflight(context)) {
                context.response().setStatusCode(403).putHeader(HttpHeaders.VARY, "Origin").end(); // no CORS headers: the browser refuses
            } else {
                problems.write(context, ProblemType.FORBIDDEN, "Pages of this origin may not write to the API (quotewire.cors.write-origins)");
            }
            return;
        }
        context.response().putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).putHeader(HttpHeaders.VARY, "Origin");
        if (isWritePreflight(context)) {
            context.response().setStatusCode(200)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS)
                    .end();
            return;
        }
        context.response().putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        // answered here; Quarkus' handler, which opens only reads, must not refuse it again
        context.request().headers().remove(HttpHeaders.ORIGIN);
        context.next();
    }

    private static boolean isWritePreflight(RoutingContext context) {
        String requested = context.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        return context.request().method() == HttpMethod.OPTIONS && requested != null && WRITE_METHODS.contains(requested.toUpperCase(Locale.ROOT));
    }
}
