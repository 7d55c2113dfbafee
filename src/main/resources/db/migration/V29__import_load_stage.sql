-- Imports into an empty database load instead of merging (issue 13). Merging a batch costs every row its indexes,
-- foreign keys and triggers; into empty tables, the lines are instead copied as they are into these staging tables
-- (one transaction per batch with the job's checkpoint, as before), then moved into the real tables in one transaction
-- that drops their indexes, constraints and triggers, inserts set-based and builds them again (Importer, InitialLoad).
-- Unlogged: nothing here is written twice to the WAL. A crash of PostgreSQL empties them, and with them
-- import_load_marker, which tells a resumed job to read its file again from the start.
create unlogged table import_stage_speaker (line bigint, id uuid, slug text, name text, aliases text[], role text, organization text,
    description text, wikidata_id text, version bigint, created_at timestamptz, updated_at timestamptz, exact boolean);
create unlogged table import_stage_source (line bigint, id uuid, kind text, title text, url text, publisher text, authors text[],
    published_at timestamptz, language text, text text, version bigint, created_at timestamptz, updated_at timestamptz, exact boolean);
create unlogged table import_stage_tag (line bigint, id uuid, slug text, name text, created_at timestamptz);
-- refs_checked: the line itself holds the speaker and source the row names (every format but Quotewire NDJSON), so
-- the load need not look them up
create unlogged table import_stage_quote (line bigint, id uuid, text text, type text, speaker_id uuid, source_id uuid, context text,
    start_offset integer, end_offset integer, language text, status text, quoted_on date, confidence double precision,
    external_ids jsonb, attribution_rule text, tags text[], version bigint, created_at timestamptz, updated_at timestamptz,
    exact boolean, refs_checked boolean);
-- own: the appearance is in the quote's own source, which the quote's first appearance already is
create unlogged table import_stage_appearance (line bigint, quote_id uuid, id uuid, source_id uuid, start_offset integer,
    end_offset integer, context text, seen_on date, created_at timestamptz, exact boolean, refs_checked boolean, own boolean);
-- refusable: some staged line names a speaker or source of another line, or gives offsets, so the load must check
create unlogged table import_load_marker (job_id uuid primary key, refusable boolean not null default false);

-- load: the job stages its lines and loads them at the end; merge: batch by batch; null until its first run decides
alter table import_job add column mode text check (mode in ('merge', 'load'));
