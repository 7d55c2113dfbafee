package io.quotewire.replica;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The read replica's routing settings. The replica itself is the datasource {@code quarkus.datasource.replica.*}: it is
 * used only when its JDBC URL is set (QUARKUS_DATASOURCE_REPLICA_JDBC_URL).
 */
@ConfigMapping(prefix = "quotewire.replica")
public interface ReplicaConfig {

    /**
     * How long after a successful write the writer's reads stay on the primary; longer than the replica's usual
     * replay lag, so a client that just wrote reads what it wrote.
     */
    @WithDefault("PT5S")
    Duration readYourWritesWindow();

    /**
     * How often the replica is checked; while it does not answer, reads go to the primary, so a replica outage costs
     * at most this long of failed reads.
     */
    @WithDefault("PT2S")
    Duration checkInterval();
}
