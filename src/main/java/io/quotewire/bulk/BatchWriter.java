package io.quotewire.bulk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes one batch set-based: the rows are copied (PostgreSQL COPY) into temporary staging tables, then a fixed
 * sequence of statements matches them against what is stored, refuses the lines that cannot be written (a reference
 * to nothing, offsets that do not select the quote), inserts what is new, adds appearances and merges external ids,
 * and moves the job's checkpoint, all in the caller's one transaction. Nothing here is per row.
 */
final class BatchWriter {

    /** What a batch did. */
    record Outcome(long quotes, long created, long appearances, long refused) {
        long merged() {
            return quotes - created;
        }
    }

    private static final String[] STAGING = {
        """
        create temp table if not exists stg_speaker (line bigint, id uuid, slug text, name text, aliases text[], role text,
            organization text, description text, wikidata_id text, version bigint, created_at timestamptz, updated_at timestamptz,
            exact boolean) on commit delete rows""",
        """
        create temp table if not exists stg_source (line bigint, id uuid, kind text, title text, url text, publisher text, authors text[],
            published_at timestamptz, language text, text text, version bigint, created_at timestamptz, updated_at timestamptz,
            exact boolean) on commit delete rows""",
        "create temp table if not exists stg_tag (line bigint, id uuid, slug text, name text, created_at timestamptz) on commit delete rows",
        """
        create temp table if not exists stg_quote (line bigint, id uuid, text text, type text, speaker_id uuid, source_id uuid, context text,
            start_offset integer, end_offset integer, language text, status text, quoted_on date, confidence double precision, external_ids jsonb,
            attribution_rule text, tags text[], version bigint, created_at timestamptz, updated_at timestamptz, exact boolean)
            on commit delete rows""",
        """
        create temp table if not exists stg_appearance (line bigint, quote_id uuid, id uuid, source_id uuid, start_offset integer,
            end_offset integer, context text, seen_on date, created_at timestamptz, exact boolean) on commit delete rows""",
        "create temp table if not exists map_speaker (stg_id uuid primary key, id uuid, in_batch boolean) on commit delete rows",
        "create temp table if not exists map_source (stg_id uuid primary key, id uuid, in_batch boolean) on commit delete rows",
        "create temp table if not exists map_quote (stg_id uuid primary key, id uuid, created boolean not null default false) on commit delete rows",
        "create temp table if not exists bad_line (line bigint primary key, reason text) on commit delete rows",
    };

    /** Matching what is stored, before anything is written. */
    private static final String[] MATCH = {
        // speakers: by id; an imported (not exact) one also by Wikidata id, then by name
        """
        insert into map_speaker (stg_id, id, in_batch)
        select distinct on (s.id) s.id, coalesce(
            (select x.id from speaker x where x.id = s.id),
            case when not s.exact then coalesce(
                (select x.id from speaker x where s.wikidata_id is not null and x.wikidata_id = s.wikidata_id order by x.created_at, x.id limit 1),
                (select x.id from speaker x where lower(x.name) = lower(s.name)
                    and (x.wikidata_id is null or s.wikidata_id is null or x.wikidata_id = s.wikidata_id) order by x.created_at, x.id limit 1)) end),
            true
        from stg_speaker s order by s.id, s.line""",
        """
        insert into map_speaker (stg_id, id, in_batch)
        select distinct q.speaker_id, x.id, false from stg_quote q left join speaker x on x.id = q.speaker_id
        where q.speaker_id is not null and not exists (select 1 from map_speaker m where m.stg_id = q.speaker_id)""",
        // sources: by id, else by URL
        """
        insert into map_source (stg_id, id, in_batch)
        select distinct on (s.id) s.id, coalesce((select x.id from source x where x.id = s.id),
            (select x.id from source x where s.url is not null and x.url = s.url)), true
        from stg_source s order by s.id, s.line""",
        """
        insert into map_source (stg_id, id, in_batch)
        select distinct r.source_id, x.id, false
        from (select source_id from stg_quote union select source_id from stg_appearance) r left join source x on x.id = r.source_id
        where not exists (select 1 from map_source m where m.stg_id = r.source_id)""",
        // lines that cannot be written
        """
        insert into bad_line (line, reason)
        select q.line, 'speakerId ' || q.speaker_id || ' names no speaker of the file or the database'
        from stg_quote q join map_speaker m on m.stg_id = q.speaker_id where m.id is null and not m.in_batch
        on conflict do nothing""",
        """
        insert into bad_line (line, reason)
        select r.line, 'sourceId ' || r.source_id || ' names no source of the file or the database'
        from (select line, source_id from stg_quote union all select line, source_id from stg_appearance) r
        join map_source m on m.stg_id = r.source_id where m.id is null and not m.in_batch
        on conflict do nothing""",
        """
        insert into bad_line (line, reason)
        select q.line, 'start ' || q.start_offset || ' and end ' || q.end_offset || ' do not select the quote''s text in its source''s text'
        from stg_quote q join map_source m on m.stg_id = q.source_id
        left join source x on x.id = m.id
        left join lateral (select s.text from stg_source s where s.id = q.source_id and s.text is not null limit 1) n on x.text is null
        where q.start_offset is not null
          and coalesce(substr(coalesce(x.text, n.text), q.start_offset + 1, q.end_offset - q.start_offset) = q.text, false) = false
        on conflict do nothing""",
        """
        insert into bad_line (line, reason)
        select a.line, 'an appearance''s start ' || a.start_offset || ' and end ' || a.end_offset || ' do not select the quote''s text in its source''s text'
        from stg_appearance a join stg_quote q on q.id = a.quote_id and q.line = a.line
        join map_source m on m.stg_id = a.source_id
        left join source x on x.id = m.id
        left join lateral (select s.text from stg_source s where s.id = a.source_id and s.text is not null limit 1) n on x.text is null
        where a.start_offset is not null
          and coalesce(substr(coalesce(x.text, n.text), a.start_offset + 1, a.end_offset - a.start_offset) = q.text, false) = false
        on conflict do nothing""",
        "delete from stg_speaker where line in (select line from bad_line)",
        "delete from stg_source where line in (select line from bad_line)",
        "delete from stg_tag where line in (select line from bad_line)",
        "delete from stg_quote where line in (select line from bad_line)",
        "delete from stg_appearance where line in (select line from bad_line)",
    };

    private static final String[] WRITE_REFERENCED = {
        """
        insert into speaker (id, slug, name, aliases, role, organization, description, wikidata_id, version, created_at, updated_at)
        select distinct on (s.id) s.id, s.slug, s.name, s.aliases, s.role, s.organization, s.description, s.wikidata_id, s.version,
            coalesce(s.created_at, now()), coalesce(s.updated_at, now())
        from stg_speaker s join map_speaker m on m.stg_id = s.id where m.id is null
        order by s.id, s.line
        on conflict do nothing""",
        // a slug another speaker holds: the same slug with a suffix from the speaker's own id
        """
        insert into speaker (id, slug, name, aliases, role, organization, description, wikidata_id, version, created_at, updated_at)
        select distinct on (s.id) s.id, left(s.slug, 73) || '-' || left(replace(s.id::text, '-', ''), 6), s.name, s.aliases, s.role,
            s.organization, s.description, s.wikidata_id, s.version, coalesce(s.created_at, now()), coalesce(s.updated_at, now())
        from stg_speaker s join map_speaker m on m.stg_id = s.id
        where m.id is null and not exists (select 1 from speaker x where x.id = s.id)
        order by s.id, s.line
        on conflict do nothing""",
        "update map_speaker m set id = m.stg_id where m.id is null and m.in_batch and exists (select 1 from speaker x where x.id = m.stg_id)",
        // a stored speaker matched by name that has no Wikidata id gets the one the line gives: the same speaker
        // whichever file came first (an article-centric file names speakers without one)
        """
        update speaker x set wikidata_id = s.wikidata_id, version = x.version + 1, updated_at = now()
        from (select distinct on (m.id) m.id, s.wikidata_id from stg_speaker s join map_speaker m on m.stg_id = s.id
              where m.id is not null and not s.exact and s.wikidata_id is not null order by m.id, s.line) s
        where x.id = s.id and x.wikidata_id is null""",
        """
        insert into source (id, kind, title, url, publisher, authors, published_at, language, text, text_digest, version, created_at, updated_at)
        select distinct on (s.id) s.id, s.kind, s.title, s.url, s.publisher, s.authors, s.published_at, s.language, s.text,
            case when s.text is null then null else encode(sha256(convert_to(s.text, 'UTF8')), 'hex') end,
            s.version, coalesce(s.created_at, now()), coalesce(s.updated_at, now())
        from stg_source s join map_source m on m.stg_id = s.id where m.id is null
        order by s.id, s.line
        on conflict do nothing""",
        // a source stored by URL only (say from a quotation-centric file) gets the text an article brings
        """
        update source x set text = s.text, text_digest = encode(sha256(convert_to(s.text, 'UTF8')), 'hex'), version = x.version + 1, updated_at = now()
        from (select distinct on (m.id) m.id, s.text from stg_source s join map_source m on m.stg_id = s.id
              where m.id is not null and s.text is not null order by m.id, s.line) s
        where x.id = s.id and x.text is null""",
        // a URL stored meanwhile under another id (a concurrent ingest): that source
        """
        update map_source m set id = coalesce((select x.id from source x where x.id = m.stg_id),
            (select x.id from source x join stg_source s on s.id = m.stg_id and s.url = x.url limit 1))
        where m.id is null and m.in_batch""",
        "insert into tag (id, slug, name, quote_count, created_at) select distinct on (id) id, slug, name, 0, created_at from stg_tag order by id, line on conflict do nothing",
        // quotes: by id; an imported one also by its speaker and exact text
        """
        insert into map_quote (stg_id, id)
        select distinct on (q.id) q.id, coalesce((select x.id from quote x where x.id = q.id),
            case when not q.exact and ms.id is not null then
                (select x.id from quote x where md5(x.text) = md5(q.text) and x.speaker_id = ms.id and x.text = q.text
                 order by x.created_at, x.id limit 1) end)
        from stg_quote q left join map_speaker ms on ms.stg_id = q.speaker_id
        order by q.id, q.line""",
    };

    private static final String INSERT_QUOTES = """
        insert into quote (id, text, type, speaker_id, source_id, context, start_offset, end_offset, language, status, quoted_on, version,
            created_at, updated_at, confidence, external_ids, attribution_rule)
        select distinct on (q.id) q.id, q.text, q.type, ms.id, mo.id, q.context, q.start_offset, q.end_offset, q.language, q.status,
            q.quoted_on, q.version, coalesce(q.created_at, now()), coalesce(q.updated_at, now()), q.confidence, q.external_ids, q.attribution_rule
        from stg_quote q join map_quote m on m.stg_id = q.id and m.id is null
        left join map_speaker ms on ms.stg_id = q.speaker_id
        join map_source mo on mo.stg_id = q.source_id
        order by q.id, q.line
        on conflict do nothing""";

    private static final String[] AFTER_QUOTES = {
        "update map_quote set id = stg_id, created = true where id is null",
        // the ids (and a first confidence) that further mentions of a quote bring
        """
        update quote x set external_ids = x.external_ids || e.ids, confidence = coalesce(x.confidence, e.confidence),
            version = x.version + 1, updated_at = now()
        from (select m.id, coalesce(jsonb_object_agg(kv.key, kv.value) filter (where kv.key is not null), '{}') as ids,
                     max(q.confidence) as confidence
              from stg_quote q join map_quote m on m.stg_id = q.id
              left join lateral jsonb_each_text(q.external_ids) kv on true
              where not q.exact
                -- a quote this batch created holds its line's ids already, unless several lines named it
                and (not m.created or q.id in (select d.id from stg_quote d group by d.id having count(*) > 1))
              group by m.id) e
        where x.id = e.id and (not x.external_ids @> e.ids or (x.confidence is null and e.confidence is not null))""",
        """
        insert into quote_tag (quote_id, tag_id)
        select distinct m.id, t.id from stg_quote q join map_quote m on m.stg_id = q.id
        cross join lateral unnest(q.tags) as u(slug) join tag t on t.slug = u.slug
        on conflict do nothing""",
    };

    private static final String INSERT_APPEARANCES = """
        insert into quote_appearance (id, quote_id, source_id, start_offset, end_offset, context, seen_on, created_at)
        select distinct on (mq.id, mo.id)
            case when a.exact then a.id else md5('appearance|' || mq.id || '|' || mo.id)::uuid end,
            mq.id, mo.id, a.start_offset, a.end_offset, a.context, a.seen_on, coalesce(a.created_at, now())
        from stg_appearance a join map_quote mq on mq.stg_id = a.quote_id join map_source mo on mo.stg_id = a.source_id
        order by mq.id, mo.id, a.line
        on conflict do nothing""";

    private final Connection connection;
    private final CopyManager copy;
    private final UUID jobId;
    private final int maxErrors;
    /** The speakers and sources a load staged lately: the load keeps each one's first line, so later lines need not stage it again. */
    private final RecentlyStaged stagedSpeakers = new RecentlyStaged();
    private final RecentlyStaged stagedSources = new RecentlyStaged();

    BatchWriter(Connection connection, UUID jobId, int maxErrors) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.jobId = jobId;
        this.maxErrors = maxErrors;
        try (Statement statement = connection.createStatement()) {
            for (String ddl : STAGING) {
                statement.execute(ddl);
            }
        }
        connection.commit();
    }

    /** Writes the batch and the job's checkpoint; the caller commits. */
    Outcome write(Batch batch, double busySeconds) throws SQLException, IOException {
        try (Statement settings = connection.createStatement()) {
            // The staging tables have no statistics, so the planner guesses costs in the millions and JIT-compiles
            // statements that run in milliseconds: half a second per batch went to compiling (EXPLAIN ANALYZE).
            // For this transaction only: the connection goes back to the pool as it came.
            settings.execute("set local jit = off");
        }
        stage(batch, "stg_", false);
        long created;
        long appearances;
        long quotes;
        long refused;
        try (Statement statement = connection.createStatement()) {
            for (String sql : MATCH) {
                statement.execute(sql);
            }
            for (String sql : WRITE_REFERENCED) {
                statement.execute(sql);
            }
            created = statement.executeUpdate(INSERT_QUOTES);
            for (String sql : AFTER_QUOTES) {
                statement.execute(sql);
            }
            appearances = statement.executeUpdate(INSERT_APPEARANCES);
            quotes = count(statement, "select count(*) from stg_quote");
            refused = count(statement, "select count(*) from bad_line");
        }
        long skipped = refused + batch.refused.size();
        checkpoint(batch, created, quotes - created, appearances, skipped, busySeconds);
        return new Outcome(quotes, created, appearances, skipped);
    }

    /**
     * Copies the batch's rows as they are into the load's staging tables (V29) and moves the job's checkpoint; the
     * caller commits. What the rows become is decided at the end, by {@link InitialLoad}.
     */
    Outcome stageForLoad(Batch batch, double busySeconds) throws SQLException, IOException {
        if (stage(batch, "import_stage_", true)) {
            try (PreparedStatement refusable = connection.prepareStatement("update import_load_marker set refusable = true where job_id = ? and not refusable")) {
                refusable.setObject(1, jobId);
                refusable.executeUpdate();
            }
        }
        checkpoint(batch, 0, 0, 0, batch.refused.size(), busySeconds);
        return new Outcome(0, 0, 0, batch.refused.size());
    }

    /** The caller rolled back: what the last batch staged is gone, so the ids it remembered are not to be counted on. */
    void rolledBack() {
        stagedSpeakers.clear();
        stagedSources.clear();
    }

    /** The lines refused (those the database refused, in bad_line, and the batch's own) and the job's checkpoint. */
    private void checkpoint(Batch batch, long created, long merged, long appearances, long skipped, double busySeconds) throws SQLException {
        try (PreparedStatement errors = connection.prepareStatement("""
                insert into import_error (job_id, line, reason)
                select ?, line, reason from (
                    select line, reason from bad_line union all select line, reason from unnest(?::bigint[], ?::text[]) as r(line, reason)) e
                where (select count(*) from import_error where job_id = ?) < ?
                order by line limit ?
                on conflict do nothing""")) {
            errors.setObject(1, jobId);
            errors.setArray(2, connection.createArrayOf("bigint", batch.refused.stream().map(Batch.Refused::line).toArray()));
            errors.setArray(3, connection.createArrayOf("text", batch.refused.stream().map(Batch.Refused::reason).toArray()));
            errors.setObject(4, jobId);
            errors.setInt(5, maxErrors);
            errors.setInt(6, maxErrors);
            errors.executeUpdate();
        }
        try (PreparedStatement checkpoint = connection.prepareStatement("""
                update import_job set records_done = ?, quotes_created = quotes_created + ?, quotes_merged = quotes_merged + ?,
                    appearances_added = appearances_added + ?, skipped = skipped + ?, busy_seconds = ?, updated_at = now()
                where id = ?""")) {
            checkpoint.setLong(1, batch.lastLine);
            checkpoint.setLong(2, created);
            checkpoint.setLong(3, merged);
            checkpoint.setLong(4, appearances);
            checkpoint.setLong(5, skipped);
            checkpoint.setDouble(6, busySeconds);
            checkpoint.setObject(7, jobId);
            checkpoint.executeUpdate();
        }
    }

    /** The one number a query answers. */
    static long count(Statement statement, String sql) throws SQLException {
        try (var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * COPYs the batch's rows into the staging tables named {@code prefix + "speaker"} and so on; for a load, quotes and
     * appearances also say whether the line itself holds the speaker and sources they name, and whether an appearance
     * is in its quote's own source.
     */
    private boolean stage(Batch batch, String prefix, boolean load) throws SQLException, IOException {
        boolean anyRefusable = false;
        CopyText speakers = new CopyText();
        CopyText sources = new CopyText();
        CopyText tags = new CopyText();
        CopyText quotes = new CopyText();
        CopyText appearances = new CopyText();
        for (Batch.Entry entry : batch.entries) {
            long line = entry.line();
            boolean refusable = load && refusable(entry.rows());
            anyRefusable |= refusable;
            for (Rows.SpeakerRow s : entry.rows().speakers()) {
                if (load && !stagedSpeakers.first(s.id(), false, refusable)) {
                    continue;
                }
                speakers.field(line).field(s.id()).field(s.slug()).field(s.name()).array(s.aliases()).field(s.role()).field(s.organization())
                        .field(s.description()).field(s.wikidataId()).field(s.version()).field(s.createdAt()).field(s.updatedAt()).field(s.exact());
                speakers.endRow();
            }
            for (Rows.SourceRow s : entry.rows().sources()) {
                if (load && !stagedSources.first(s.id(), s.text() != null, refusable)) {
                    continue;
                }
                sources.field(line).field(s.id()).field(s.kind()).field(s.title()).field(s.url()).field(s.publisher()).array(s.authors())
                        .field(s.publishedAt()).field(s.language()).field(s.text()).field(s.version()).field(s.createdAt()).field(s.updatedAt())
                        .field(s.exact());
                sources.endRow();
            }
            for (Rows.TagRow t : entry.rows().tags()) {
                tags.field(line).field(t.id()).field(t.slug()).field(t.name()).field(t.createdAt());
                tags.endRow();
            }
            for (Rows.QuoteRow q : entry.rows().quotes()) {
                quotes.field(line).field(q.id()).field(q.text()).field(q.type()).field(q.speakerId()).field(q.sourceId()).field(q.context())
                        .field(q.start()).field(q.end()).field(q.language()).field(q.status()).field(q.quotedOn()).field(q.confidence())
                        .json(q.externalIds()).field(q.attributionRule()).array(q.tags()).field(q.version()).field(q.createdAt())
                        .field(q.updatedAt()).field(q.exact());
                if (load) {
                    quotes.field((q.speakerId() == null || holdsSpeaker(entry.rows(), q.speakerId())) && holdsSource(entry.rows(), q.sourceId()));
                }
                quotes.endRow();
                for (Rows.AppearanceRow a : q.appearances()) {
                    appearances.field(line).field(q.id()).field(a.id()).field(a.sourceId()).field(a.start()).field(a.end()).field(a.context())
                            .field(a.seenOn()).field(a.createdAt()).field(q.exact());
                    if (load) {
                        appearances.field(holdsSource(entry.rows(), a.sourceId())).field(Objects.equals(a.sourceId(), q.sourceId()));
                    }
                    appearances.endRow();
                }
            }
        }
        copyInto(prefix + "speaker", speakers);
        copyInto(prefix + "source", sources);
        copyInto(prefix + "tag", tags);
        copyInto(prefix + "quote", quotes);
        copyInto(prefix + "appearance", appearances);
        return anyRefusable;
    }

    /**
     * Whether the load may refuse the line (InitialLoad's checks): it names a speaker or source of another line, or
     * gives offsets. The records of such a line may be deleted with it, so no later line may count on them.
     */
    private static boolean refusable(Rows.Parsed rows) {
        for (Rows.QuoteRow q : rows.quotes()) {
            if (q.start() != null || q.speakerId() != null && !holdsSpeaker(rows, q.speakerId()) || !holdsSource(rows, q.sourceId())) {
                return true;
            }
            for (Rows.AppearanceRow a : q.appearances()) {
                if (a.start() != null || !holdsSource(rows, a.sourceId())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean holdsSpeaker(Rows.Parsed rows, UUID id) {
        for (Rows.SpeakerRow speaker : rows.speakers()) {
            if (speaker.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsSource(Rows.Parsed rows, UUID id) {
        for (Rows.SourceRow source : rows.sources()) {
            if (source.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    private void copyInto(String table, CopyText rows) throws SQLException, IOException {
        if (rows.rows() > 0) {
            copy.copyIn("copy " + table + " from stdin", new ByteArrayInputStream(rows.bytes()));
        }
    }
}
