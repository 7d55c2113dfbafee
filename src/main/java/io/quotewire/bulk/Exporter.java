package io.quotewire.bulk;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.agroal.api.AgroalDataSource;
import io.quotewire.quote.QuoteFilterSql;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Streams quotes out with plain JDBC cursors (rows fetched a few thousand at a time, never all held), as Quotewire
 * NDJSON (lossless: speakers, tags and sources first, then each quote with all its appearances; what an import of
 * the format reads back) or as CSV (one row per quote, with its speaker's and source's names).
 */
@ApplicationScoped
public class Exporter {

    public enum Format { NDJSON, CSV }

    static final List<String> CSV_COLUMNS = List.of("id", "text", "type", "speakerId", "speakerName", "speakerWikidataId", "sourceId",
            "sourceUrl", "sourceTitle", "start", "end", "context", "language", "status", "quotedOn", "confidence", "externalIds",
            "attributionRule", "tags", "appearanceCount", "createdAt", "updatedAt");
    private static final int FETCH = 5000;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final AgroalDataSource dataSource;

    public Exporter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the quotes the filter selects; returns how many. */
    public long export(QuoteFilterSql filter, Format format, OutputStream out) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // one snapshot for every cursor, so the parts of the export agree with each other
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return format == Format.NDJSON ? ndjson(connection, filter, out) : csv(connection, filter, out);
            } finally {
                connection.rollback();
            }
        }
    }

    private long ndjson(Connection connection, QuoteFilterSql filter, OutputStream out) throws IOException, SQLException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(new SerializedString("\n"));
            String speakers = filter.isEmpty() ? "select * from speaker s order by s.id"
                    : "select * from speaker s where s.id in (select q.speaker_id from quote q where " + filter.where() + ") order by s.id";
            try (PreparedStatement query = cursor(connection, speakers, filter.isEmpty() ? List.of() : filter.parameters()); ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    json.writeStartObject();
                    json.writeStringField("record", "speaker");
                    string(json, "id", row.getString("id"));
                    string(json, "slug", row.getString("slug"));
                    string(json, "name", row.getString("name"));
                    strings(json, "aliases", row.getArray("aliases"));
                    string(json, "role", row.getString("role"));
                    string(json, "organization", row.getString("organization"));
                    string(json, "description", row.getString("description"));
                    string(json, "wikidataId", row.getString("wikidata_id"));
                    json.writeNumberField("version", row.getLong("version"));
                    instant(json, "createdAt", row.getTimestamp("created_at"));
                    instant(json, "updatedAt", row.getTimestamp("updated_at"));
                    json.writeEndObject();
                }
            }
            String tags = filter.isEmpty() ? "select * from tag t order by t.id"
                    : "select * from tag t where t.id in (select qt.tag_id from quote_tag qt join quote q on q.id = qt.quote_id where " + filter.where()
                            + ") order by t.id";
            try (PreparedStatement query = cursor(connection, tags, filter.isEmpty() ? List.of() : filter.parameters()); ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    json.writeStartObject();
                    json.writeStringField("record", "tag");
                    string(json, "id", row.getString("id"));
                    string(json, "slug", row.getString("slug"));
                    string(json, "name", row.getString("name"));
                    instant(json, "createdAt", row.getTimestamp("created_at"));
                    json.writeEndObject();
                }
            }
            String sourceColumns = "s.id, s.kind, s.title, s.url, s.publisher, s.authors, s.published_at, s.language, s.text, s.version, s.created_at, s.updated_at";
            String sources = filter.isEmpty() ? "select " + sourceColumns + " from source s order by s.id"
                    : "select " + sourceColumns + " from source s where s.id in (select q.source_id from quote q where " + filter.where()
                            + " union select a.source_id from quote_appearance a join quote q on q.id = a.quote_id where " + filter.where() + ") order by s.id";
            List<Object> twice = new java.util.ArrayList<>(filter.parameters());
            twice.addAll(filter.parameters());
            try (PreparedStatement query = cursor(connection, sources, filter.isEmpty() ? List.of() : twice); ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    json.writeStartObject();
                    json.writeStringField("record", "source");
                    string(json, "id", row.getString(1));
                    string(json, "kind", row.getString(2));
                    string(json, "title", row.getString(3));
                    string(json, "url", row.getString(4));
                    string(json, "publisher", row.getString(5));
                    strings(json, "authors", row.getArray(6));
                    instant(json, "publishedAt", row.getTimestamp(7));
                    string(json, "language", row.getString(8));
                    string(json, "text", row.getString(9));
                    json.writeNumberField("version", row.getLong(10));
                    instant(json, "createdAt", row.getTimestamp(11));
                    instant(json, "updatedAt", row.getTimestamp(12));
                    json.writeEndObject();
                }
            }
            return quotes(connection, filter, json);
        }
    }

    private long quotes(Connection connection, QuoteFilterSql filter, JsonGenerator json) throws IOException, SQLException {
        String quotes = "select q.id, q.text, q.type, q.speaker_id, q.source_id, q.context, q.start_offset, q.end_offset, q.language, q.status, "
                + "q.quoted_on, q.confidence, q.external_ids::text, q.attribution_rule, "
                + "q.version, q.created_at, q.updated_at from quote q where " + filter.where() + " order by q.id";
        // the tags of the quotes, in the quotes' order, beside them: one scan instead of a subquery per quote (3 of the
        // 7 s PostgreSQL spent on the quotes of a 1 M-quote export)
        String tags = "select qt.quote_id, t.slug from quote_tag qt join tag t on t.id = qt.tag_id "
                + (filter.isEmpty() ? "" : "join quote q on q.id = qt.quote_id where " + filter.where()) + " order by qt.quote_id, t.slug";
        String appearances = "select a.quote_id, a.id, a.source_id, a.start_offset, a.end_offset, a.context, a.seen_on, a.created_at "
                + "from quote_appearance a " + (filter.isEmpty() ? "" : "join quote q on q.id = a.quote_id where " + filter.where()) + " order by a.quote_id, a.id";
        long count = 0;
        try (PreparedStatement quoteQuery = cursor(connection, quotes, filter.parameters());
                PreparedStatement appearanceQuery = cursor(connection, appearances, filter.parameters());
                PreparedStatement tagQuery = cursor(connection, tags, filter.isEmpty() ? List.of() : filter.parameters());
                ResultSet row = quoteQuery.executeQuery();
                ResultSet appearance = appearanceQuery.executeQuery();
                ResultSet tag = tagQuery.executeQuery()) {
            boolean more = appearance.next();
            boolean moreTags = tag.next();
            while (row.next()) {
                String id = row.getString(1);
                json.writeStartObject();
                json.writeStringField("record", "quote");
                string(json, "id", id);
                string(json, "text", row.getString(2));
                string(json, "type", row.getString(3));
                string(json, "speakerId", row.getString(4));
                string(json, "sourceId", row.getString(5));
                string(json, "context", row.getString(6));
                integer(json, "start", row, 7);
                integer(json, "end", row, 8);
                string(json, "language", row.getString(9));
                string(json, "status", row.getString(10));
                string(json, "quotedOn", row.getString(11));
                double confidence = row.getDouble(12);
                if (!row.wasNull()) {
                    json.writeNumberField("confidence", confidence);
                }
                String externalIds = row.getString(13);
                if (externalIds != null && !externalIds.equals("{}")) {
                    json.writeFieldName("externalIds");
                    json.writeRawValue(externalIds);
                }
                string(json, "attributionRule", row.getString(14));
                json.writeArrayFieldStart("tags");
                // the tag cursor is in the same quote order: this quote's tags are the next ones
                while (moreTags && tag.getString(1).equals(id)) {
                    json.writeString(tag.getString(2));
                    moreTags = tag.next();
                }
                json.writeEndArray();
                json.writeNumberField("version", row.getLong(15));
                instant(json, "createdAt", row.getTimestamp(16));
                instant(json, "updatedAt", row.getTimestamp(17));
                json.writeArrayFieldStart("appearances");
                // both cursors are in the same quote order: this quote's appearances are the next ones
                while (more && appearance.getString(1).equals(id)) {
                    json.writeStartObject();
                    string(json, "id", appearance.getString(2));
                    string(json, "sourceId", appearance.getString(3));
                    integer(json, "start", appearance, 4);
                    integer(json, "end", appearance, 5);
                    string(json, "context", appearance.getString(6));
                    string(json, "seenOn", appearance.getString(7));
                    instant(json, "createdAt", appearance.getTimestamp(8));
                    json.writeEndObject();
                    more = appearance.next();
                }
                json.writeEndArray();
                json.writeEndObject();
                count++;
            }
        }
        return count;
    }

    private long csv(Connection connection, QuoteFilterSql filter, OutputStream out) throws IOException, SQLException {
        CsvSchema.Builder columns = CsvSchema.builder();
        CSV_COLUMNS.forEach(columns::addColumn);
        CsvSchema schema = columns.build().withHeader();
        String sql = "select q.id, q.text, q.type, q.speaker_id, sp.name, sp.wikidata_id, q.source_id, so.url, so.title, q.start_offset, "
                + "q.end_offset, q.context, q.language, q.status, q.quoted_on, q.confidence, q.external_ids::text, q.attribution_rule, "
                + "array_to_string(array(select t.slug from quote_tag qt join tag t on t.id = qt.tag_id where qt.quote_id = q.id order by t.slug), '|'), "
                + "(select count(*) from quote_appearance a where a.quote_id = q.id), q.created_at, q.updated_at "
                + "from quote q left join speaker sp on sp.id = q.speaker_id join source so on so.id = q.source_id where " + filter.where() + " order by q.id";
        long count = 0;
        try (CsvGenerator csv = (CsvGenerator) new CsvMapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            csv.setSchema(schema);
            try (PreparedStatement query = cursor(connection, sql, filter.parameters()); ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    csv.writeStartArray();
                    for (int i = 1; i <= CSV_COLUMNS.size(); i++) {
                        Object value = row.getObject(i);
                        if (value == null) {
                            csv.writeNull();
                        } else if (value instanceof Timestamp timestamp) {
                            csv.writeString(timestamp.toInstant().toString());
                        } else if (value instanceof Double d) {
                            csv.writeNumber(d);
                        } else if (value instanceof Number n) {
                            csv.writeNumber(n.longValue());
                        } else if (i == 17 && value.toString().equals("{}")) {
                            csv.writeNull();
                        } else {
                            csv.writeString(value.toString());
                        }
                    }
                    csv.writeEndArray();
                    count++;
                }
            }
        }
        return count;
    }

    private static PreparedStatement cursor(Connection connection, String sql, List<Object> parameters) throws SQLException {
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

    private static void string(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private static void integer(JsonGenerator json, String field, ResultSet row, int column) throws IOException, SQLException {
        int value = row.getInt(column);
        if (!row.wasNull()) {
            json.writeNumberField(field, value);
        }
    }

    private static void strings(JsonGenerator json, String field, Array array) throws IOException, SQLException {
        json.writeArrayFieldStart(field);
        if (array != null) {
            for (Object value : (Object[]) array.getArray()) {
                json.writeString((String) value);
            }
        }
        json.writeEndArray();
    }

    private static void instant(JsonGenerator json, String field, Timestamp value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value.toInstant().toString());
        }
    }

}
