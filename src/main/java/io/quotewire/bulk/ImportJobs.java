package io.quotewire.bulk;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored import jobs (import_job, import_error), read and written with plain JDBC on the primary. What runs an
 * import (its connection, the worker's look for queued jobs, reading a job again) takes connections from the imports'
 * own pool, so that reads keeping every request connection busy cannot pause it; what answers a request (queueing a
 * job, showing one) takes them from the requests' pool, as every other request does.
 */
@ApplicationScoped
public class ImportJobs {

    /** The datasource of the import worker: at most 3 connections (application.properties). */
    public static final String POOL = "imports";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ERRORS_SHOWN = 100;

    private final AgroalDataSource worker;
    private final AgroalDataSource requests;

    public ImportJobs(@DataSource(POOL) AgroalDataSource worker, AgroalDataSource requests) {
        this.worker = worker;
        this.requests = requests;
    }

    /** A job as stored; path and identity are internal. */
    /** mode: load or merge, once the job's first run decided (V29). */
    record Job(UUID id, ImportFormat format, String state, String filePath, String fileIdentity, long recordsDone, String mode) {
    }

    /** The connection an import runs on, held from its lock to its end. */
    Connection connection() throws SQLException {
        return worker.getConnection();
    }

    UUID createJob(ImportFormat format, String filePath, String fileIdentity, long bytes) throws SQLException {
        UUID id = timeOrderedId();
        try (Connection connection = requests.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into import_job (id, format, state, file_path, file_identity, file_bytes) "
                        + "values (?, ?, 'queued', ?, ?, ?)")) {
            connection.setAutoCommit(true);
            insert.setObject(1, id);
            insert.setString(2, format.wireName());
            insert.setString(3, filePath);
            insert.setString(4, fileIdentity);
            insert.setLong(5, bytes);
            insert.executeUpdate();
        }
        return id;
    }

    /** The unfinished job of the command's file, to resume. */
    Optional<Job> findUnfinishedByIdentity(String identity, ImportFormat format) throws SQLException {
        return findOne("select id, format, state, file_path, file_identity, records_done, mode from import_job where file_identity = ? and format = ? "
                + "and state in ('queued', 'running') order by created_at limit 1", identity, format.wireName());
    }

    /** The oldest job of POST /api/v1/imports that has not finished (a running one was cut off by a crash). */
    Optional<Job> findNextUploaded() throws SQLException {
        return findOne("select id, format, state, file_path, file_identity, records_done, mode from import_job where file_identity is null "
                + "and state in ('queued', 'running') order by created_at, id limit 1");
    }

    Optional<Job> findJob(UUID id) throws SQLException {
        return findOne("select id, format, state, file_path, file_identity, records_done, mode from import_job where id = ?", id);
    }

    private Optional<Job> findOne(String sql, Object... parameters) throws SQLException {
        try (Connection connection = worker.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Job(row.getObject(1, UUID.class), ImportFormat.byName(row.getString(2)), row.getString(3), row.getString(4),
                        row.getString(5), row.getLong(6), row.getString(7)));
            }
        }
    }

    public Optional<ImportJobView> findJobView(UUID id) throws SQLException {
        try (Connection connection = requests.getConnection();
                PreparedStatement query = connection.prepareStatement("select id, format, state, file_bytes, records_done, quotes_created, "
                        + "quotes_merged, appearances_added, skipped, busy_seconds, failure, created_at, started_at, finished_at, mode from import_job where id = ?");
                PreparedStatement errors = connection.prepareStatement("select line, reason from import_error where job_id = ? order by line limit ?")) {
            query.setObject(1, id);
            ImportJobView.Counts counts;
            ImportJobView view;
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                counts = new ImportJobView.Counts(row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9));
                double busy = row.getDouble(10);
                double rate = busy <= 0 ? 0 : Math.round((counts.quotesCreated() + counts.quotesMerged()) / busy * 10) / 10.0;
                view = new ImportJobView(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(15), row.getLong(4), counts, rate,
                        row.getString(11), List.of(), instant(row.getTimestamp(12)), instant(row.getTimestamp(13)), instant(row.getTimestamp(14)));
            }
            errors.setObject(1, id);
            errors.setInt(2, ERRORS_SHOWN);
            List<ImportJobView.LineError> lines = new ArrayList<>();
            try (ResultSet row = errors.executeQuery()) {
                while (row.next()) {
                    lines.add(new ImportJobView.LineError(row.getLong(1), row.getString(2)));
                }
            }
            return Optional.of(new ImportJobView(view.id(), view.format(), view.state(), view.mode(), view.bytes(), view.counts(), view.rate(), view.failure(),
                    lines, view.createdAt(), view.startedAt(), view.finishedAt()));
        }
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A version 7 UUID: time-ordered, as the other records' ids. */
    static UUID timeOrderedId() {
        long millis = System.currentTimeMillis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putShort((short) (millis >>> 32)).putInt((int) millis);
        bytes.put((byte) (0x70 | (random[0] & 0x0f))).put(random[1]);
        bytes.put((byte) (0x80 | (random[2] & 0x3f))).put(random, 3, 7);
        bytes.flip();
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
