-- The search index each instance keeps (io.quotewire.search) is derived from PostgreSQL. Every change to what it
-- holds of a quote is logged here, with the id of the transaction that made it, so an instance can tell exactly which
-- changes it has applied: all those of transactions older than the oldest one still running when it last read the log
-- (pg_snapshot_xmin), plus the committed ones it has seen since. A row without a quote asks every instance to rebuild
-- its whole index (written by the rebuild command and by bulk loads that bypass these triggers).

create table search_change (
    seq        bigint generated always as identity primary key,
    xid        xid8        not null default pg_current_xact_id(),
    quote_id   uuid,
    changed_at timestamptz not null default now()
);
create index search_change_xid_idx on search_change (xid);

create function log_quote_search_change() returns trigger
    language plpgsql as
$$
begin
    if tg_table_name = 'quote' then
        insert into search_change (quote_id) values (case when tg_op = 'DELETE' then old.id else new.id end);
    else
        insert into search_change (quote_id) values (case when tg_op = 'DELETE' then old.quote_id else new.quote_id end);
    end if;
    return null;
end
$$;

create trigger quote_search_change after insert or update or delete on quote
    for each row execute function log_quote_search_change();
create trigger quote_tag_search_change after insert or update or delete on quote_tag
    for each row execute function log_quote_search_change();

-- What each running instance's index is doing, for the rebuild command and operators: written by the instance.
create table search_index_status (
    instance     text primary key,
    state        text        not null,
    indexed      bigint      not null default 0,
    total        bigint      not null default 0,
    rebuilt_upto bigint      not null default 0,
    heartbeat    timestamptz not null default now()
);

-- Which database an index was derived from: an index folder found next to another database (a restored backup, a
-- test run) is rebuilt rather than trusted.
create table search_change_log (
    id uuid not null
);
insert into search_change_log (id) values (gen_random_uuid());
