package io.quotewire.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quotewire.api.json.StorableStrings;
import io.quotewire.api.json.StrictJson;
import io.quotewire.auth.ApiKeyAuthenticationMechanism;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.CharacterCodingException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.exception.JDBCConnectionException;
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
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.type(), e.getMessage(), uri, e.errors());
        // a 503 the code decided on (such as a search cursor whose index is being rebuilt) says when to come back too
        return e.type() == ProblemType.SERVICE_UNAVAILABLE
                ? Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build()
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
        return builder(ProblemType.UNAUTHORIZED, detail, uri, List.of(), ProblemType.UNAUTHORIZED.status())
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
    public Response http(WebApplicationException e, UriInfo uri) {
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
        Response.ResponseBuilder response = builder(type, detailFor(type, status), uri, List.of(), status);
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        Optional<Response> unavailable = transientDatabaseFailure(e, uri);
        if (unavailable.isPresent()) {
            return unavailable.get();
        }
        if (e instanceof org.hibernate.exception.ConstraintViolationException) {
            // The service checks uniqueness and references first; this is the safety net for a concurrent write.
            return respond(ProblemType.CONFLICT, "The request conflicts with data written at the same time; retry it", uri, List.of());
        }
        LOG.error("Persistence failure", e);
        return respond(ProblemType.INTERNAL, "The request could not be completed", uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Optional<Response> unavailable = transientDatabaseFailure(e, uri);
        if (unavailable.isPresent()) {
            return unavailable.get();
        }
        LOG.error("Unexpected failure", e);
        return respond(ProblemType.INTERNAL, "The request could not be completed", uri, List.of());
    }

    /**
     * A 503 with {@code Retry-After} when the database failed in a way a retry can cure, else empty: it cannot be
     * reached or is short of resources, or it cancelled the statement and asks for a retry.
     */
    private static Optional<Response> transientDatabaseFailure(Exception e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String state = t instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
            // 08: connection exceptions; 53: the server is out of connections, memory or disk; 57P0x: it is shutting
            // down, crashed, or not yet accepting connections, which a pooled connection reports on its first use
            // after PostgreSQL went away
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || state.startsWith("08") || state.startsWith("53") || state.startsWith("57P0")) {
                return Optional.of(unavailable(e, uri, "The database is not reachable at the moment", RETRY_AFTER_SECONDS));
            }
            // 40P01: a deadlock; 40001: a serialization failure, which is also what a read replica raises when
            // replaying the primary's changes conflicts with a running query
            if (state.equals("40001") || state.equals("40P01")) {
                return Optional.of(unavailable(e, uri, "The database cancelled this request because of concurrent work; retry it", "1"));
            }
        }
        return Optional.empty();
    }

    private static Response unavailable(Exception e, UriInfo uri, String detail, String retryAfterSeconds) {
        LOG.warnf("Database unavailable: %s", e.getMessage());
        return builder(ProblemType.SERVICE_UNAVAILABLE, detail, uri, List.of(), ProblemType.SERVICE_UNAVAILABLE.status())
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .build();
    }

    private static String detailFor(ProblemType type, int status) {
        return switch (type) {
            case NOT_FOUND -> "Nothing is found at this path";
            case METHOD_NOT_ALLOWED -> "This method is not supported on this resource";
            case NOT_ACCEPTABLE -> "This resource is available as application/json";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than 1 MiB";
            case UNSUPPORTED_MEDIA_TYPE -> "This Content-Type is not accepted here";
            default -> "The request is invalid (HTTP " + status + ")";
        };
    }

    public static Response respond(ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return builder(type, detail, uri, errors, type.status()).build();
    }

    private static Response.ResponseBuilder builder(ProblemType type, String detail, UriInfo uri, List<Problem.FieldError> errors, int status) {
        String instance = uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(new Problem(type.uri(), type.title(), status, detail, instance, errors));
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
