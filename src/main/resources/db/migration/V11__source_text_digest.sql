-- Article ingestion (POST /api/v1/articles) must recognise an article it has seen: by its URL, or, without one,
-- by its text. Every source with text now carries the SHA-256 (hex) of its NFC text, kept by the application.
alter table source add column text_digest text;
update source set text_digest = encode(sha256(convert_to(text, 'UTF8')), 'hex') where text is not null;
create index source_text_digest_idx on source (text_digest) where url is null;

-- One row per ingested article, keyed by its identity ('url:' + URL, or 'sha256:' + text digest when it has no
-- URL). The ingest claims the key first in its transaction, so a concurrent submit of the same article waits on
-- the key and then finds the first one's records instead of creating duplicates. Sources created through
-- /api/v1/sources are not ingests and may share a text.
create table article_ingest (
    identity   text        primary key,
    source_id  uuid        references source (id) on delete cascade,
    created_at timestamptz not null default now()
);
create index article_ingest_source_idx on article_ingest (source_id);
