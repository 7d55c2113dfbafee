package io.quotewire.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Refuses a body declared larger than the limit with a 413 problem before any of it is read. (The HTTP layer's
 * own limit, {@code quarkus.http.limits.max-body-size}, stays as the backstop for bodies sent without a length,
 * but answers without a problem body.)
 */
@ApplicationScoped
public class BodySizeLimit {

    public static final long MAX_BYTES = 1024 * 1024;
    /** Runs before routing, so no handler buffers the body. */
    private static final int PRIORITY = 1000;

    private final String problem;

    public BodySizeLimit(ObjectMapper mapper) throws JsonProcessingException {
        this.problem = mapper.writeValueAsString(new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), ProblemType.PAYLOAD_TOO_LARGE.title(),
                413, "The request body is larger than 1 MiB", null, List.of()));
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOverLimit(length)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .end(problem);
                return;
            }
            context.next();
        }, PRIORITY);
    }

    private static boolean isOverLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false; // a malformed length is the HTTP layer's to refuse
        }
    }
}
