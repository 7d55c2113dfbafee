package io.quotewire.replica;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * The two databases Hibernate may open a session on, as "tenants" of the persistence unit: the primary (the default
 * datasource, which Flyway, the seed, idempotency keys and rate limits use directly) and the optional read replica.
 * Quarkus' own resolver cannot name the default datasource as a tenant, hence this one.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class Databases implements TenantConnectionResolver {

    public static final String PRIMARY = "primary";
    public static final String REPLICA = "replica";

    private final AgroalDataSource primary;
    private final InjectableInstance<AgroalDataSource> replica;
    private final boolean hasReplica;

    public Databases(AgroalDataSource primary, @DataSource(REPLICA) InjectableInstance<AgroalDataSource> replica) {
        this.primary = primary;
        this.replica = replica;
        // without a JDBC URL Quarkus leaves the replica's datasource inactive, and it must not be touched
        this.hasReplica = replica.getHandle().getBean().isActive();
    }

    /** Whether a replica is configured. */
    public boolean hasReplica() {
        return hasReplica;
    }

    /** The pool of {@code database} ({@link #PRIMARY} or {@link #REPLICA}), for reads that need no Hibernate session. */
    public AgroalDataSource dataSource(String database) {
        return switch (database) {
            case PRIMARY -> primary;
            case REPLICA -> replica.get();
            default -> throw new IllegalArgumentException("No database is called " + database);
        };
    }

    @Override
    public ConnectionProvider resolve(String database) {
        return switch (database) {
            case PRIMARY -> new QuarkusConnectionProvider(primary);
            case REPLICA -> new QuarkusConnectionProvider(replica.get());
            default -> throw new IllegalArgumentException("No database is called " + database);
        };
    }
}
