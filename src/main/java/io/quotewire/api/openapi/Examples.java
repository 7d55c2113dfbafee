package io.quotewire.api.openapi;

import io.quotewire.api.edge.RequestBodies;

/** Example bodies shown in the OpenAPI document, kept together so they stay consistent. */
public final class Examples {

    private Examples() {
    }

    public static final String SPEAKER_ID = "0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e5f";
    public static final String SOURCE_ID = "0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e60";
    public static final String QUOTE_ID = "0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e61";
    private static final String CREATED = "\"createdAt\":\"2024-06-27T14:05:00Z\",\"updatedAt\":\"2024-06-27T14:05:00Z\"";

    public static final String VALIDATION = "{\"type\":\"/problems/validation\",\"title\":\"Invalid request\",\"status\":400,"
            + "\"detail\":\"limit: must be at least 1\",\"instance\":\"/api/v1/quotes\","
            + "\"errors\":[{\"field\":\"limit\",\"message\":\"must be at least 1\"}]}";
    public static final String NOT_FOUND = "{\"type\":\"/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
            + "\"detail\":\"No speaker with id or slug 'nobody'\",\"instance\":\"/api/v1/speakers/nobody\"}";
    public static final String CONFLICT = "{\"type\":\"/problems/conflict\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"The speaker cannot be deleted: 10 quotes depend on it. Delete or reattribute them first.\","
            + "\"instance\":\"/api/v1/speakers/vedant-patel\"}";
    public static final String PRECONDITION_FAILED = "{\"type\":\"/problems/precondition-failed\",\"title\":\"Precondition failed\","
            + "\"status\":412,\"detail\":\"If-Match does not name the current version of this record\","
            + "\"instance\":\"/api/v1/quotes/" + QUOTE_ID + "\"}";
    public static final String TOO_LARGE = "{\"type\":\"/problems/payload-too-large\",\"title\":\"Payload too large\",\"status\":413,"
            + "\"detail\":\"" + RequestBodies.TOO_LARGE + "\",\"instance\":\"/api/v1/sources\"}";
    public static final String UNSUPPORTED_MEDIA_TYPE = "{\"type\":\"/problems/unsupported-media-type\",\"title\":\"Unsupported media type\","
            + "\"status\":415,\"detail\":\"This Content-Type is not accepted here; send application/json\",\"instance\":\"/api/v1/quotes\"}";
    public static final String NOT_ACCEPTABLE = "{\"type\":\"/problems/not-acceptable\",\"title\":\"Not acceptable\","
            + "\"status\":406,\"detail\":\"This resource is available as application/json\",\"instance\":\"/api/v1/quotes\"}";
    public static final String INTERNAL = "{\"type\":\"/problems/internal\",\"title\":\"Internal error\",\"status\":500,"
            + "\"detail\":\"The request could not be completed\",\"instance\":\"/api/v1/quotes\"}";
    public static final String UNAUTHORIZED = "{\"type\":\"/problems/unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"
            + "\"detail\":\"This request needs an API key: send Authorization: Bearer <key>\",\"instance\":\"/api/v1/quotes\"}";
    public static final String FORBIDDEN = "{\"type\":\"/problems/forbidden\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"This API key's role does not allow this request\",\"instance\":\"/api/v1/speakers/vedant-patel\"}";
    public static final String IDEMPOTENCY_KEY_REUSED = "{\"type\":\"/problems/idempotency-key-reused\",\"title\":\"Idempotency key reused\",\"status\":422,"
            + "\"detail\":\"This Idempotency-Key was used for a different request; use a new key for a new request\",\"instance\":\"/api/v1/quotes\"}";
    public static final String TOO_MANY_REQUESTS = "{\"type\":\"/problems/too-many-requests\",\"title\":\"Too many requests\",\"status\":429,"
            + "\"detail\":\"This client has used its 600 requests per 60 s; retry after the Retry-After seconds\",\"instance\":\"/api/v1/quotes\"}";
    public static final String UNAVAILABLE = "{\"type\":\"/problems/service-unavailable\",\"title\":\"Service unavailable\",\"status\":503,"
            + "\"detail\":\"The database is not reachable at the moment\",\"instance\":\"/api/v1/quotes\"}";

    public static final String SPEAKER = "{\"id\":\"" + SPEAKER_ID + "\",\"slug\":\"vedant-patel\",\"name\":\"Vedant Patel\","
            + "\"aliases\":[\"Patel\"],\"role\":\"Deputy Spokesperson\",\"organization\":\"US State Department\","
            + "\"quoteCount\":10," + CREATED + "}";
    public static final String SPEAKER_INPUT = "{\"name\":\"Vedant Patel\",\"aliases\":[\"Patel\"],\"role\":\"Deputy Spokesperson\","
            + "\"organization\":\"US State Department\"}";
    private static final String SOURCE_FIELDS = "\"id\":\"" + SOURCE_ID + "\",\"kind\":\"briefing\",\"title\":\"Department Press Briefing\","
            + "\"url\":\"https://example.org/briefings/2024-06-27\",\"publisher\":\"US Department of State\",\"authors\":[],"
            + "\"publishedAt\":\"2024-06-27T14:05:00Z\",\"language\":\"en\",\"textLength\":51,";
    private static final String SOURCE_TEXT = "Patel said: \\\"We urge the government to respect it.\\\"";
    public static final String SOURCE = "{" + SOURCE_FIELDS + "\"text\":\"" + SOURCE_TEXT + "\"," + CREATED + "}";
    public static final String SOURCE_INPUT = "{\"kind\":\"briefing\",\"title\":\"Department Press Briefing\","
            + "\"url\":\"https://example.org/briefings/2024-06-27\",\"publisher\":\"US Department of State\","
            + "\"publishedAt\":\"2024-06-27T14:05:00Z\",\"language\":\"en\",\"text\":\"" + SOURCE_TEXT + "\"}";
    public static final String QUOTE = "{\"id\":\"" + QUOTE_ID + "\",\"text\":\"We urge the government to respect it.\","
            + "\"type\":\"direct\",\"length\":37,"
            + "\"speaker\":{\"id\":\"" + SPEAKER_ID + "\",\"slug\":\"vedant-patel\",\"name\":\"Vedant Patel\"},"
            + "\"source\":{\"id\":\"" + SOURCE_ID + "\",\"title\":\"Department Press Briefing\","
            + "\"url\":\"https://example.org/briefings/2024-06-27\",\"publisher\":\"US Department of State\","
            + "\"publishedAt\":\"2024-06-27T14:05:00Z\"},"
            + "\"context\":\"" + SOURCE_TEXT + "\",\"start\":13,\"end\":50,\"language\":\"en\","
            + "\"tags\":[\"human-rights\"],\"status\":\"verified\",\"quotedOn\":\"2024-06-27\"," + CREATED + ",\"appearanceCount\":1}";
    public static final String QUOTE_INPUT = "{\"text\":\"We urge the government to respect it.\",\"type\":\"direct\","
            + "\"speakerId\":\"vedant-patel\",\"sourceId\":\"" + SOURCE_ID + "\",\"start\":13,\"end\":50,\"language\":\"en\","
            + "\"tags\":[\"human-rights\"],\"status\":\"verified\",\"quotedOn\":\"2024-06-27\"}";
    public static final String QUOTE_PATCH = "{\"status\":\"verified\",\"tags\":[\"human-rights\",\"pakistan\"]}";
    public static final String QUOTE_PAGE = "{\"items\":[" + QUOTE + "],\"limit\":1,\"nextCursor\":\"YzEKYTNmM2VkNTk\","
            + "\"links\":{\"self\":\"/api/v1/quotes?limit=1\",\"next\":\"/api/v1/quotes?limit=1&cursor=YzEKYTNmM2VkNTk\"}}";
    public static final String RANDOM = "{\"items\":[" + QUOTE + "]}";
    public static final String FACETS = "{\"total\":11,\"speakers\":[{\"id\":\"" + SPEAKER_ID + "\",\"slug\":\"vedant-patel\","
            + "\"name\":\"Vedant Patel\",\"count\":10}],\"tags\":[{\"slug\":\"human-rights\",\"name\":\"Human rights\",\"count\":5}],"
            + "\"years\":[{\"year\":2024,\"count\":11}],\"types\":[{\"type\":\"direct\",\"count\":6},{\"type\":\"indirect\",\"count\":5}]}";
    public static final String SPEAKER_PAGE = "{\"items\":[" + SPEAKER + "],\"limit\":20,\"links\":{\"self\":\"/api/v1/speakers\"}}";
    public static final String SOURCE_PAGE = "{\"items\":[{" + SOURCE_FIELDS + CREATED + "}],\"limit\":20,"
            + "\"links\":{\"self\":\"/api/v1/sources\"}}";
    public static final String TAG_PAGE = "{\"items\":[{\"id\":\"0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e62\",\"slug\":\"human-rights\","
            + "\"name\":\"Human rights\",\"quoteCount\":6}],\"limit\":20,\"links\":{\"self\":\"/api/v1/tags\"}}";

    public static final String ARTICLE_TEXT = "Ferries resume after the storm\n\n“The harbour is open again,” said harbour master Marta Ruiz.\n";
    private static final String ARTICLE_JSON_TEXT = "Ferries resume after the storm\\n\\n“The harbour is open again,” said harbour master Marta Ruiz.\\n";
    public static final String ARTICLE_INPUT = "{\"text\":\"" + ARTICLE_JSON_TEXT + "\",\"url\":\"https://example.org/news/ferries-resume\","
            + "\"publisher\":\"Harbour Gazette\",\"publishedAt\":\"2024-06-27T14:05:00Z\"}";
    private static final String PROPOSAL = "{\"name\":\"Marta Ruiz\",\"role\":\"harbour master\",\"aliases\":[],\"resolution\":\"new\","
            + "\"slug\":\"marta-ruiz\"}";
    public static final String EXTRACTION_PREVIEW = "{\"title\":\"Ferries resume after the storm\","
            + "\"quotes\":[{\"text\":\"The harbour is open again\",\"start\":33,\"end\":58,\"type\":\"direct\",\"cueVerb\":\"said\","
            + "\"speakerMention\":\"harbour master Marta Ruiz\",\"speaker\":" + PROPOSAL + ",\"rule\":\"quote-verb-speaker\","
            + "\"confidence\":0.95,\"context\":\"“The harbour is open again,” said harbour master Marta Ruiz.\"}],"
            + "\"speakers\":[" + PROPOSAL + "]}";
    public static final String INGEST_SUMMARY = "{\"sourceId\":\"" + SOURCE_ID + "\",\"created\":true,\"quoteIds\":[\"" + QUOTE_ID + "\"],"
            + "\"speakersCreated\":[\"" + SPEAKER_ID + "\"],\"speakersLinked\":[],"
            + "\"counts\":{\"quotes\":1,\"speakersCreated\":1,\"speakersLinked\":0,\"aliasesAdded\":0}}";
}
