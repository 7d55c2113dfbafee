package io.quotewire.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The end of an import into an empty database: the lines its batches staged as they were (V29's
 * {@code import_stage_*} tables) become records in one transaction. It drops the indexes, keys and foreign keys of the
 * tables it fills and turns their triggers off, inserts each table's rows in one statement, then builds the indexes
 * and keys again (sorted builds, not one random insert per row) and does what the triggers would have done: each
 * quote's first appearance, the speakers' and tags' quote counts, a rebuild of the search index, the change
 * notifications. Killed at any point, nothing of it is kept and the next run does it again.
 *
 * <p>The rules are the merge's ({@link BatchWriter}) with the whole file as one batch: a line naming a speaker or
 * source that no line holds, or whose offsets miss its quote, is refused with the same reason; one speaker per
 * Wikidata id, and a name without one joins the speaker of that name whose Wikidata id the file gives first (as
 * merging line by line does); one quote per speaker and exact text, the further lines adding appearances, external ids
 * and a confidence; one source per id, with the text of the first line that has one.
 */
final class InitialLoad {

    /** The tables a load fills. */
    private static final List<String> FILLED = List.of("speaker", "source", "tag", "quote", "quote_appearance", "quote_tag");
    /** Locked with them: their foreign keys name the filled tables' keys, so they are dropped and made again too. */
    private static final List<String> REFERRING = List.of("article_ingest", "quote_of_the_day");
    private static final List<String> STAGED = List.of("import_stage_speaker", "import_stage_source", "import_stage_tag", "import_stage_quote",
            "import_stage_appearance");

    /** What the load did. */
    record Outcome(long created, long merged, long appearances, long refused) {
    }

    private static final String[] REFUSE = {
        "create temp table load_bad (line bigint primary key, reason text) on commit drop",
        """
        insert into load_bad (line, reason)
        select q.line, 'speakerId ' || q.speaker_id || ' names no speaker of the file or the database'
        from import_stage_quote q
        where not q.refs_checked and q.speaker_id is not null and not exists (select 1 from import_stage_speaker s where s.id = q.speaker_id)
        on conflict do nothing""",
        """
        insert into load_bad (line, reason)
        select r.line, 'sourceId ' || r.source_id || ' names no source of the file or the database'
        from (select line, source_id from import_stage_quote where not refs_checked
              union all select line, source_id from import_stage_appearance where not refs_checked) r
        where not exists (select 1 from import_stage_source s where s.id = r.source_id)
        on conflict do nothing""",
        """
        create temp table load_text on commit drop as
        select distinct on (id) id, text from import_stage_source where text is not null order by id, line""",
        """
        insert into load_bad (line, reason)
        select q.line, 'start ' || q.start_offset || ' and end ' || q.end_offset || ' do not select the quote''s text in its source''s text'
        from import_stage_quote q left join load_text t on t.id = q.source_id
        where q.start_offset is not null and coalesce(substr(t.text, q.start_offset + 1, q.end_offset - q.start_offset) = q.text, false) = false
        on conflict do nothing""",
        """
        insert into load_bad (line, reason)
        select a.line, 'an appearance''s start ' || a.start_offset || ' and end ' || a.end_offset || ' do not select the quote''s text in its source''s text'
        from import_stage_appearance a join import_stage_quote q on q.id = a.quote_id and q.line = a.line
        left join load_text t on t.id = a.source_id
        where a.start_offset is not null and coalesce(substr(t.text, a.start_offset + 1, a.end_offset - a.start_offset) = q.text, false) = false
        on conflict do nothing""",
    };

    private static final String[] MAP = {
        // every staged speaker to the one it is, as merging line by line would find it: an imported name without
        // Wikidata id is the speaker of that name whose Wikidata id came first in the file, and that speaker is
        // whichever of them came first (a speaker first met without Wikidata id takes the one a later line gives)
        "create temp table load_speaker (stg_id uuid primary key, id uuid not null, wikidata_id text) on commit drop",
        // (windows over the speakers' first rows: no join of them with themselves, whatever the planner guesses)
        """
        insert into load_speaker (stg_id, id, wikidata_id)
        select id, case when member then first_value(id) over (partition by name, member order by line, id) else id end,
            case when member then named_wikidata_id end
        from (select *, named_id is not null and not exact and (wikidata_id is null or id = named_id) as member
              from (select f.*,
                           first_value(case when not f.exact and f.wikidata_id is not null then f.id end)
                               over (partition by f.name order by (not f.exact and f.wikidata_id is not null) desc, f.line, f.id) as named_id,
                           first_value(case when not f.exact and f.wikidata_id is not null then f.wikidata_id end)
                               over (partition by f.name order by (not f.exact and f.wikidata_id is not null) desc, f.line, f.id) as named_wikidata_id
                    from (select distinct on (id) id, line, lower(name) as name, wikidata_id, exact from import_stage_speaker order by id, line) f) k) m""",
        "analyze load_speaker",
        // the quotes of a speaker others joined: one per exact text, the first line's
        "create temp table load_quote (stg_id uuid primary key, id uuid not null) on commit drop",
        """
        insert into load_quote (stg_id, id)
        select distinct stg_id, id from (
            select q.id as stg_id, first_value(q.id) over (partition by m.id, q.text order by q.line, q.id) as id
            from import_stage_quote q join load_speaker m on m.stg_id = q.speaker_id
            where not q.exact and m.id in (select id from load_speaker where id <> stg_id)) j
        where stg_id <> id""",
        "analyze load_quote",
    };

    private static final String INSERT_QUOTES = """
        insert into quote (id, text, type, speaker_id, source_id, context, start_offset, end_offset, language, status, quoted_on, version,
            created_at, updated_at, confidence, external_ids, attribution_rule)
        select distinct on (coalesce(mq.id, q.id)) coalesce(mq.id, q.id), q.text, q.type, ms.id, q.source_id, q.context, q.start_offset,
            q.end_offset, q.language, q.status, q.quoted_on, q.version, coalesce(q.created_at, now()), coalesce(q.updated_at, now()),
            q.confidence, q.external_ids, q.attribution_rule
        from import_stage_quote q left join load_quote mq on mq.stg_id = q.id left join load_speaker ms on ms.stg_id = q.speaker_id
        order by coalesce(mq.id, q.id), q.line""";

    /**
     * Only when some quote came from several lines: what the further lines add to it, and its version raised once per
     * line that changed it, as merging line by line would.
     */
    private static final String MERGE_FURTHER_LINES = """
        update quote x set external_ids = x.external_ids || e.ids, confidence = coalesce(x.confidence, e.confidence),
            version = x.version + e.changes, updated_at = now()
        from (select f.id, coalesce(jsonb_object_agg(kv.key, kv.value order by f.line) filter (where kv.key is not null), '{}') as ids,
                     max(f.confidence) as confidence,
                     count(distinct f.line) filter (where not f.first_ids @> f.external_ids
                                                    or (f.first_confidence is null and f.confidence is not null)) as changes
              from (select coalesce(mq.id, q.id) as id, q.line, q.confidence, q.external_ids, q.exact, row_number() over w as nth,
                           first_value(q.external_ids) over w as first_ids, first_value(q.confidence) over w as first_confidence
                    from import_stage_quote q left join load_quote mq on mq.stg_id = q.id
                    window w as (partition by coalesce(mq.id, q.id) order by q.line)) f
              left join lateral jsonb_each_text(f.external_ids) kv on true
              where f.nth > 1 and not f.exact
              group by f.id) e
        where x.id = e.id and (not x.external_ids @> e.ids or (x.confidence is null and e.confidence is not null))""";

    private static final String[] INSERT_REST = {
        """
        insert into speaker (id, slug, name, aliases, role, organization, description, wikidata_id, quote_count, version, created_at, updated_at)
        select s.id, case when row_number() over (partition by s.slug order by s.line, s.id) = 1 then s.slug
                          else left(s.slug, 73) || '-' || left(replace(s.id::text, '-', ''), 6) end,
            s.name, s.aliases, s.role, s.organization, s.description, coalesce(s.wikidata_id, s.given_wikidata_id), coalesce(c.n, 0),
            s.version + case when s.wikidata_id is null and s.given_wikidata_id is not null then 1 else 0 end,
            coalesce(s.created_at, now()), coalesce(s.updated_at, now())
        from (select distinct on (s.id) s.*, m.wikidata_id as given_wikidata_id
              from import_stage_speaker s join load_speaker m on m.stg_id = s.id and m.id = s.id
              order by s.id, s.line) s
        left join (select speaker_id, count(*) as n from quote where speaker_id is not null group by speaker_id) c on c.speaker_id = s.id""",
        // a source named by several lines: the first line with a text gives it (a URL-only mention has none)
        """
        insert into source (id, kind, title, url, publisher, authors, published_at, language, text, text_digest, version, created_at, updated_at)
        select distinct on (s.id) s.id, s.kind, s.title, s.url, s.publisher, s.authors, s.published_at, s.language, s.text,
            case when s.text is null then null else encode(sha256(convert_to(s.text, 'UTF8')), 'hex') end,
            s.version, coalesce(s.created_at, now()), coalesce(s.updated_at, now())
        from import_stage_source s order by s.id, s.text is null, s.line""",
        "insert into tag (id, slug, name, quote_count, created_at) select distinct on (id) id, slug, name, 0, created_at from import_stage_tag order by id, line",
        """
        insert into quote_tag (quote_id, tag_id)
        select distinct coalesce(mq.id, q.id), t.id
        from import_stage_quote q left join load_quote mq on mq.stg_id = q.id
        cross join lateral unnest(q.tags) as u(slug) join tag t on t.slug = u.slug
        where cardinality(q.tags) > 0""",
        "update tag t set quote_count = c.n from (select tag_id, count(*) as n from quote_tag group by tag_id) c where t.id = c.tag_id",
    };

    /**
     * Each quote's first appearance (its own source, offsets, context and day, as the V26 trigger makes it), then the
     * further ones; when no quote came from several lines, no pair of quote and source can repeat and nothing needs
     * sorting out.
     */
    private static final String FIRST_APPEARANCES = """
        insert into quote_appearance (id, quote_id, source_id, start_offset, end_offset, context, seen_on, created_at)
        select id, id, source_id, start_offset, end_offset, context, quoted_on, created_at from quote""";
    private static final String FURTHER_APPEARANCES = """
        insert into quote_appearance (id, quote_id, source_id, start_offset, end_offset, context, seen_on, created_at)
        select case when a.exact then a.id else md5('appearance|' || a.quote_id || '|' || a.source_id)::uuid end, a.quote_id, a.source_id,
            a.start_offset, a.end_offset, a.context, a.seen_on, coalesce(a.created_at, now())
        from import_stage_appearance a where not a.own""";
    private static final String ALL_APPEARANCES = """
        insert into quote_appearance (id, quote_id, source_id, start_offset, end_offset, context, seen_on, created_at)
        select distinct on (quote_id, source_id) id, quote_id, source_id, start_offset, end_offset, context, seen_on, created_at from (
            select id, id as quote_id, source_id, start_offset, end_offset, context, quoted_on as seen_on, created_at, 0 as rank, 0::bigint as line
            from quote
            union all
            select case when a.exact then a.id else md5('appearance|' || coalesce(mq.id, a.quote_id) || '|' || a.source_id)::uuid end,
                coalesce(mq.id, a.quote_id), a.source_id, a.start_offset, a.end_offset, a.context, a.seen_on, coalesce(a.created_at, now()), 1, a.line
            from import_stage_appearance a left join load_quote mq on mq.stg_id = a.quote_id) u
        order by quote_id, source_id, rank, line""";

    /** The indexes and keys of the filled tables, and the foreign keys naming them: how to drop each and make it again. */
    private static final String SCHEMA = """
        select 'alter table ' || c.conrelid::regclass || ' drop constraint ' || quote_ident(c.conname),
               'alter table ' || c.conrelid::regclass || ' add constraint ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid),
               case c.contype when 'f' then 0 else 1 end as step
        from pg_constraint c
        where c.contype in ('p', 'u', 'f') and (c.conrelid = any(?::regclass[]) or c.confrelid = any(?::regclass[]))
        union all
        select 'drop index ' || i.indexrelid::regclass, pg_get_indexdef(i.indexrelid), 2
        from pg_index i
        where i.indrelid = any(?::regclass[])
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)
        order by step""";

    private InitialLoad() {
    }

    /** Whether the tables a load fills hold nothing (a job decides once, at its first run). */
    static boolean tablesEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select not exists (select 1 from quote) and not exists (select 1 from source) "
                        + "and not exists (select 1 from speaker) and not exists (select 1 from tag)")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /** Empties the staging tables and marks the job as staging (in the caller's transaction). */
    static void begin(Connection connection, UUID jobId) throws SQLException {
        discard(connection);
        try (PreparedStatement marker = connection.prepareStatement("insert into import_load_marker (job_id) values (?)")) {
            marker.setObject(1, jobId);
            marker.executeUpdate();
        }
    }

    /** Empties the staging tables and their marker (in the caller's transaction). */
    static void discard(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("truncate " + String.join(", ", STAGED) + ", import_load_marker");
        }
    }

    /** Whether some staged line may be refused (BatchWriter marks it): else the checks have nothing to find. */
    private static boolean refusable(Connection connection, UUID jobId) throws SQLException {
        try (PreparedStatement marker = connection.prepareStatement("select refusable from import_load_marker where job_id = ?")) {
            marker.setObject(1, jobId);
            try (ResultSet row = marker.executeQuery()) {
                return !row.next() || row.getBoolean(1);
            }
        }
    }

    /** Whether what the job staged is still there: a crash of PostgreSQL empties the unlogged staging tables. */
    static boolean staged(Connection connection, UUID jobId) throws SQLException {
        try (PreparedStatement marker = connection.prepareStatement("select exists (select 1 from import_load_marker where job_id = ?)")) {
            marker.setObject(1, jobId);
            try (ResultSet row = marker.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /**
     * Loads what the job staged, in the caller's transaction (the caller commits); empty when the tables are no longer
     * empty (something else wrote meanwhile), in which case nothing is written and the caller merges instead.
     */
    static Optional<Outcome> load(Connection connection, UUID jobId, int maxErrors, String memory) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local jit = off");
            // memory is a size (ImportConfig checks its form)
            statement.execute("set local maintenance_work_mem = '" + memory + "'");
            statement.execute("set local work_mem = '" + memory + "'");
            statement.execute("lock table " + String.join(", ", FILLED) + ", " + String.join(", ", REFERRING) + " in access exclusive mode");
            if (!tablesEmpty(connection)) {
                return Optional.empty();
            }
            // statistics of what was staged: without them the planner guesses, and a guess of a few rows joined the
            // 50,000 speakers of a file with themselves row by row (55 s)
            statement.execute("analyze " + String.join(", ", STAGED));
            statement.execute(REFUSE[0]);
            if (refusable(connection, jobId)) {
                for (int i = 1; i < REFUSE.length; i++) {
                    statement.execute(REFUSE[i]);
                }
            }
            long refused = BatchWriter.count(statement, "select count(*) from load_bad");
            if (refused > 0) {
                for (String table : STAGED) {
                    statement.execute("delete from " + table + " where line in (select line from load_bad)");
                }
            }
            List<String[]> schema = schema(connection);
            for (String[] object : schema) {
                statement.execute(object[0]);
            }
            for (String table : FILLED) {
                statement.execute("alter table " + table + " disable trigger user");
            }
            for (String sql : MAP) {
                statement.execute(sql);
            }
            long created = statement.executeUpdate(INSERT_QUOTES);
            long merged = BatchWriter.count(statement, "select count(*) from import_stage_quote") - created;
            if (merged > 0) {
                statement.execute(MERGE_FURTHER_LINES);
            }
            for (String sql : INSERT_REST) {
                statement.execute(sql);
            }
            long appearances;
            if (merged > 0) {
                appearances = statement.executeUpdate(ALL_APPEARANCES) - created;
            } else {
                statement.executeUpdate(FIRST_APPEARANCES);
                appearances = statement.executeUpdate(FURTHER_APPEARANCES);
            }
            for (int i = schema.size() - 1; i >= 0; i--) {
                statement.execute(schema.get(i)[1]);
            }
            for (String table : FILLED) {
                statement.execute("alter table " + table + " enable trigger user");
            }
            // what the triggers would have done: ask every instance to rebuild its search index, tell them what changed
            statement.execute("insert into search_change (quote_id) values (null)");
            statement.execute("select pg_notify('quotewire_changes', t) from unnest(array['" + String.join("', '", FILLED) + "']) as t");
            record(connection, jobId, maxErrors, new Outcome(created, merged, appearances, refused));
            discard(connection);
            return Optional.of(new Outcome(created, merged, appearances, refused));
        }
    }

    /** After the load's commit: statistics for the planner, which fresh tables lack until autovacuum comes by. */
    static void analyze(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze " + String.join(", ", FILLED));
        }
    }

    private static List<String[]> schema(Connection connection) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(SCHEMA)) {
            query.setArray(1, connection.createArrayOf("text", FILLED.toArray()));
            query.setArray(2, connection.createArrayOf("text", FILLED.toArray()));
            query.setArray(3, connection.createArrayOf("text", FILLED.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    objects.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        return objects;
    }

    private static void record(Connection connection, UUID jobId, int maxErrors, Outcome outcome) throws SQLException {
        try (PreparedStatement errors = connection.prepareStatement("""
                insert into import_error (job_id, line, reason)
                select ?, line, reason from load_bad
                where (select count(*) from import_error where job_id = ?) < ?
                order by line limit greatest(0, ? - (select count(*) from import_error where job_id = ?))
                on conflict do nothing""");
                PreparedStatement job = connection.prepareStatement("""
                update import_job set quotes_created = ?, quotes_merged = ?, appearances_added = ?, skipped = skipped + ?, updated_at = now()
                where id = ?""")) {
            errors.setObject(1, jobId);
            errors.setObject(2, jobId);
            errors.setInt(3, maxErrors);
            errors.setInt(4, maxErrors);
            errors.setObject(5, jobId);
            errors.executeUpdate();
            job.setLong(1, outcome.created());
            job.setLong(2, outcome.merged());
            job.setLong(3, outcome.appearances());
            job.setLong(4, outcome.refused());
            job.setObject(5, jobId);
            job.executeUpdate();
        }
    }
}
