package io.quotewire.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quotewire.api.edge.RequestBodies;
import io.quotewire.api.json.StorableStrings;
import io.quotewire.api.json.StrictJson;
import io.quotewire.auth.ApiKeyAuthenticationMechanism;
import io.quotewire.persistence.DatabaseFailure;
import io.vertx.core.http.HttpClosedException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one error policy of the API: every failure, whether thrown by our code, by Jackson, by Bean Validation, by
 * the JAX-RS router or by the database, becomes an RFC 9457 problem. Nothing internal (class names, SQL, stack
 * traces) reaches the client; unexpected failures are logged here.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** Fields the server owns: sent in a write body they are refused, never silently ignored. */
    private static final Set<String> READ_ONLY_FIELDS = Set.of("id", "createdAt", "updatedAt", "quoteCount", "length", "version");

    /** When to come back after a 503 the code decided on: as long as after an unreachable database. */
    private static final String RETRY_AFTER_SECONDS = Integer.toString(DatabaseFailure.UNAVAILABLE.retryAfterSeconds());

    private final AcceptedMediaTypes mediaTypes;

    public ProblemMapper(AcceptedMediaTypes mediaTypes) {
        this.mediaTypes = mediaTypes;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.type(), e.getMessage(), uri, e.errors());
        // a 503 the code decided on (such as a search cursor whose index is being rebuilt) says when to come back too
        return e.type() == ProblemType.SERVICE_UNAVAILABLE
                ? Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, "5").build()
                : response;
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
        return respond(ProblemType.VALIDATION, detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized("A valid API key is required: send Authorization: Bearer <key>", uri);
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e, UriInfo uri) {
        return unauthorized("This request needs an API key: send Authorization: Bearer <key>", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "This API key's role does not allow this request", uri, List.of());
    }

    private static Response unauthorized(String detail, UriInfo uri) {
        return ProblemWriter.response(ProblemType.UNAUTHORIZED, detail, pathOf(uri), List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthenticationMechanism.CHALLENGE)
                .build();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = READ_ONLY_FIELDS.contains(e.getPropertyName()) ? "is read-only and cannot be written" : "is not a known field";
        return respond(ProblemType.VALIDATION, field + " " + message, uri, List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return respond(ProblemType.MALFORMED_BODY, "The request body does not have the expected shape", uri, List.of());
        }
        String message = e instanceof InvalidFormatException invalid && invalid.getValue() instanceof String
                ? refusedText(invalid.getOriginalMessage())
                : "has the wrong type or format";
        return respond(ProblemType.MALFORMED_BODY, field + " " + message, uri, List.of(new Problem.FieldError(field, message)));
    }

    /** Our own reason for refusing a JSON string (StorableStrings, StrictJson), else the general one. */
    private static String refusedText(String reason) {
        for (String own : List.of(StorableStrings.MESSAGE, StrictJson.OUT_OF_RANGE)) {
            if (reason != null && reason.contains(own)) {
                return own;
            }
        }
        return "has the wrong type or format";
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof ProblemException problem) {
            return problem(problem, uri);
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(ProblemType.MALFORMED_BODY, "The request body is not valid JSON" + where, uri, List.of());
    }

    @ServerExceptionMapper
    public Response undecodable(CharacterCodingException e, UriInfo uri) {
        return respond(ProblemType.MALFORMED_BODY, "The request body is not valid UTF-8", uri, List.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, Request request) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return respond(ProblemType.INTERNAL, "The request could not be completed", uri, List.of());
        }
        if (status == 404 && e.getCause() != null && !(e.getCause() instanceof ProblemException)) {
            // JAX-RS answers a path or query value it cannot convert with 404; the resource exists, the value is bad.
            return respond(ProblemType.VALIDATION, "A path or query parameter has the wrong type or format", uri, List.of());
        }
        ProblemType type = switch (status) {
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemType.VALIDATION;
        };
        if (e.getCause() instanceof ProblemException problem) {
            return problem(problem, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        String detail = type == ProblemType.UNSUPPORTED_MEDIA_TYPE ? unsupported(request, uri) : detailFor(type, status);
        Response.ResponseBuilder response = ProblemWriter.response(type, status, detail, pathOf(uri), List.of());
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Optional<DatabaseFailure> retryable = DatabaseFailure.of(e);
        if (retryable.isPresent()) {
            return databaseFailure(retryable.get(), e, uri);
        }
        if (clientLeft(e)) {
            // the client closed the connection while its body was being read (an upload abandoned): no one is left to
            // answer, and nothing went wrong here
            LOG.infof("The client closed the connection before its request ended: %s %s", uri == null ? "" : uri.getPath(), e.getMessage());
            return respond(ProblemType.MALFORMED_BODY, "The connection closed before the request body ended", uri, List.of());
        }
        LOG.error("Unexpected failure", e);
        return respond(ProblemType.INTERNAL, "The request could not be completed", uri, List.of());
    }

    private static boolean clientLeft(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    /** A failure a retry can cure: a 503 with {@code Retry-After}, or a 409 for a write that lost a race. */
    private static Response databaseFailure(DatabaseFailure failure, Exception e, UriInfo uri) {
        if (failure == DatabaseFailure.LOST_RACE) {
            // The service checks uniqueness and references first; this is the safety net for a concurrent write.
            return respond(ProblemType.CONFLICT, "The request conflicts with data written at the same time; retry it", uri, List.of());
        }
        LOG.warnf("Database unavailable: %s", e.getMessage());
        String detail = failure == DatabaseFailure.UNAVAILABLE
                ? "The database is not reachable at the moment"
                : "The database cancelled this request because of concurrent work; retry it";
        return ProblemWriter.response(ProblemType.SERVICE_UNAVAILABLE, detail, pathOf(uri), List.of())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(failure.retryAfterSeconds()))
                .build();
    }

    /** A 415 names what the operation takes, which the router that refused the Content-Type does not say. */
    private String unsupported(Request request, UriInfo uri) {
        Set<String> accepted = request == null || uri == null ? Set.of() : mediaTypes.accepted(request.getMethod(), uri.getPath());
        return accepted.isEmpty()
                ? "This Content-Type is not accepted here"
                : "This Content-Type is not accepted here; send " + String.join(" or ", accepted);
    }

    private static String detailFor(ProblemType type, int status) {
        return switch (type) {
            case NOT_FOUND -> "Nothing is found at this path";
            case METHOD_NOT_ALLOWED -> "This method is not supported on this resource";
            case NOT_ACCEPTABLE -> "This resource is available as application/json";
            case PAYLOAD_TOO_LARGE -> RequestBodies.TOO_LARGE;
            default -> "The request is invalid (HTTP " + status + ")";
        };
    }

    private static Response respond(ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return ProblemWriter.response(type, detail, pathOf(uri), errors).build();
    }

    private static String pathOf(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static String jsonPath(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                parts.add(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                parts.add("[" + ref.getIndex() + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    /**
     * The client's name for the invalid value: the query parameter, or the body field path without the Java
     * method and parameter names.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean inBody = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                names.add(node.getName());
                continue;
            }
            if (!inBody && node.getKind() == ElementKind.PROPERTY && !names.isEmpty()) {
                names.clear(); // the body parameter's Java name means nothing to the client
            }
            inBody = true;
            String name = node.getName() == null ? "" : node.getName();
            names.add(node.getIndex() != null ? name + "[" + node.getIndex() + "]" : name);
        }
        return String.join(".", names);
    }
}
