-- The rate limiter's shared count: requests per client per fixed window, added to by every instance in batches
-- (io.quotewire.api.ratelimit.RateLimits). Unlogged: a crash of PostgreSQL only forgets the current windows' counts.
-- It replaces Bucket4j's per-request bucket rows.
create unlogged table rate_limit_windows (
    client       text   not null,
    window_start bigint not null,
    used         bigint not null,
    primary key (client, window_start)
);

drop table rate_limit_buckets;
