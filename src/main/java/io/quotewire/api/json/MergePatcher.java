package io.quotewire.api.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.api.problem.ProblemException;
import io.quotewire.api.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Applies an RFC 7386 JSON merge patch ({@code application/merge-patch+json}) to the input form of a record,
 * using Jakarta JSON Processing's implementation, then reads and validates the result exactly as a PUT body, so a
 * patch can set nothing that a replace could not.
 */
@ApplicationScoped
public class MergePatcher {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper mapper;
    private final Validator validator;

    public MergePatcher(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T apply(T current, byte[] patch, Class<T> type) throws JsonProcessingException {
        // Jackson reads the patch first, so that it meets the rules of every JSON body (StrictJson): strict UTF-8, no
        // key twice, bounded nesting. JSON-P alone would replace bad bytes, keep the last key, and overflow the stack.
        JsonNode checked;
        try {
            checked = mapper.readTree(patch);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a byte array cannot fail", e);
        }
        if (checked == null || checked.isMissingNode()) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The merge patch is not valid JSON");
        }
        JsonValue patched;
        try {
            JsonValue target = read(mapper.writeValueAsString(current));
            patched = Json.createMergePatch(read(mapper.writeValueAsString(checked))).apply(target);
        } catch (JsonException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The merge patch is not valid JSON");
        }
        T result = mapper.readValue(patched.toString(), type);
        if (result == null) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "A merge patch must be a JSON object");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    private static JsonValue read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
