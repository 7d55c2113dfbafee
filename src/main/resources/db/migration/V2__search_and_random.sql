-- Search and discovery: full-text search on quotes, typo-tolerant speaker search, and uniform random picks that
-- stay fast on large tables.

create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- English stemming that ignores accents: "Jose" finds "José", "urges" finds "urged".
create text search configuration quotewire_english (copy = english);
alter text search configuration quotewire_english
    alter mapping for hword, hword_part, word with unaccent, english_stem;

alter table quote
    add column search tsvector generated always as (to_tsvector('quotewire_english'::regconfig, text)) stored;
create index quote_search_idx on quote using gin (search);

-- Wrappers that HQL can call. Being single-expression SQL functions they are inlined by the planner, so the GIN
-- indexes are used as if the operators were written in place. Web-search syntax never fails to parse.
create function quote_matches(search tsvector, query text) returns boolean
    language sql immutable parallel safe
    as $$ select search @@ websearch_to_tsquery('quotewire_english'::regconfig, query) $$;

create function quote_rank(search tsvector, query text) returns real
    language sql immutable parallel safe
    as $$ select ts_rank_cd(search, websearch_to_tsquery('quotewire_english'::regconfig, query)) $$;

-- Dense sequence numbers let a random pick probe a few index entries instead of counting or sorting the table.
alter table quote add column seq bigint generated always as identity;
create unique index quote_seq_idx on quote (seq);

-- Speaker names and aliases as one lower-case, accent-free string for trigram search and autocomplete.
create function speaker_search_names(name text, aliases text[]) returns text
    language sql immutable parallel safe
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, name || ' ' || array_to_string(aliases, ' '))) $$;

alter table speaker
    add column search_names text generated always as (speaker_search_names(name, aliases)) stored;
create index speaker_search_names_idx on speaker using gin (search_names gin_trgm_ops);

create function speaker_name_matches(query text, names text) returns boolean
    language sql stable parallel safe
    as $$ select query <% names $$;
