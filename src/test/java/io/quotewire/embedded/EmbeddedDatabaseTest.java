package io.quotewire.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDirectory;

    @Test
    void theEmbeddedDatabaseIsDurableEveryCommitReachesTheDiskBeforeItIsAcknowledged() throws SQLException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory);
             Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
             Statement statement = connection.createStatement()) {
            assertEquals("on", setting(statement, "fsync"));
            assertEquals("on", setting(statement, "synchronous_commit"));
            assertEquals("on", setting(statement, "full_page_writes"));
        }
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet value = statement.executeQuery("SHOW " + name)) {
            value.next();
            return value.getString(1);
        }
    }
}
