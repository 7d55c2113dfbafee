package io.quotewire.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper(new AcceptedMediaTypes(null));

    @Test
    void aStatementCancelledByAReplicaReplayConflictIsA503WithRetryAfterNotA500() {
        SQLException cancelled = new SQLException("canceling statement due to conflict with recovery", "40001");
        Response response = mapper.persistence(new PersistenceException(new LockAcquisitionException("select", cancelled, "select 1")), null);
        assertEquals(503, response.getStatus());
        assertEquals("1", response.getHeaderString(HttpHeaders.RETRY_AFTER));
        assertEquals("/problems/service-unavailable", ((Problem) response.getEntity()).type());
    }

    @Test
    void aDeadlockVictimIsA503WithRetryAfter() {
        SQLException deadlock = new SQLException("deadlock detected", "40P01");
        Response response = mapper.unexpected(new IllegalStateException(deadlock), null);
        assertEquals(503, response.getStatus());
        assertEquals("1", response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    @Test
    void aPooledConnectionToAServerThatShutDownIsA503WithRetryAfter() {
        SQLException shutDown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        Response response = mapper.persistence(new PersistenceException(new GenericJDBCException("select", shutDown, "select 1")), null);
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    @Test
    void aServerOutOfConnectionsIsA503WithRetryAfter() {
        SQLException full = new SQLException("FATAL: sorry, too many clients already", "53300");
        Response response = mapper.unexpected(new IllegalStateException(full), null);
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }
}
