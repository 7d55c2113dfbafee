package io.quotewire.bulk;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quotewire.quote.QuoteFilterSql;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Streams quotes out with plain JDBC cursors (rows fetched a few thousand at a time, never all held), as Quotewire
 * NDJSON (lossless: speakers, tags and sources first, then each quote with all its appearances; what an import of
 * the format reads back) or as CSV (one row per quote, with its speaker's and source's names).
 * <p>
 * An export holds up to four connections of its own pool ({@value #POOL}: the snapshot's and three read-ahead
 * queries') for as long as it runs, and over HTTP one request thread: so at most {@code quotewire.export.max-concurrent}
 * run at once ({@link #reserve}), with a pool of four connections for each, and neither the requests' connections nor
 * their threads are ever taken by exports.
 */
@ApplicationScoped
public class Exporter {

    public enum Format { NDJSON, CSV }

    static final List<String> CSV_COLUMNS = List.of("id", "text", "type", "speakerId", "speakerName", "speakerWikidataId", "sourceId",
            "sourceUrl", "sourceTitle", "start", "end", "context", "language", "status", "quotedOn", "confidence", "externalIds",
            "attributionRule", "tags", "appearanceCount", "createdAt", "updatedAt");
    private static final int CSV_EXTERNAL_IDS = CSV_COLUMNS.indexOf("externalIds");
    private static final java.util.Set<Integer> CSV_NUMBERS = java.util.Set.of(CSV_COLUMNS.indexOf("start"), CSV_COLUMNS.indexOf("end"),
            CSV_COLUMNS.indexOf("confidence"), CSV_COLUMNS.indexOf("appearanceCount"));
    private static final int FETCH = 5000;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** The export's own datasource (application.properties), on the primary. */
    public static final String POOL = "export";

    private final AgroalDataSource dataSource;
    private final Semaphore running;

    public Exporter(@DataSource(POOL) AgroalDataSource dataSource,
            @ConfigProperty(name = "quotewire.export.max-concurrent", defaultValue = "2") int maxConcurrent) {
        this.dataSource = dataSource;
        this.running = new Semaphore(maxConcurrent);
    }

    /** A place among the exports that may run at once; empty when all are taken. Closing it frees the place. */
    public Optional<Slot> reserve() {
        return running.tryAcquire() ? Optional.of(new Slot(running)) : Optional.empty();
    }

    /**
     * One export's place: reserved, then taken by the export that {@link #start starts} with it, then closed, which frees
     * it once however often it is called. A place whose export never starts is freed by {@link #abandon}.
     */
    public static final class Slot implements AutoCloseable {

        private static final int RESERVED = 0;
        private static final int STARTED = 1;
        private static final int CLOSED = 2;

        private final Semaphore running;
        private final AtomicInteger state = new AtomicInteger(RESERVED);

        private Slot(Semaphore running) {
            this.running = running;
        }

        /** Takes the place for an export starting now; false when it was abandoned first. */
        public boolean start() {
            return state.compareAndSet(RESERVED, STARTED);
        }

        /** Frees the place unless an export started with it (that export frees it when it ends). */
        public void abandon() {
            if (state.compareAndSet(RESERVED, CLOSED)) {
                running.release();
            }
        }

        @Override
        public void close() {
            if (state.getAndSet(CLOSED) != CLOSED) {
                running.release();
            }
        }
    }

    /** Writes the quotes the filter selects; returns how many. */
    public long export(QuoteFilterSql filter, Format format, OutputStream out) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // one snapshot for every query, so the parts of the export agree with each other: this transaction's,
            // which each query's own connection takes (ReadAhead)
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                String snapshot;
                try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("select pg_export_snapshot()")) {
                    row.next();
                    snapshot = row.getString(1);
                }
                return format == Format.NDJSON ? ndjson(snapshot, filter, out) : csv(snapshot, filter, out);
            } finally {
                connection.rollback();
            }
        }
    }

    private <T> ReadAhead<T> read(String snapshot, String sql, List<Object> parameters, ReadAhead.RowMapper<T> mapper) {
        return new ReadAhead<>(dataSource, snapshot, sql, parameters, mapper);
    }

    private long ndjson(String snapshot, QuoteFilterSql filter, OutputStream out) throws IOException, SQLException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(new SerializedString("\n"));
            String speakers = "select id, slug, name, aliases, role, organization, description, wikidata_id, version, created_at, updated_at from speaker s "
                    + (filter.isEmpty() ? "" : "where s.id in (select q.speaker_id from quote q where " + filter.where() + ") ") + "order by s.id";
            try (ReadAhead<Object[]> rows = read(snapshot, speakers, filter.isEmpty() ? List.of() : filter.parameters(), new Columns())) {
                for (Object[] row = rows.next(); row != null; row = rows.next()) {
                    json.writeStartObject();
                    json.writeStringField("record", "speaker");
                    string(json, "id", row[0]);
                    string(json, "slug", row[1]);
                    string(json, "name", row[2]);
                    strings(json, "aliases", row[3]);
                    string(json, "role", row[4]);
                    string(json, "organization", row[5]);
                    string(json, "description", row[6]);
                    string(json, "wikidataId", row[7]);
                    number(json, "version", row[8]);
                    string(json, "createdAt", row[9]);
                    string(json, "updatedAt", row[10]);
                    json.writeEndObject();
                }
            }
            String tags = "select id, slug, name, created_at from tag t "
                    + (filter.isEmpty() ? "" : "where t.id in (select qt.tag_id from quote_tag qt join quote q on q.id = qt.quote_id where " + filter.where()
                            + ") ") + "order by t.id";
            try (ReadAhead<Object[]> rows = read(snapshot, tags, filter.isEmpty() ? List.of() : filter.parameters(), new Columns())) {
                for (Object[] row = rows.next(); row != null; row = rows.next()) {
                    json.writeStartObject();
                    json.writeStringField("record", "tag");
                    string(json, "id", row[0]);
                    string(json, "slug", row[1]);
                    string(json, "name", row[2]);
                    string(json, "createdAt", row[3]);
                    json.writeEndObject();
                }
            }
            String sourceColumns = "s.id, s.kind, s.title, s.url, s.publisher, s.authors, s.published_at, s.language, s.text, s.version, s.created_at, s.updated_at";
            String sources = filter.isEmpty() ? "select " + sourceColumns + " from source s order by s.id"
                    : "select " + sourceColumns + " from source s where s.id in (select q.source_id from quote q where " + filter.where()
                            + " union select a.source_id from quote_appearance a join quote q on q.id = a.quote_id where " + filter.where() + ") order by s.id";
            List<Object> twice = new java.util.ArrayList<>(filter.parameters());
            twice.addAll(filter.parameters());
            try (ReadAhead<Object[]> rows = read(snapshot, sources, filter.isEmpty() ? List.of() : twice, new Columns())) {
                for (Object[] row = rows.next(); row != null; row = rows.next()) {
                    json.writeStartObject();
                    json.writeStringField("record", "source");
                    string(json, "id", row[0]);
                    string(json, "kind", row[1]);
                    string(json, "title", row[2]);
                    string(json, "url", row[3]);
                    string(json, "publisher", row[4]);
                    strings(json, "authors", row[5]);
                    string(json, "publishedAt", row[6]);
                    string(json, "language", row[7]);
                    string(json, "text", row[8]);
                    number(json, "version", row[9]);
                    string(json, "createdAt", row[10]);
                    string(json, "updatedAt", row[11]);
                    json.writeEndObject();
                }
            }
            return quotes(snapshot, filter, json);
        }
    }

    private long quotes(String snapshot, QuoteFilterSql filter, JsonGenerator json) throws IOException, SQLException {
        String quotes = "select q.id, q.text, q.type, q.speaker_id, q.source_id, q.context, q.start_offset, q.end_offset, q.language, q.status, "
                + "q.quoted_on, q.confidence, q.external_ids, q.attribution_rule, "
                + "q.version, q.created_at, q.updated_at from quote q where " + filter.where() + " order by q.id";
        // the tags of the quotes, in the quotes' order, beside them: one scan instead of a subquery per quote (3 of the
        // 7 s PostgreSQL spent on the quotes of a 1 M-quote export)
        String tags = "select qt.quote_id, t.slug from quote_tag qt join tag t on t.id = qt.tag_id "
                + (filter.isEmpty() ? "" : "join quote q on q.id = qt.quote_id where " + filter.where()) + " order by qt.quote_id, t.slug";
        String appearances = "select a.quote_id, a.id, a.source_id, a.start_offset, a.end_offset, a.context, a.seen_on, a.created_at "
                + "from quote_appearance a " + (filter.isEmpty() ? "" : "join quote q on q.id = a.quote_id where " + filter.where()) + " order by a.quote_id, a.id";
        long count = 0;
        try (ReadAhead<Object[]> quoteRows = read(snapshot, quotes, filter.parameters(), new Columns());
                ReadAhead<Object[]> appearanceRows = read(snapshot, appearances, filter.parameters(), new Columns());
                ReadAhead<Object[]> tagRows = read(snapshot, tags, filter.isEmpty() ? List.of() : filter.parameters(), new Columns())) {
            Object[] appearance = appearanceRows.next();
            Object[] tag = tagRows.next();
            for (Object[] row = quoteRows.next(); row != null; row = quoteRows.next()) {
                Object id = row[0];
                json.writeStartObject();
                json.writeStringField("record", "quote");
                string(json, "id", id);
                string(json, "text", row[1]);
                string(json, "type", row[2]);
                string(json, "speakerId", row[3]);
                string(json, "sourceId", row[4]);
                string(json, "context", row[5]);
                number(json, "start", row[6]);
                number(json, "end", row[7]);
                string(json, "language", row[8]);
                string(json, "status", row[9]);
                string(json, "quotedOn", row[10]);
                number(json, "confidence", row[11]);
                if (row[12] != null && !row[12].equals("{}")) {
                    json.writeFieldName("externalIds");
                    json.writeRawValue((String) row[12]);
                }
                string(json, "attributionRule", row[13]);
                json.writeArrayFieldStart("tags");
                // the tag query is in the same quote order: this quote's tags are the next ones
                while (tag != null && tag[0].equals(id)) {
                    json.writeString((String) tag[1]);
                    tag = tagRows.next();
                }
                json.writeEndArray();
                number(json, "version", row[14]);
                string(json, "createdAt", row[15]);
                string(json, "updatedAt", row[16]);
                json.writeArrayFieldStart("appearances");
                // both queries are in the same quote order: this quote's appearances are the next ones
                while (appearance != null && appearance[0].equals(id)) {
                    json.writeStartObject();
                    string(json, "id", appearance[1]);
                    string(json, "sourceId", appearance[2]);
                    number(json, "start", appearance[3]);
                    number(json, "end", appearance[4]);
                    string(json, "context", appearance[5]);
                    string(json, "seenOn", appearance[6]);
                    string(json, "createdAt", appearance[7]);
                    json.writeEndObject();
                    appearance = appearanceRows.next();
                }
                json.writeEndArray();
                json.writeEndObject();
                count++;
            }
        }
        return count;
    }

    /**
     * A row as the driver's text of each column (numbers as PostgreSQL wrote them), instants in ISO form, arrays as
     * String[]; mapped on the read-ahead thread.
     */
    private static final class Columns implements ReadAhead.RowMapper<Object[]> {
        private static final int TEXT = 0;
        private static final int ARRAY = 1;
        private static final int INSTANT = 2;
        private int[] kinds;

        @Override
        public Object[] map(ResultSet row) throws SQLException {
            if (kinds == null) {
                java.sql.ResultSetMetaData meta = row.getMetaData();
                kinds = new int[meta.getColumnCount()];
                for (int i = 0; i < kinds.length; i++) {
                    String type = meta.getColumnTypeName(i + 1);
                    kinds[i] = type.startsWith("_") ? ARRAY : type.equals("timestamptz") ? INSTANT : TEXT;
                }
            }
            Object[] values = new Object[kinds.length];
            for (int i = 0; i < kinds.length; i++) {
                if (kinds[i] == ARRAY) {
                    Array array = row.getArray(i + 1);
                    values[i] = array == null ? null : (String[]) array.getArray();
                } else {
                    String text = row.getString(i + 1);
                    values[i] = kinds[i] == INSTANT ? ReadAhead.instant(text) : text;
                }
            }
            return values;
        }
    }

    private long csv(String snapshot, QuoteFilterSql filter, OutputStream out) throws IOException, SQLException {
        CsvSchema.Builder columns = CsvSchema.builder();
        CSV_COLUMNS.forEach(columns::addColumn);
        CsvSchema schema = columns.build().withHeader();
        String sql = "select q.id, q.text, q.type, q.speaker_id, sp.name, sp.wikidata_id, q.source_id, so.url, so.title, q.start_offset, "
                + "q.end_offset, q.context, q.language, q.status, q.quoted_on, q.confidence, q.external_ids, q.attribution_rule, "
                + "q.created_at, q.updated_at "
                + "from quote q left join speaker sp on sp.id = q.speaker_id join source so on so.id = q.source_id where " + filter.where() + " order by q.id";
        // tags and appearance counts in the quotes' order, beside them: one scan each instead of two subqueries per quote
        String tags = "select qt.quote_id, t.slug from quote_tag qt join tag t on t.id = qt.tag_id "
                + (filter.isEmpty() ? "" : "join quote q on q.id = qt.quote_id where " + filter.where()) + " order by qt.quote_id, t.slug";
        String appearances = "select a.quote_id, count(*) from quote_appearance a "
                + (filter.isEmpty() ? "" : "join quote q on q.id = a.quote_id where " + filter.where()) + " group by a.quote_id order by a.quote_id";
        int tagsColumn = CSV_COLUMNS.indexOf("tags");
        long count = 0;
        try (CsvGenerator csv = (CsvGenerator) new CsvMapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
                ReadAhead<Object[]> rows = read(snapshot, sql, filter.parameters(), new Columns());
                ReadAhead<Object[]> tagRows = read(snapshot, tags, filter.isEmpty() ? List.of() : filter.parameters(), new Columns());
                ReadAhead<Object[]> appearanceCounts = read(snapshot, appearances, filter.isEmpty() ? List.of() : filter.parameters(), new Columns())) {
            csv.setSchema(schema);
            Object[] tag = tagRows.next();
            Object[] appearanceCount = appearanceCounts.next();
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                Object id = row[0];
                csv.writeStartArray();
                for (int i = 0; i < tagsColumn; i++) {
                    cell(csv, i, row[i]);
                }
                StringBuilder slugs = new StringBuilder();
                while (tag != null && tag[0].equals(id)) {
                    slugs.append(slugs.isEmpty() ? "" : "|").append((String) tag[1]);
                    tag = tagRows.next();
                }
                csv.writeString(slugs.toString());
                String appearancesOfQuote = "0";
                while (appearanceCount != null && appearanceCount[0].equals(id)) {
                    appearancesOfQuote = (String) appearanceCount[1];
                    appearanceCount = appearanceCounts.next();
                }
                csv.writeNumber(appearancesOfQuote);
                cell(csv, tagsColumn + 2, row[tagsColumn]);
                cell(csv, tagsColumn + 3, row[tagsColumn + 1]);
                csv.writeEndArray();
                count++;
            }
        }
        return count;
    }

    private static void cell(CsvGenerator csv, int column, Object value) throws IOException {
        if (value == null || column == CSV_EXTERNAL_IDS && value.equals("{}")) {
            csv.writeNull();
        } else if (CSV_NUMBERS.contains(column)) {
            csv.writeNumber((String) value);
        } else {
            csv.writeString((String) value);
        }
    }

    static PreparedStatement cursor(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH);
        for (int i = 0; i < parameters.size(); i++) {
            Object parameter = parameters.get(i);
            if (parameter instanceof String[] array) {
                statement.setArray(i + 1, connection.createArrayOf("text", array));
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
        return statement;
    }

    private static void string(JsonGenerator json, String field, Object value) throws IOException {
        if (value != null) {
            json.writeStringField(field, (String) value);
        }
    }

    /** A number as PostgreSQL wrote it. */
    private static void number(JsonGenerator json, String field, Object value) throws IOException {
        if (value != null) {
            json.writeFieldName(field);
            json.writeNumber((String) value);
        }
    }

    private static void strings(JsonGenerator json, String field, Object values) throws IOException {
        json.writeArrayFieldStart(field);
        if (values != null) {
            for (String value : (String[]) values) {
                json.writeString(value);
            }
        }
        json.writeEndArray();
    }

}
