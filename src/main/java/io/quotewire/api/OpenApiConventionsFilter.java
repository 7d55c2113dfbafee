package io.quotewire.api;

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
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents what the house conventions make true of every operation, so no resource repeats it. Pages: each list
 * answer (a {@code Page*} schema) gets its example. Problems: the problems that the one error policy ({@link ProblemMapper}) can answer on every operation, from the
 * same rules the policy follows: anything taking input can be a 400, anything addressed by id a 404, anything with
 * a body a 413 or 415, any conditional write a 412, and anything a 500 or, with the database down, a 503. Each
 * resource documents its success answers and its own specific problems (such as a 409) itself.
 */
public class OpenApiConventionsFilter implements OASFilter {

    private static final String SCHEMA_REF = "#/components/schemas/Problem";
    private static final Map<String, String> PAGE_EXAMPLES = Map.of(
            "#/components/schemas/PageQuoteView", Examples.QUOTE_PAGE,
            "#/components/schemas/PageSpeakerView", Examples.SPEAKER_PAGE,
            "#/components/schemas/PageSourceView", Examples.SOURCE_PAGE,
            "#/components/schemas/PageTagView", Examples.TAG_PAGE);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        register(components, "BadRequest", "Invalid parameter, field, cursor or malformed body; nothing was changed", Examples.VALIDATION);
        register(components, "NotFound", "No record with this id or slug", Examples.NOT_FOUND);
        register(components, "PreconditionFailed", "If-Match does not name the current version; nothing was changed", Examples.PRECONDITION_FAILED);
        register(components, "PayloadTooLarge", "The body is larger than 1 MiB", Examples.TOO_LARGE);
        register(components, "UnsupportedMediaType", "The body's Content-Type is not accepted here", Examples.UNSUPPORTED_MEDIA_TYPE);
        register(components, "InternalError", "The service failed; details are logged, not disclosed", Examples.INTERNAL);
        register(components, "ServiceUnavailable", "The database is unreachable; retry after Retry-After seconds", Examples.UNAVAILABLE);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> document(path, method, operation));
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        addPageExample(responses.getAPIResponse("200"));
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty()) || path.contains("{");
        if (takesInput) {
            addIfAbsent(responses, "400", "BadRequest");
        }
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

    private static void addIfAbsent(APIResponses responses, String status, String component) {
        if (!responses.hasAPIResponse(status)) {
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

    private static Object parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Example is not JSON: " + json, e);
        }
    }
}
