-- A quote's appearanceCount is read with every view of it (by id, lists, search pages). Counted over
-- quote_appearance_quote_idx, each read walked that index's pages for the one appearance nearly every quote has, its
-- own (whose id is the quote's, kept by the V26 triggers): at a million quotes those pages are mostly not in
-- PostgreSQL's buffers, and the count was a quarter of the by-id statement's cost (pgbench, docs/BENCHMARKS.md). The
-- view now counts 1 + the further appearances, over this index of those alone: as small as the quotes reported twice.
create index quote_appearance_further_idx on quote_appearance (quote_id) where id <> quote_id;
