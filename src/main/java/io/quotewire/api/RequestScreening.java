package io.quotewire.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;

/**
 * Refuses, before routing and before any of the body is read, the requests no endpoint could serve: a body declared
 * larger than 1 MiB (413) and a path or query holding an encoded NUL character, which no text in PostgreSQL can hold
 * (400). The HTTP layer's own limit, {@code quarkus.http.limits.max-body-size}, stays as the backstop for bodies
 * sent without a length, but answers without a problem body.
 */
@ApplicationScoped
public class RequestScreening {

    public static final long MAX_BYTES = 1024 * 1024;
    /** Runs before routing, so no handler buffers the body. */
    private static final int PRIORITY = 1000;

    private final String tooLarge;
    private final String nulInUri;

    public RequestScreening(ObjectMapper mapper) throws JsonProcessingException {
        this.tooLarge = mapper.writeValueAsString(new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), ProblemType.PAYLOAD_TOO_LARGE.title(),
                413, "The request body is larger than 1 MiB", null, List.of()));
        this.nulInUri = mapper.writeValueAsString(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(),
                400, "The path or query contains a NUL character (%00), which no field can hold", null, List.of()));
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOverLimit(length)) {
                refuse(context, 413, tooLarge);
            } else if (context.request().uri().toLowerCase(Locale.ROOT).contains("%00")) {
                refuse(context, 400, nulInUri);
            } else {
                context.next();
            }
        }, PRIORITY);
    }

    private static void refuse(RoutingContext context, int status, String problem) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem);
    }

    private static boolean isOverLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false; // a malformed length is the HTTP layer's to refuse
        }
    }
}
