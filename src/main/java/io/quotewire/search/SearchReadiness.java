package io.quotewire.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says which engine answers searches: the index when it is current, else PostgreSQL (rebuilding, with progress, or
 * failed). Always up: either way every search is answered correctly, PostgreSQL's answers are only slower.
 */
@Readiness
@ApplicationScoped
public class SearchReadiness implements HealthCheck {

    private final QuoteIndex index;

    public SearchReadiness(QuoteIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        QuoteIndex.Status status = index.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("search").up()
                .withData("answeredBy", index.serving() ? "index" : "postgresql")
                .withData("index", status.state().name().toLowerCase())
                .withData("indexedQuotes", status.indexed());
        if (status.state() == QuoteIndex.State.REBUILDING) {
            response.withData("rebuildProgress", status.total() == 0 ? "0 %" : 100 * status.indexed() / status.total() + " %");
        }
        return response.build();
    }
}
