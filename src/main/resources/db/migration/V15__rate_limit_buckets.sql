-- Token buckets of the rate limiter (Bucket4j), one per client, shared by every instance of the service.
-- expires_at is epoch milliseconds after which a bucket is full again and its row may be dropped.
CREATE TABLE rate_limit_buckets (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);

CREATE INDEX rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);
