package io.quotewire.api.openapi;

import io.quotewire.api.edge.RequestBodies;
import io.quotewire.api.edge.RequestScreening;
import io.quotewire.api.idempotency.IdempotencyKeys;
import io.quotewire.api.json.MergePatcher;
import io.quotewire.api.paging.Page;
import io.quotewire.api.problem.Problem;
import io.quotewire.api.problem.ProblemMapper;
import io.quotewire.api.ratelimit.RateLimits;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents what the house conventions make true of every operation, so no resource repeats it. Pages: each list
 * answer (a {@code Page*} schema) gets its example. Problems: the problems that the one error policy ({@link ProblemMapper}) can answer on every operation, from the
 * same rules the policy follows: any request can be a 400 (a bad path or query, see RequestScreening) or a 406 (an
 * Accept header without JSON), anything addressed by id a 404, anything with
 * a body a 413 or 415, any conditional write a 412, and anything a 500 or, with the database down, a 503. Each
 * resource documents its success answers and its own specific problems (such as a 409) itself. Every write under
 * {@code /api} needs an API key (the security rules in application.properties), so each is documented with the
 * bearer scheme and its 401 and 403.
 */
public class OpenApiConventionsFilter implements OASFilter {

    private static final String SCHEMA_REF = "#/components/schemas/Problem";
    /** POSTs that change nothing and need no key (the "extractions" permission in application.properties). */
    private static final java.util.Set<String> PUBLIC_WRITES = java.util.Set.of("/api/v1/extractions");
    public static final String SECURITY_SCHEME = "apiKey";
    private static final Map<String, String> PAGE_EXAMPLES = Map.of(
            "#/components/schemas/PageQuoteView", Examples.QUOTE_PAGE,
            "#/components/schemas/PageSpeakerView", Examples.SPEAKER_PAGE,
            "#/components/schemas/PageSourceView", Examples.SOURCE_PAGE,
            "#/components/schemas/PageTagView", Examples.TAG_PAGE);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        register(components, "BadRequest", "Invalid parameter, field, cursor or malformed body, or a query parameter the operation does not take "
                + "(named with the ones it takes); nothing was changed. A path or query with a malformed percent escape (%zz) is refused by "
                + "the HTTP layer with this status but no body", Examples.VALIDATION);
        register(components, "NotFound", "No record with this id or slug", Examples.NOT_FOUND);
        register(components, "PreconditionFailed", "If-Match does not name the current version; nothing was changed", Examples.PRECONDITION_FAILED);
        register(components, "PayloadTooLarge", "The body is larger than " + RequestBodies.MAX_SIZE, Examples.TOO_LARGE);
        register(components, "NotAcceptable", "The Accept header names no type this operation answers in (it speaks JSON)", Examples.NOT_ACCEPTABLE);
        register(components, "UnsupportedMediaType", "The body's Content-Type is not accepted here; the detail names the media types that are",
                Examples.UNSUPPORTED_MEDIA_TYPE);
        registerBare(components, "UriTooLong", "The request line is longer than 16 KiB; answered by the HTTP layer, without a body");
        registerBare(components, "HeadersTooLarge", "The request headers are larger than the HTTP layer reads; answered by it, without a body");
        register(components, "Unauthorized", "No API key, or an unknown one; see the WWW-Authenticate header", Examples.UNAUTHORIZED);
        register(components, "Forbidden", "The API key's role does not allow this request", Examples.FORBIDDEN);
        components.addSecurityScheme(SECURITY_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API key, sent as Authorization: Bearer <key>; never in the query string. Editors may create and change, admins may also delete."));
        register(components, "IdempotencyKeyReused", "The Idempotency-Key was used for a different request; nothing was changed", Examples.IDEMPOTENCY_KEY_REUSED);
        register(components, "Conflict", "Conflicts with the current state, or the first request with this Idempotency-Key is still running", Examples.CONFLICT);
        register(components, "TooManyRequests", "This client is past its rate limit; retry after Retry-After seconds", Examples.TOO_MANY_REQUESTS);
        register(components, "InternalError", "The service failed; details are logged, not disclosed", Examples.INTERNAL);
        register(components, "ServiceUnavailable", "The database is unreachable; retry after Retry-After seconds", Examples.UNAVAILABLE);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (path.startsWith("/api/")) {
                document(path, method, operation);
            }
            addIfAbsent(operation.getResponses(), "429", "TooManyRequests");
            // RequestScreening refuses a path or query that is not UTF-8 or holds control characters, on any operation
            addIfAbsent(operation.getResponses(), "400", "BadRequest");
            addIfAbsent(operation.getResponses(), "406", "NotAcceptable");
            addIfAbsent(operation.getResponses(), "414", "UriTooLong");
            addIfAbsent(operation.getResponses(), "431", "HeadersTooLarge");
            operation.getResponses().getAPIResponses().values().forEach(OpenApiConventionsFilter::addRateLimitHeaders);
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> int32(parameter.getSchema()));
            }
        }));
        components.getResponses().values().stream().filter(r -> r.getContent() != null).forEach(OpenApiConventionsFilter::addRateLimitHeaders);
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(OpenApiConventionsFilter::int32);
        }
    }

    /**
     * Every path outside /q/ is rate limited (RateLimits), so its answers carry the quota headers, and CORS answers
     * carry Access-Control-Allow-Origin; the answers that ask for a retry later carry Retry-After.
     */
    private static void addRateLimitHeaders(APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        response.addHeader("Access-Control-Allow-Origin", OASFactory.createHeader()
                .description("CORS: * (or the origin) on reads; on writes only a configured write origin")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)));
        if (response.getContent() != null && response.getDescription() != null
                && response.getDescription().contains("Retry-After")) {
            response.addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds to wait before retrying")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(86400))));
        }
        response.addHeader("RateLimit-Policy", OASFactory.createHeader()
                .description("The quota of this client (draft-ietf-httpapi-ratelimit-headers), e.g. \"default\";q=600;w=60")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)));
        response.addHeader("RateLimit", OASFactory.createHeader()
                .description("What is left of the quota and the seconds until it is whole again, e.g. \"default\";r=599;t=60")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200)));
    }

    /** Whole numbers of the API are Java ints: say so, as clients otherwise cannot tell how large they may get. */
    private static void int32(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.INTEGER) && schema.getFormat() == null) {
            schema.setFormat("int32");
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConventionsFilter::int32);
        }
        int32(schema.getItems());
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (method == PathItem.HttpMethod.PATCH && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            MediaType patch = operation.getRequestBody().getContent().getMediaType(MergePatcher.MEDIA_TYPE);
            if (patch != null && patch.getSchema() != null && patch.getSchema().getRef() != null) {
                String input = patch.getSchema().getRef().substring(patch.getSchema().getRef().lastIndexOf('/') + 1);
                // a merge patch (RFC 7396) names only the fields it changes: none is required
                patch.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .description("A JSON merge patch of " + input + ": the fields to change, null to clear one"));
            }
        }
        addPageExample(responses.getAPIResponse("200"));
        addIfAbsent(responses, "400", "BadRequest");
        addIfAbsent(responses, "406", "NotAcceptable");
        if (path.contains("{")) {
            addIfAbsent(responses, "404", "NotFound");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "413", "PayloadTooLarge");
            addIfAbsent(responses, "415", "UnsupportedMediaType");
        }
        if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE) {
            addIfAbsent(responses, "412", "PreconditionFailed");
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD && method != PathItem.HttpMethod.OPTIONS
                && !PUBLIC_WRITES.contains(path)) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME)));
            addIfAbsent(responses, "401", "Unauthorized");
            addIfAbsent(responses, "403", "Forbidden");
        }
        if (method == PathItem.HttpMethod.POST) {
            operation.addParameter(OASFactory.createParameter().name(IdempotencyKeys.HEADER).in(Parameter.In.HEADER)
                    .description("Makes a retry safe: the same key with the same request within 24 hours replays the first answer "
                            + "(marked Idempotent-Replayed: true) instead of writing again; with another request it is a 422")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(IdempotencyKeys.MAX_KEY_LENGTH))
                    .example("5b0cbb8e-3f55-4cfb-9b1e-7d0e2d7b2a11"));
            addIfAbsent(responses, "409", "Conflict");
            addIfAbsent(responses, "422", "IdempotencyKeyReused");
        }
        addIfAbsent(responses, "429", "TooManyRequests");
        addIfAbsent(responses, "500", "InternalError");
        addIfAbsent(responses, "503", "ServiceUnavailable");
    }

    private static void addPageExample(APIResponse ok) {
        if (ok == null || ok.getContent() == null) {
            return;
        }
        MediaType json = ok.getContent().getMediaType("application/json");
        if (json == null || json.getSchema() == null || json.getExamples() != null) {
            return;
        }
        String example = PAGE_EXAMPLES.get(json.getSchema().getRef());
        if (example != null) {
            json.setExamples(Map.of("page", OASFactory.createExample().value(parse(example))));
        }
    }

    /** Adds the problem response, also in place of a bare one (a description without content) generated for us. */
    private static void addIfAbsent(APIResponses responses, String status, String component) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null || (existing.getRef() == null && existing.getContent() == null)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref("#/components/responses/" + component));
        }
    }

    private static void register(Components components, String name, String description, String example) {
        if (components.getResponses() != null && components.getResponses().containsKey(name)) {
            return;
        }
        Function<String, Example> exampleOf = value -> OASFactory.createExample().value(parse(value));
        MediaType mediaType = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(SCHEMA_REF))
                .examples(Map.of("problem", exampleOf.apply(example)));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType);
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content);
        components.addResponse(name, response);
    }

    /** A response the HTTP layer sends without a body, which no code of ours can give one. */
    private static void registerBare(Components components, String name, String description) {
        if (components.getResponses() == null || !components.getResponses().containsKey(name)) {
            components.addResponse(name, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Object parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Example is not JSON: " + json, e);
        }
    }
}
