package io.quotewire.quotable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quotewire.api.edge.EdgeFilterOrder;
import io.quotewire.api.edge.RequestScreening;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * The edge of the Quotable layer, on the HTTP router before routing:
 * <ul>
 * <li>serves it at the configured prefix: a request under the prefix is rerouted to {@link QuotableResource#MOUNT}
 * (once, before any other filter has run, so it is counted and screened once), and the mount itself answers 404
 * when the prefix is elsewhere;</li>
 * <li>answers in Quotable's error format what the shared filters would refuse in ours: another method than GET or
 * HEAD is a 404 (Quotable's routes were GET only), a query string that is not UTF-8 or holds a control character a
 * 400;</li>
 * <li>drops the Accept header: Quotable answered JSON whatever a client asked for.</li>
 * </ul>
 */
@ApplicationScoped
public class QuotableEdge {

    private static final String REROUTED = "quotewire.quotable.rerouted";
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final String prefix;
    private final String notFound;
    private final String badQuery;

    public QuotableEdge(QuotableConfig config, ObjectMapper mapper) throws JsonProcessingException {
        this.prefix = config.prefix().replaceAll("/+$", "");
        if (!prefix.startsWith("/") || prefix.length() < 2) {
            throw new IllegalArgumentException("quotewire.quotable.prefix must be a path such as /quotable, not '" + config.prefix() + "'");
        }
        this.notFound = mapper.writeValueAsString(new QuotableError(404, QuotableError.NOT_FOUND));
        this.badQuery = mapper.writeValueAsString(new QuotableError(400, "The path or query is not percent-encoded UTF-8, or holds a control character"));
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, EdgeFilterOrder.QUOTABLE.priority());
    }

    private void handle(RoutingContext context) {
        String path = context.normalizedPath();
        boolean rerouted = context.get(REROUTED) != null;
        if (!prefix.equals(QuotableResource.MOUNT) && !rerouted) {
            if (isUnder(path, prefix)) {
                context.put(REROUTED, Boolean.TRUE);
                String query = context.request().query();
                context.reroute(QuotableResource.MOUNT + path.substring(prefix.length()) + (query == null ? "" : "?" + query));
                return;
            }
            if (isUnder(path, QuotableResource.MOUNT)) {
                answer(context, 404, notFound);
                return;
            }
        }
        if (!isUnder(path, QuotableResource.MOUNT)) {
            context.next();
            return;
        }
        if (!READS.contains(context.request().method())) {
            answer(context, 404, notFound);
        } else if (!RequestScreening.isCleanText(context.request().uri())) {
            answer(context, 400, badQuery);
        } else {
            context.request().headers().remove(HttpHeaders.ACCEPT);
            context.next();
        }
    }

    private static boolean isUnder(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }

    private static void answer(RoutingContext context, int status, String body) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }
}
