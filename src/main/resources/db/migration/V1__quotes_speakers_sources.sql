-- Quotewire's first schema: sources (where something was said), speakers (who said it),
-- quotes (what was said, with character offsets into the source text) and tags.

create table source (
    id           uuid primary key,
    kind         text        not null check (kind in ('article', 'briefing', 'speech', 'interview', 'statement', 'social-post', 'book', 'other')),
    title        text        not null,
    url          text unique,
    publisher    text,
    authors      text[]      not null default '{}',
    published_at timestamptz,
    language     text,
    text         text,
    version      bigint      not null default 0,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index source_published_at_idx on source (published_at, id);
create index source_created_at_idx on source (created_at, id);
create index source_publisher_idx on source (publisher);

create table speaker (
    id           uuid primary key,
    slug         text        not null unique,
    name         text        not null,
    aliases      text[]      not null default '{}',
    role         text,
    organization text,
    description  text,
    wikidata_id  text,
    -- kept by the triggers below so that lists can sort by it without counting quotes per request
    quote_count  integer     not null default 0,
    version      bigint      not null default 0,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index speaker_name_idx on speaker (lower(name) text_pattern_ops, id);
create index speaker_quote_count_idx on speaker (quote_count, id);

create table tag (
    id          uuid primary key,
    slug        text        not null unique,
    name        text        not null,
    quote_count integer     not null default 0,
    created_at  timestamptz not null
);

create table quote (
    id           uuid primary key,
    text         text        not null,
    length       integer generated always as (char_length(text)) stored,
    type         text        not null check (type in ('direct', 'indirect')),
    speaker_id   uuid references speaker (id) on delete restrict,
    source_id    uuid        not null references source (id) on delete restrict,
    context      text,
    start_offset integer,
    end_offset   integer,
    language     text,
    status       text        not null default 'unverified' check (status in ('unverified', 'verified', 'disputed', 'misattributed')),
    quoted_on    date,
    version      bigint      not null default 0,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    constraint quote_offsets_paired check ((start_offset is null) = (end_offset is null)),
    constraint quote_offsets_ordered check (start_offset is null or (start_offset >= 0 and start_offset <= end_offset))
);
create index quote_created_at_idx on quote (created_at, id);
create index quote_speaker_idx on quote (speaker_id, created_at, id);
create index quote_source_idx on quote (source_id, created_at, id);
create index quote_quoted_on_idx on quote (quoted_on);
create index quote_length_idx on quote (length, id);

create table quote_tag (
    quote_id uuid not null references quote (id) on delete cascade,
    tag_id   uuid not null references tag (id) on delete restrict,
    primary key (quote_id, tag_id)
);
create index quote_tag_tag_idx on quote_tag (tag_id, quote_id);

-- One pick per UTC day, shared by every instance and kept across restarts.
create table quote_of_the_day (
    day      date primary key,
    quote_id uuid not null references quote (id) on delete cascade
);

create function speaker_quote_count() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.speaker_id is not null then
        update speaker set quote_count = quote_count - 1 where id = old.speaker_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.speaker_id is not null then
        update speaker set quote_count = quote_count + 1 where id = new.speaker_id;
    end if;
    return null;
end $$;

create trigger quote_speaker_count
    after insert or delete or update of speaker_id on quote
    for each row execute function speaker_quote_count();

create function tag_quote_count() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        update tag set quote_count = quote_count - 1 where id = old.tag_id;
    else
        update tag set quote_count = quote_count + 1 where id = new.tag_id;
    end if;
    return null;
end $$;

create trigger quote_tag_count
    after insert or delete on quote_tag
    for each row execute function tag_quote_count();
