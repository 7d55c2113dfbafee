package io.quotewire.api.edge;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quotewire.api.problem.AcceptedMediaTypes;
import io.quotewire.api.problem.ProblemType;
import io.quotewire.api.problem.ProblemWriter;
import io.quotewire.text.StrictUtf8;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses, before routing and before any of the body is read, the requests no endpoint could serve: a body declared
 * larger than {@value RequestBodies#MAX_SIZE} (413); a write whose body has no usable Content-Type, which no endpoint can interpret (415); and a path
 * or query that is not percent-encoded UTF-8 or holds a control character such as an encoded NUL, which no id, slug,
 * date or search text can contain (400). Vert.x would otherwise decode a malformed sequence to U+FFFD and let the
 * request through as if the client had sent that character. A body sent in chunks, without a length, is held to the
 * same limit by {@link RequestBodies} as it is read; the HTTP layer's own limit,
 * {@code quarkus.http.limits.max-body-size}, is only the backstop above both and answers without a problem body.
 */
@ApplicationScoped
public class RequestScreening {

    static final String IMPORTS = "/api/v1/imports";

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    /** RFC 9110 media-type: type "/" subtype *( OWS ";" OWS parameter ). */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "\\s*" + TOKEN + "/" + TOKEN + "(\\s*;\\s*" + TOKEN + "=(" + TOKEN + "|\"([^\"\\\\]|\\\\.)*\"))*\\s*");

    static final String BAD_URI = "The path or query is not percent-encoded UTF-8, or holds a control character such as NUL (%00)";
    static final String UNTYPED = "The request body has no Content-Type, or not a single concrete media type; send ";

    private final ProblemWriter problems;
    private final AcceptedMediaTypes mediaTypes;

    public RequestScreening(ProblemWriter problems, AcceptedMediaTypes mediaTypes) {
        this.problems = problems;
        this.mediaTypes = mediaTypes;
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOverLimit(length) && !isImport(context.request())) {
                refuse(context, ProblemType.PAYLOAD_TOO_LARGE, RequestBodies.TOO_LARGE);
            } else if (!isCleanText(context.request().uri())) {
                refuse(context, ProblemType.VALIDATION, BAD_URI);
            } else if (hasUntypedBody(context.request())) {
                Set<String> accepted = mediaTypes.accepted(context.request().method().name(), context.request().path());
                refuse(context, ProblemType.UNSUPPORTED_MEDIA_TYPE, UNTYPED + (accepted.isEmpty() ? "application/json" : String.join(" or ", accepted)));
            } else {
                context.next();
            }
        }, EdgeFilterOrder.REQUEST_SCREENING.priority());
    }

    /** The body, if any, is left unread: the connection closes after the answer rather than drain it. */
    private void refuse(RoutingContext context, ProblemType type, String detail) {
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        problems.write(context, type, detail);
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
    public static boolean isCleanText(String rawUri) {
        if (isPlainPrintableAscii(rawUri)) {
            return true; // nearly every request: nothing to decode (this filter was 3 % of a by-id read's CPU without it)
        }
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
            text = StrictUtf8.decode(bytes.toByteArray());
        } catch (CharacterCodingException e) {
            return false;
        }
        return text.chars().noneMatch(Character::isISOControl);
    }

    private static boolean isPlainPrintableAscii(String rawUri) {
        for (int i = 0; i < rawUri.length(); i++) {
            char c = rawUri.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '%') {
                return false;
            }
        }
        return true;
    }

    /** A bulk import (POST /api/v1/imports) streams its body to disk: the 1 MiB limit is not its limit (issue 13). */
    private static boolean isImport(HttpServerRequest request) {
        return request.method() == HttpMethod.POST && IMPORTS.equals(request.path());
    }

    private static boolean isOverLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > RequestBodies.MAX_BYTES;
        } catch (NumberFormatException e) {
            return false; // a malformed length is the HTTP layer's to refuse
        }
    }
}
