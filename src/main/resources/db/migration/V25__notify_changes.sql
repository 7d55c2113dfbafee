-- Every committed change to what the API shows is announced on the channel quotewire_changes, whichever code made it
-- (a service, an import, psql): each instance listens and drops its in-process cache of shared reads
-- (io.quotewire.api.caching.CacheInvalidations). Statement-level, so a bulk change sends one notification, and
-- PostgreSQL folds equal notifications of one transaction into one and delivers them only after the commit.
create function notify_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('quotewire_changes', tg_table_name);
    return null;
end
$$;

create trigger quote_changed after insert or update or delete or truncate on quote
    for each statement execute function notify_change();
create trigger quote_tag_changed after insert or update or delete or truncate on quote_tag
    for each statement execute function notify_change();
create trigger speaker_changed after insert or update or delete or truncate on speaker
    for each statement execute function notify_change();
create trigger source_changed after insert or update or delete or truncate on source
    for each statement execute function notify_change();
create trigger tag_changed after insert or update or delete or truncate on tag
    for each statement execute function notify_change();
