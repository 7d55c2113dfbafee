-- Every committed change to what the API shows is announced on the channel quotewire_changes, whichever code made it
-- (a service, an import, psql): each instance LISTENs and drops its in-process cache of shared reads
-- (io.quotewire.api.caching.CacheInvalidations). Statement-level, so a bulk change sends one notification, and
-- PostgreSQL folds equal notifications of one transaction into one and delivers them only after the commit.
CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('quotewire_changes', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER quote_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON quote
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE TRIGGER quote_tag_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON quote_tag
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE TRIGGER speaker_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON speaker
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE TRIGGER source_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON source
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE TRIGGER tag_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tag
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
