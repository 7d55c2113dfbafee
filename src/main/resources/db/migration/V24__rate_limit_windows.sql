-- The rate limiter's shared count: requests per client per fixed window, added to by every instance in batches
-- (io.quotewire.api.ratelimit.RateLimits). Unlogged: a crash of PostgreSQL only forgets the current windows' counts.
-- It replaces Bucket4j's per-request bucket rows.
CREATE UNLOGGED TABLE rate_limit_windows (
    client       text   NOT NULL,
    window_start bigint NOT NULL,
    used         bigint NOT NULL,
    PRIMARY KEY (client, window_start)
);

DROP TABLE rate_limit_buckets;
