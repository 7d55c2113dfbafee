package io.quotewire.api.idempotency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The kept Idempotency-Key answers, in PostgreSQL so that every instance sees them and they survive restarts. Each
 * statement runs on its own (auto-commit), outside the write it guards: the claim must be visible to a concurrent
 * duplicate before the write starts, and must not roll back with a failed write.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** How long a key is kept; older rows are ignored and purged. */
    static final String RETENTION = "24 hours";

    /** A kept request: its hash, and its answer once there is one (status null while the first one is running). */
    public record Entry(String requestHash, Integer status, String headers, byte[] body) {
    }

    private final AgroalDataSource dataSource;

    public IdempotencyStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims the key for a new request. True when this request is the first with it (within the retention); false
     * when another request holds it, whose entry {@link #find} then returns. The unique key makes concurrent
     * duplicates safe: exactly one insert wins.
     */
    public boolean claim(String client, String key, String requestHash) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement purge = connection.prepareStatement(
                    "DELETE FROM idempotency_keys WHERE created_at < now() - interval '" + RETENTION + "'")) {
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO idempotency_keys (client, idempotency_key, request_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, client);
                insert.setString(2, key);
                insert.setString(3, requestHash);
                return insert.executeUpdate() == 1;
            }
        }
    }

    public Optional<Entry> find(String client, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT request_hash, response_status, response_headers::text, response_body FROM idempotency_keys"
                                + " WHERE client = ? AND idempotency_key = ? AND created_at >= now() - interval '" + RETENTION + "'")) {
            select.setString(1, client);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int status = row.getInt(2);
                Integer answered = row.wasNull() ? null : status; // read before any other column: wasNull is about the last one
                return Optional.of(new Entry(row.getString(1), answered, row.getString(3), row.getBytes(4)));
            }
        }
    }

    /** Keeps the answer of the request that claimed the key. */
    public void complete(String client, String key, int status, String headersJson, byte[] body) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE idempotency_keys SET response_status = ?, response_headers = ?::jsonb, response_body = ?"
                                + " WHERE client = ? AND idempotency_key = ?")) {
            update.setInt(1, status);
            update.setString(2, headersJson);
            update.setBytes(3, body);
            update.setString(4, client);
            update.setString(5, key);
            update.executeUpdate();
        }
    }

    /** Gives the key up, so that a retry of a request that failed on our side runs again. */
    public void release(String client, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM idempotency_keys WHERE client = ? AND idempotency_key = ?")) {
            delete.setString(1, client);
            delete.setString(2, key);
            delete.executeUpdate();
        }
    }
}
