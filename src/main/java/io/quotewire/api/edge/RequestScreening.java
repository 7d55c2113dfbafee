package io.quotewire.api.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quotewire.api.problem.Problem;
import io.quotewire.api.problem.ProblemType;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses, before routing and before any of the body is read, the requests no endpoint could serve: a body declared
 * larger than 1 MiB (413); a write whose body has no usable Content-Type, which no endpoint can interpret (415); and a path
 * or query that is not percent-encoded UTF-8 or holds a control character such as an encoded NUL, which no id, slug,
 * date or search text can contain (400). Vert.x would otherwise decode a malformed sequence to U+FFFD and let the
 * request through as if the client had sent that character. A body sent in chunks, without a length, is held to the
 * same limit by {@link RequestBodies} as it is read; the HTTP layer's own limit,
 * {@code quarkus.http.limits.max-body-size}, is only the backstop above both and answers without a problem body.
 */
@ApplicationScoped
public class RequestScreening {

    public static final long MAX_BYTES = 1024 * 1024;
    static final String IMPORTS = "/api/v1/imports";

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    /** RFC 9110 media-type: type "/" subtype *( OWS ";" OWS parameter ). */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "\\s*" + TOKEN + "/" + TOKEN + "(\\s*;\\s*" + TOKEN + "=(" + TOKEN + "|\"([^\"\\\\]|\\\\.)*\"))*\\s*");

    private final String tooLarge;
    private final String badUri;
    private final String untyped;

    public RequestScreening(ObjectMapper mapper) throws JsonProcessingException {
        this.tooLarge = mapper.writeValueAsString(new Problem(ProblemType.PAYLOAD_TOO_LARGE.uri(), ProblemType.PAYLOAD_TOO_LARGE.title(),
                413, "The request body is larger than 1 MiB", null, List.of()));
        this.badUri = mapper.writeValueAsString(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(),
                400, "The path or query is not percent-encoded UTF-8, or holds a control character such as NUL (%00)", null, List.of()));
        this.untyped = mapper.writeValueAsString(new Problem(ProblemType.UNSUPPORTED_MEDIA_TYPE.uri(), ProblemType.UNSUPPORTED_MEDIA_TYPE.title(),
                415, "The request body has no Content-Type, or not a single concrete media type; send application/json", null, List.of()));
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOverLimit(length) && !isImport(context.request())) {
                refuse(context, 413, tooLarge);
            } else if (!isCleanText(context.request().uri())) {
                refuse(context, 400, badUri);
            } else if (hasUntypedBody(context.request())) {
                refuse(context, 415, untyped);
            } else {
                context.next();
            }
        }, EdgeFilterOrder.REQUEST_SCREENING.priority());
    }

    private static void refuse(RoutingContext context, int status, String problem) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem);
    }

    /**
     * A write whose body is there (a length above 0, or chunks) but whose Content-Type does not say what it is: none,
     * blank, not one {@code type/subtype} with parameters (the JAX-RS router fails on such a header with a 500), or a
     * wildcard, which names no format and which the router would match to any endpoint.
     */
    private static boolean hasUntypedBody(HttpServerRequest request) {
        if (!WRITES.contains(request.method())) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean hasBody = length != null ? !length.strip().equals("0") : request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return hasBody && (type == null || !MEDIA_TYPE.matcher(type).matches() || type.contains("*"));
    }

    /**
     * Whether the raw path and query, once percent-decoded, are well-formed UTF-8 without control characters. (A
     * malformed escape such as {@code %zz} never gets here: Quarkus answers it with a bare 400 before any route.)
     */
    private static boolean isCleanText(String rawUri) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawUri.length());
        for (int i = 0; i < rawUri.length(); i++) {
            char c = rawUri.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawUri.length() || Character.digit(rawUri.charAt(i + 1), 16) < 0 || Character.digit(rawUri.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.write(Character.digit(rawUri.charAt(i + 1), 16) * 16 + Character.digit(rawUri.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0xff) {
                return false; // the request line is bytes: nothing above U+00FF can come from it
            } else {
                bytes.write(c);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        return text.chars().noneMatch(Character::isISOControl);
    }

    /** A bulk import (POST /api/v1/imports) streams its body to disk: the 1 MiB limit is not its limit (issue 13). */
    private static boolean isImport(HttpServerRequest request) {
        return request.method() == HttpMethod.POST && IMPORTS.equals(request.path());
    }

    private static boolean isOverLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false; // a malformed length is the HTTP layer's to refuse
        }
    }
}
