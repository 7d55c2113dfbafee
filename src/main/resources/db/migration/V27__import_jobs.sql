-- Bulk imports (issue 13). A job is stored before it is acknowledged; every batch commits its rows together with the
-- job's checkpoint (records done, counts, errors), so an import that is killed resumes exactly where its last batch
-- ended and a batch is never half written.
create table import_job (
    id             uuid        primary key,
    format         text        not null,
    state          text        not null check (state in ('queued', 'running', 'succeeded', 'failed')),
    -- where the file is read from: the spooled body of POST /api/v1/imports, or the file given to the command
    file_path      text        not null,
    -- the command's file, by path, size and modification time: running the same command again resumes its job
    file_identity  text,
    file_bytes     bigint      not null,
    -- records (lines; rows for CSV) fully handled: the next run starts after them
    records_done   bigint      not null default 0,
    quotes_created bigint      not null default 0,
    quotes_merged  bigint      not null default 0,
    appearances_added bigint   not null default 0,
    skipped        bigint      not null default 0,
    failure        text,
    created_at     timestamptz not null default now(),
    started_at     timestamptz,
    updated_at     timestamptz not null default now(),
    finished_at    timestamptz,
    -- seconds spent importing, over every run of the job: the rate is records over this
    busy_seconds   double precision not null default 0
);
create index import_job_state_idx on import_job (state, created_at) where state in ('queued', 'running');
create index import_job_file_identity_idx on import_job (file_identity) where file_identity is not null;

-- The first errors of a job, by line; the job counts them all in skipped.
create table import_error (
    job_id uuid   not null references import_job (id) on delete cascade,
    line   bigint not null,
    reason text   not null,
    primary key (job_id, line)
);
