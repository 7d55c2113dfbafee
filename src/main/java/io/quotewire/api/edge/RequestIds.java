package io.quotewire.api.edge;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane token, else a new UUID. It is
 * echoed in the response and put in the logging context, so every log line of the request carries it.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Letters, digits and a few separators, at most 128 characters: anything else could forge log lines. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String offered = context.request().getHeader(HEADER);
            String id = offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
            context.put(MDC_KEY, id);
            MDC.put(MDC_KEY, id);
            context.response().putHeader(HEADER, id);
            context.addEndHandler(ignored -> MDC.remove(MDC_KEY));
            context.next();
        }, EdgeFilterOrder.REQUEST_IDS.priority());
    }
}
