package io.quotewire.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;

/**
 * One query of an export, read by a thread of its own on a connection of its own in the export's snapshot
 * ({@code pg_export_snapshot}), which maps each row as it comes; the export's thread takes the rows in order. So
 * PostgreSQL's work for each query, the driver's decoding and the mapping run while the export's thread writes, instead
 * of one after the other. Instants come as text in UTC ({@link #instant}).
 */
final class ReadAhead<T> implements AutoCloseable {

    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private static final int CHUNK = 1000;
    private static final Object END = new Object();

    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(8);
    private final Thread thread;
    private volatile boolean closed;
    private List<T> chunk = List.of();
    private int next;
    private boolean ended;

    ReadAhead(DataSource dataSource, String snapshot, String sql, List<Object> parameters, RowMapper<T> mapper) {
        thread = new Thread(() -> read(dataSource, snapshot, sql, parameters, mapper), "export-read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next row; null after the last. */
    @SuppressWarnings("unchecked")
    T next() throws SQLException {
        while (next == chunk.size()) {
            if (ended) {
                return null;
            }
            Object taken;
            try {
                taken = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("the export was interrupted", e);
            }
            if (taken == END) {
                ended = true;
                return null;
            }
            if (taken instanceof SQLException failure) {
                throw failure;
            }
            chunk = (List<T>) taken;
            next = 0;
        }
        return chunk.get(next++);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    private void read(DataSource dataSource, String snapshot, String sql, List<Object> parameters, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement settings = connection.createStatement()) {
                    settings.execute("set transaction isolation level repeatable read, read only");
                    settings.execute("set transaction snapshot '" + snapshot.replace("'", "") + "'");
                    settings.execute("set local timezone = 'UTC'");
                }
                try (PreparedStatement query = Exporter.cursor(connection, sql, parameters); ResultSet row = query.executeQuery()) {
                    List<T> rows = new ArrayList<>(CHUNK);
                    while (!closed && row.next()) {
                        rows.add(mapper.map(row));
                        if (rows.size() == CHUNK) {
                            chunks.put(rows);
                            rows = new ArrayList<>(CHUNK);
                        }
                    }
                    if (!rows.isEmpty()) {
                        chunks.put(rows);
                    }
                }
            } finally {
                connection.rollback();
            }
            chunks.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            chunks.offer(e);
        } catch (RuntimeException e) {
            chunks.offer(new SQLException("the export's read failed", e));
        }
    }

    /**
     * A timestamptz read as text in UTC ({@code 2021-05-01 10:00:00.12+00}) as {@link java.time.Instant#toString} writes
     * it ({@code 2021-05-01T10:00:00.120Z}): the fraction in groups of three digits, none when it is zero. Formatting
     * instants through {@code getTimestamp} was a quarter of an export's own time.
     */
    static String instant(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() < 22 || text.charAt(10) != ' ' || !text.endsWith("+00")) {
            throw new IllegalStateException("an instant not in UTC or out of the years 1000-9999: " + text);
        }
        int fraction = text.indexOf('.', 19);
        StringBuilder iso = new StringBuilder(30).append(text, 0, 10).append('T').append(text, 11, 19);
        if (fraction > 0) {
            int digits = text.length() - 3 - fraction - 1;
            iso.append(text, fraction, text.length() - 3);
            for (int i = digits; i < (digits <= 3 ? 3 : 6); i++) {
                iso.append('0');
            }
        }
        return iso.append('Z').toString();
    }
}
