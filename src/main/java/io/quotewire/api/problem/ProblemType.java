package io.quotewire.api.problem;

import io.quotewire.api.edge.RequestBodies;

/**
 * The kinds of problem the API reports. Each has a stable URI reference ({@code /problems/{slug}}) that the
 * service also serves as a short explanation, so a client can show or link it.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "Invalid request",
            "The request was understood but a parameter or field is invalid. The errors array names each field and what is wrong with it. Nothing was changed."),
    MALFORMED_BODY("malformed-body", 400, "Malformed request body",
            "The request body is not well-formed JSON (or not valid UTF-8), or a value has the wrong type. Nothing was changed."),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized",
            "This request needs an API key, sent as Authorization: Bearer <key>, and none or an unknown one was sent. Keys are never accepted in the query string."),
    FORBIDDEN("forbidden", 403, "Forbidden",
            "The API key is valid but its role does not allow this request: editors may create and change records, only admins may delete them."),
    NOT_FOUND("not-found", 404, "Not found",
            "No resource exists at this path or with this id or slug."),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed",
            "The resource exists but does not support this HTTP method. The Allow header lists the methods it supports."),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable",
            "The resource cannot be represented in any media type named in the Accept header. It speaks application/json."),
    CONFLICT("conflict", 409, "Conflict",
            "The request conflicts with the current state of a resource, for example a slug or URL already in use, or a record that other records still depend on."),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed",
            "The If-Match header names a version of the record that is no longer current. Fetch it again, then retry with its new ETag. Nothing was changed."),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused",
            "This Idempotency-Key was already used, within the last 24 hours, for a request with a different method, path or body. Use a new key for a new request. Nothing was changed."),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests",
            "This client sent more requests than its rate limit allows. Retry after the number of seconds in the Retry-After header; the RateLimit and RateLimit-Policy headers tell the quota."),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large",
            "The request body is larger than the service accepts (" + RequestBodies.MAX_SIZE + ")."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type",
            "The Content-Type of the request body is not one this endpoint accepts. JSON bodies are application/json; merge patches are application/merge-patch+json."),
    INTERNAL("internal", 500, "Internal error",
            "The service failed to answer. The failure is logged; nothing about it is disclosed here."),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable",
            "A backing service (the database) is not reachable. Retry after the number of seconds in the Retry-After header.");

    private final String slug;
    private final int status;
    private final String title;
    private final String explanation;

    ProblemType(String slug, int status, String title, String explanation) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.explanation = explanation;
    }

    public String uri() {
        return "/problems/" + slug;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String explanation() {
        return explanation;
    }
}
