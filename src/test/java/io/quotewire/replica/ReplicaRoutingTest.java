package io.quotewire.replica;

import static io.quotewire.Fixtures.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.ChangedSettings;
import io.quotewire.Fixtures;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing with a replica configured. The "replica" here is the test database itself, reached through a role that may
 * only read (SELECT grants, {@code default_transaction_read_only}, as on a hot standby): it proves where each request
 * goes, by the replica pool's own acquire count, and that a request sent to the wrong side would fail. Replication
 * lag is the business of {@code StreamingReplicaIT}, against a real standby.
 */
@QuarkusTest
@TestProfile(ChangedSettings.class)
class ReplicaRoutingTest {

    static final String READER = ChangedSettings.REPLICA_READER;

    private static boolean readerCreated;

    @Inject
    AgroalDataSource primary;

    @Inject
    @DataSource("replica")
    AgroalDataSource replica;

    @Inject
    ReplicaHealth health;

    /** The replica pool opens its first connection only on a routed read, so the role need only exist by then. */
    @BeforeEach
    void createReadOnlyRole() throws SQLException {
        if (readerCreated) {
            return;
        }
        try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + READER + "') then create role "
                    + READER + " login; end if; end $$");
            statement.execute("alter role " + READER + " set default_transaction_read_only = on");
            statement.execute("grant usage on schema public to " + READER);
            statement.execute("grant select on all tables in schema public to " + READER);
        }
        readerCreated = true;
        health.check(); // the check at start-up found no such role yet
        assertTrue(health.usable());
    }

    @Test
    void theReplicaRoleCannotWrite() throws SQLException {
        try (Connection connection = replica.getConnection(); Statement statement = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("insert into tag (id, name, slug, created_at) values (gen_random_uuid(), 'x', 'x', now())"));
            assertEquals("25006", refused.getSQLState(), "read_only_sql_transaction, as a hot standby answers");
        }
    }

    @Test
    void aPlainReadIsServedByTheReplica() {
        double replicaBefore = replicaAcquires();
        double routedBefore = routedReads("replica");
        given().when().get("/api/v1/speakers/vedant-patel").then().statusCode(200);
        assertTrue(replicaAcquires() > replicaBefore, "the replica pool handed out a connection");
        assertEquals(routedBefore + 1, routedReads("replica"));
    }

    @Test
    void aWriteGoesToThePrimaryAndKeepsTheWritersNextReadsThere() {
        double replicaBefore = replicaAcquires();
        Response created = asEditor().contentType(ContentType.JSON).body(Map.of("name", Fixtures.unique("Replica Witness")))
                .when().post("/api/v1/speakers");
        created.then().statusCode(201)
                .header("Set-Cookie", matchesPattern(ReadYourWrites.COOKIE + "=\\d+; Max-Age=60; Path=/api; HttpOnly; SameSite=Lax"));
        assertEquals(replicaBefore, replicaAcquires(), "a write never touches the replica");

        String cookie = created.getCookie(ReadYourWrites.COOKIE);
        double primaryReadsBefore = routedReads("primary");
        given().cookie(ReadYourWrites.COOKIE, cookie).when().get(created.header("Location")).then().statusCode(200);
        assertEquals(replicaBefore, replicaAcquires(), "the writer's read right after its write stays on the primary");
        assertEquals(primaryReadsBefore + 1, routedReads("primary"));

        given().when().get(created.header("Location")).then().statusCode(200);
        assertTrue(replicaAcquires() > replicaBefore, "another caller's read goes to the replica");
    }

    @Test
    void anExpiredOrGarbledCookieReadsFromTheReplica() {
        for (String value : new String[] {String.valueOf(System.currentTimeMillis() - 1000), "soon"}) {
            double replicaBefore = replicaAcquires();
            given().cookie(ReadYourWrites.COOKIE, value).when().get("/api/v1/tags").then().statusCode(200);
            assertTrue(replicaAcquires() > replicaBefore, "cookie " + value + " does not hold reads on the primary");
        }
    }

    @Test
    void theQuoteOfTheDayIsPickedOnThePrimary() throws SQLException {
        // no pick stored: this request must insert one, which the read-only replica would refuse with a 500
        try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from quote_of_the_day");
        }
        double replicaBefore = replicaAcquires();
        given().when().get("/api/v1/quotes/today").then().statusCode(200);
        assertEquals(replicaBefore, replicaAcquires());
    }

    @Test
    void whileTheReplicaDoesNotAnswerReadsFallBackToThePrimaryAndTheServiceStaysReady() throws SQLException {
        try {
            try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("alter role " + READER + " nologin");
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + READER + "'");
            }
            health.check();
            assertFalse(health.usable());
            double primaryReadsBefore = routedReads("primary");
            given().when().get("/api/v1/speakers/vedant-patel").then().statusCode(200);
            assertEquals(primaryReadsBefore + 1, routedReads("primary"), "the read went to the primary");
            given().when().get("/q/health/ready").then().statusCode(200);
            assertTrue(metrics().contains("quotewire_replica_usable 0.0"), "the gauge shows the fallback");
        } finally {
            try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("alter role " + READER + " login");
            }
            health.check();
        }
        assertTrue(health.usable(), "the replica serves reads again once it answers");
        double replicaReadsBefore = routedReads("replica");
        given().when().get("/api/v1/speakers/vedant-patel").then().statusCode(200);
        assertEquals(replicaReadsBefore + 1, routedReads("replica"));
    }

    /** Connections the replica's pool has handed out so far, from the Agroal metrics Quarkus publishes. */
    private static double replicaAcquires() {
        return metric("agroal_acquire_count_total\\{datasource=\"replica\"[^}]*\\}");
    }

    private static double routedReads(String database) {
        return metric("quotewire_reads_total\\{database=\"" + database + "\"[^}]*\\}");
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double metric(String seriesPattern) {
        Matcher matcher = Pattern.compile("^" + seriesPattern + " (\\S+)$", Pattern.MULTILINE).matcher(metrics());
        if (!matcher.find()) {
            throw new AssertionError("no series " + seriesPattern + " in /q/metrics");
        }
        return Double.parseDouble(matcher.group(1));
    }
}
