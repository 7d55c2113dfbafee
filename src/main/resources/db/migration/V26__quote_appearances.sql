-- A quote reported by several sources is one quote with several appearances (issue 13). The quote keeps its first
-- source, offsets and context as before (existing clients read them); every appearance, the first included, is a
-- row of quote_appearance. The first one has the quote's own id and is kept by the triggers below, so every way of
-- writing a quote (the API, article ingest, bulk import) keeps it without knowing about it.
create table quote_appearance (
    id           uuid primary key,
    quote_id     uuid        not null references quote (id) on delete cascade,
    source_id    uuid        not null references source (id) on delete cascade,
    start_offset integer,
    end_offset   integer,
    context      text,
    -- the day the quote was seen in that source, when known
    seen_on      date,
    created_at   timestamptz not null default now(),
    constraint quote_appearance_once_per_source unique (quote_id, source_id),
    constraint quote_appearance_offsets_paired check ((start_offset is null) = (end_offset is null)),
    constraint quote_appearance_offsets_ordered check (start_offset is null or (start_offset >= 0 and start_offset <= end_offset))
);
create index quote_appearance_quote_idx on quote_appearance (quote_id, id);
create index quote_appearance_source_idx on quote_appearance (source_id);

insert into quote_appearance (id, quote_id, source_id, start_offset, end_offset, context, seen_on, created_at)
select id, id, source_id, start_offset, end_offset, context, quoted_on, created_at from quote;

-- Statement-level triggers with transition tables: a bulk insert of thousands of quotes costs one set-based insert.
create function quote_first_appearance_insert() returns trigger language plpgsql as $$
begin
    insert into quote_appearance (id, quote_id, source_id, start_offset, end_offset, context, seen_on, created_at)
    select n.id, n.id, n.source_id, n.start_offset, n.end_offset, n.context, n.quoted_on, n.created_at from inserted n
    on conflict do nothing;
    return null;
end $$;

create trigger quote_first_appearance_on_insert
    after insert on quote referencing new table as inserted
    for each statement execute function quote_first_appearance_insert();

create function quote_first_appearance_update() returns trigger language plpgsql as $$
begin
    -- a quote moved to a source it already had another appearance in: that one becomes the first
    delete from quote_appearance a using updated n, previous o
    where n.id = o.id and n.source_id <> o.source_id and a.quote_id = n.id and a.source_id = n.source_id and a.id <> n.id;
    update quote_appearance a
    set source_id = n.source_id, start_offset = n.start_offset, end_offset = n.end_offset, context = n.context, seen_on = n.quoted_on
    from updated n
    where a.id = n.id
      and (a.source_id, a.start_offset, a.end_offset, a.context, a.seen_on)
          is distinct from (n.source_id, n.start_offset, n.end_offset, n.context, n.quoted_on);
    return null;
end $$;

create trigger quote_first_appearance_on_update
    after update on quote referencing old table as previous new table as updated
    for each statement execute function quote_first_appearance_update();

-- The speaker's kept quote count, set-based too (it was one UPDATE of the speaker per inserted quote).
drop trigger quote_speaker_count on quote;
drop function speaker_quote_count();

create function speaker_quote_count_insert() returns trigger language plpgsql as $$
begin
    update speaker s set quote_count = s.quote_count + c.n
    from (select speaker_id, count(*) as n from inserted where speaker_id is not null group by speaker_id) c
    where s.id = c.speaker_id;
    return null;
end $$;

create function speaker_quote_count_delete() returns trigger language plpgsql as $$
begin
    update speaker s set quote_count = s.quote_count - c.n
    from (select speaker_id, count(*) as n from removed where speaker_id is not null group by speaker_id) c
    where s.id = c.speaker_id;
    return null;
end $$;

create function speaker_quote_count_update() returns trigger language plpgsql as $$
begin
    update speaker s set quote_count = s.quote_count + c.n
    from (select speaker_id, sum(n) as n from (
              select n.speaker_id, 1 as n from updated n join previous o on o.id = n.id
              where n.speaker_id is distinct from o.speaker_id and n.speaker_id is not null
              union all
              select o.speaker_id, -1 from updated n join previous o on o.id = n.id
              where n.speaker_id is distinct from o.speaker_id and o.speaker_id is not null) d
          group by speaker_id) c
    where s.id = c.speaker_id;
    return null;
end $$;

create trigger quote_speaker_count_insert
    after insert on quote referencing new table as inserted
    for each statement execute function speaker_quote_count_insert();
create trigger quote_speaker_count_delete
    after delete on quote referencing old table as removed
    for each statement execute function speaker_quote_count_delete();
create trigger quote_speaker_count_update
    after update on quote referencing old table as previous new table as updated
    for each statement execute function speaker_quote_count_update();

-- How sure the attribution is (0-1, e.g. Quotebank's speaker probability or our extractor's confidence), the
-- quote's ids in other datasets ({"quotebank": "2020-01-28-000082"}), and the extractor's rule. Confidence is a double
-- (what the API reads and writes), so that 0.8712 comes back as 0.8712 and an export imports back unchanged.
alter table quote add column confidence double precision check (confidence is null or (confidence >= 0 and confidence <= 1));
alter table quote add column external_ids jsonb not null default '{}';
-- the rule of our extractor that attributed the quote, when it did (a GDELT import runs it on each quote's context)
alter table quote add column attribution_rule text;

-- A repeated quote is found by its speaker and its exact text.
create index quote_identity_idx on quote (md5(text), speaker_id);
create index speaker_wikidata_idx on speaker (wikidata_id) where wikidata_id is not null;

-- A new appearance changes what the API shows of its quote (appearanceCount): every instance drops its cache of
-- shared reads on it, as V25 has every content table do. The search index holds nothing of appearances (V20's log
-- needs no entry for them).
create trigger quote_appearance_changed after insert or update or delete or truncate on quote_appearance
    for each statement execute function notify_change();
