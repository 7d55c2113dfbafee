-- Idempotency-Key of POST requests: the first response to a (client, key) is kept for 24 hours and replayed to a
-- retry with the same request; a retry with another request is refused. Shared by every instance of the service.
CREATE TABLE idempotency_keys (
    client           text        NOT NULL,
    idempotency_key  text        NOT NULL,
    request_hash     text        NOT NULL,
    response_status  integer,
    response_headers jsonb,
    response_body    bytea,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (client, idempotency_key)
);

CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
