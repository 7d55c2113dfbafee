package io.quotewire.replica;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Whether the replica may serve reads now. A replica that stops answering must not take the service down with it:
 * reads then go to the primary, and back to the replica once it answers again. A scheduled check validates one
 * replica connection every {@code quotewire.replica.check-interval}; requests only read the last answer.
 */
@ApplicationScoped
public class ReplicaHealth {

    private static final Logger LOG = Logger.getLogger(ReplicaHealth.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 1;

    private final Databases databases;
    private final InjectableInstance<AgroalDataSource> replica;
    private volatile boolean usable;

    public ReplicaHealth(@PersistenceUnitExtension Databases databases, @DataSource(Databases.REPLICA) InjectableInstance<AgroalDataSource> replica,
            MeterRegistry metrics) {
        this.databases = databases;
        this.replica = replica;
        Gauge.builder("quotewire.replica.usable", this, health -> health.usable ? 1 : 0)
                .description("1 while the read replica answers and serves reads, 0 while reads fall back to the primary")
                .register(metrics);
    }

    /** Whether reads may go to the replica: one is configured and it answered the last check. */
    boolean usable() {
        return usable;
    }

    @Scheduled(every = "${quotewire.replica.check-interval}", delayed = "0s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (!databases.hasReplica()) {
            return;
        }
        boolean answered;
        try (Connection connection = replica.get().getConnection()) {
            answered = connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            answered = false;
        }
        if (!answered) {
            // connections to a replica that went away are dead; the pool opens new ones when it is back
            replica.get().flush(AgroalDataSource.FlushMode.INVALID);
        }
        if (answered != usable) {
            if (answered) {
                LOG.info("The read replica answers: reads go to it");
            } else {
                LOG.warn("The read replica does not answer: reads go to the primary until it does");
            }
        }
        usable = answered;
    }
}
