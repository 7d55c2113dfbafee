package io.quotewire.replica;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.RequestScoped;

/**
 * Which database the current request's Hibernate session uses. Everything starts on the primary (start-up work, the
 * seed, every write); only {@link ReadYourWrites} moves a request to the replica, before the resource runs and so
 * before a session is opened.
 */
@PersistenceUnitExtension
@RequestScoped
public class ReadRouting implements TenantResolver {

    private String database = Databases.PRIMARY;

    void readFromReplica() {
        database = Databases.REPLICA;
    }

    @Override
    public String getDefaultTenantId() {
        return Databases.PRIMARY;
    }

    @Override
    public String resolveTenantId() {
        return database;
    }
}
