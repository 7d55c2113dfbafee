package io.quotewire;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Every connection of a pool, taken until the pool refuses one (its acquisition timeout) and held until closed: what
 * a pool looks like while reads keep all of its connections busy.
 */
public final class HeldConnections implements AutoCloseable {

    private final List<Connection> held = new ArrayList<>();

    public HeldConnections(DataSource pool) {
        while (true) {
            try {
                held.add(pool.getConnection());
            } catch (SQLException poolExhausted) {
                break;
            }
        }
        if (held.isEmpty()) {
            throw new IllegalStateException("the pool gave no connection at all");
        }
    }

    /** One of the held connections, for the test's own statements. */
    public Connection first() {
        return held.get(0);
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : held) {
            connection.close();
        }
    }
}
