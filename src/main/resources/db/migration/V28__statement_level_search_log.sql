-- The search log's triggers (V20) fired once per row: a bulk import's insert of 10,000 quotes ran 10,000 inserts into
-- search_change, one by one. They become statement-level with transition tables: the same rows are logged (one per
-- inserted, updated or deleted quote or quote_tag row, with the writing transaction's id), in one set-based insert per
-- statement. What an instance reads from the log is unchanged.
drop trigger quote_search_change on quote;
drop trigger quote_tag_search_change on quote_tag;
drop function log_quote_search_change();

create function log_quote_search_changes() returns trigger
    language plpgsql as
$$
begin
    if tg_table_name = 'quote' then
        insert into search_change (quote_id) select id from changed;
    else
        insert into search_change (quote_id) select quote_id from changed;
    end if;
    return null;
end
$$;

create trigger quote_search_change_insert after insert on quote
    referencing new table as changed for each statement execute function log_quote_search_changes();
create trigger quote_search_change_update after update on quote
    referencing new table as changed for each statement execute function log_quote_search_changes();
create trigger quote_search_change_delete after delete on quote
    referencing old table as changed for each statement execute function log_quote_search_changes();
create trigger quote_tag_search_change_insert after insert on quote_tag
    referencing new table as changed for each statement execute function log_quote_search_changes();
create trigger quote_tag_search_change_update after update on quote_tag
    referencing new table as changed for each statement execute function log_quote_search_changes();
create trigger quote_tag_search_change_delete after delete on quote_tag
    referencing old table as changed for each statement execute function log_quote_search_changes();
