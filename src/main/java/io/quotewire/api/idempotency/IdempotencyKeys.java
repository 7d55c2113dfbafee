package io.quotewire.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.api.edge.RequestBodies;
import io.quotewire.api.problem.ProblemException;
import io.quotewire.api.problem.ProblemType;
import io.quotewire.text.Sha256;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Idempotency-Key for every POST, in one place rather than per resource. The first request with a key claims it and
 * its answer (status, body, Location, ETag) is kept for 24 hours; a retry with the same key and the same request
 * gets that answer again, marked {@code Idempotent-Replayed: true}, without a second write. The same key with another
 * request is a 422, and a retry while the first is still running a 409. Keys belong to a client (the API key's
 * holder), so two clients cannot collide. Answers of 500 and above are not kept: such a request may be retried.
 */
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 255;
    private static final String CLAIM = IdempotencyKeys.class.getName() + ".claim";
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE);

    private record Claim(String client, String key) {
    }

    private final IdempotencyStore store;
    private final ObjectMapper mapper;

    public IdempotencyKeys(IdempotencyStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    @ServerRequestFilter
    public Response claimOrReplay(ContainerRequestContext request) throws IOException, SQLException {
        String key = request.getHeaderString(HEADER);
        if (!HttpMethod.POST.equals(request.getMethod()) || key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters, such as a UUID");
        }
        byte[] body = RequestBodies.readWithinLimit(request.getEntityStream());
        request.setEntityStream(new ByteArrayInputStream(body));
        String client = clientOf(request);
        String hash = requestHash(request, body);
        if (store.claim(client, key, hash)) {
            request.setProperty(CLAIM, new Claim(client, key));
            return null;
        }
        IdempotencyStore.Entry entry = store.find(client, key)
                .orElseThrow(() -> new ProblemException(ProblemType.CONFLICT, "This Idempotency-Key is being released; retry the request"));
        if (!MessageDigest.isEqual(entry.requestHash().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII))) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key for a new request");
        }
        if (entry.status() == null) {
            throw new ProblemException(ProblemType.CONFLICT, "The first request with this Idempotency-Key is still running; retry it shortly");
        }
        Response.ResponseBuilder replay = Response.status(entry.status()).entity(entry.body()).header(REPLAYED, "true");
        headersOf(entry).forEach(replay::header);
        return replay.build();
    }

    @ServerResponseFilter
    public void keepAnswer(ContainerRequestContext request, ContainerResponseContext response) throws SQLException, JsonProcessingException {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        if (response.getStatus() >= 500) {
            store.release(claim.client(), claim.key());
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        Object entity = response.getEntity();
        byte[] body = entity == null ? null : entity instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(entity);
        store.complete(claim.client(), claim.key(), response.getStatus(), mapper.writeValueAsString(headers), body);
    }

    private Map<String, String> headersOf(IdempotencyStore.Entry entry) {
        try {
            return entry.headers() == null ? Map.of() : mapper.readValue(entry.headers(), new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A kept idempotent answer has unreadable headers", e);
        }
    }

    /** The API key's holder; writes always have one, the fallback only keeps the key space of anonymous POSTs apart. */
    private static String clientOf(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        return principal == null ? "anonymous" : "key:" + principal.getName();
    }

    /** What makes two requests the same: method, path with query, content type and the exact body bytes. */
    private static String requestHash(ContainerRequestContext request, byte[] body) {
        String head = request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath() + "?"
                + request.getUriInfo().getRequestUri().getRawQuery() + "\n" + request.getHeaderString(HttpHeaders.CONTENT_TYPE) + "\n";
        return Sha256.hex(head.getBytes(StandardCharsets.UTF_8), body);
    }
}
