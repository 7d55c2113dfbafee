package io.quotewire.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Writes every problem the service answers with, so that each one has the same members ({@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}) and the same headers ({@code application/problem+json},
 * {@code Cache-Control: no-store}), whether it is answered by {@link ProblemMapper} in JAX-RS or by a router filter
 * that refuses a request before JAX-RS sees it.
 */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper mapper;

    public ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The problem of {@code type} about the request at {@code path}. */
    public static Problem problem(ProblemType type, String detail, String path, List<Problem.FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instanceOf(path), errors);
    }

    /** A JAX-RS answer carrying the problem; the caller may add headers before building it. */
    public static Response.ResponseBuilder response(ProblemType type, String detail, String path, List<Problem.FieldError> errors) {
        return response(type, type.status(), detail, path, errors);
    }

    /** The same with a status of the type's class that the type does not name (a 4xx the HTTP layer chose). */
    static Response.ResponseBuilder response(ProblemType type, int status, String detail, String path, List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(new Problem(type.uri(), type.title(), status, detail, instanceOf(path), errors));
    }

    /**
     * Ends the router's request with the problem. Headers the answer needs beyond the problem's own (such as
     * {@code Retry-After}) are put on {@code context.response()} before calling this.
     */
    public void write(RoutingContext context, ProblemType type, String detail) {
        String body;
        try {
            body = mapper.writeValueAsString(problem(type, detail, context.request().path(), List.of()));
        } catch (JsonProcessingException e) {
            context.fail(e);
            return;
        }
        context.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }

    /** The request path as the problem's {@code instance}: always absolute, nothing of the query. */
    private static String instanceOf(String path) {
        return path == null ? null : "/" + path.replaceFirst("^/", "");
    }
}
