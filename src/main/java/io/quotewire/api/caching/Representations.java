package io.quotewire.api.caching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.api.problem.ProblemException;
import io.quotewire.api.problem.ProblemType;
import io.quotewire.text.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Strong entity tags for single records: the digest of the exact JSON bytes sent, so the tag changes whenever
 * anything shown changes (including an embedded speaker's name) and is the same on every instance.
 */
@ApplicationScoped
public class Representations {

    private final ObjectMapper mapper;

    public Representations(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** 200 with the body and its ETag, or 304 when the client's If-None-Match already names it. */
    public Response ok(Object view, Request request) {
        byte[] body = bytes(view);
        EntityTag tag = tagOf(body);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(tag).build();
    }

    /** The answer to a write: the record with its new ETag. */
    public Response.ResponseBuilder written(Response.ResponseBuilder response, Object view) {
        byte[] body = bytes(view);
        return response.entity(body).type(MediaType.APPLICATION_JSON_TYPE).tag(tagOf(body));
    }

    /**
     * A check, run by a service inside its transaction against the current record, that fails with 412 when
     * {@code ifMatch} (the request's If-Match header, possibly absent) does not name the current representation.
     */
    public Consumer<Object> ifMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return current -> {
            };
        }
        return current -> {
            String currentTag = '"' + tagOf(bytes(current)).getValue() + '"';
            boolean matches = Arrays.stream(ifMatch.split(",")).map(String::strip).anyMatch(currentTag::equals);
            if (!matches) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match does not name the current version of this record");
            }
        };
    }

    private byte[] bytes(Object view) {
        try {
            return mapper.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A wire model failed to serialise", e);
        }
    }

    private static EntityTag tagOf(byte[] body) {
        return new EntityTag(Sha256.shortHex(body));
    }
}
