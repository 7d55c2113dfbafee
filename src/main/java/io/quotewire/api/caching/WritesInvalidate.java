package io.quotewire.api.caching;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Drops this instance's {@link ReadCache} after every write, once the service has committed and before the answer
 * leaves: whoever is told a write succeeded never reads the older answer from this instance. (Other instances hear of
 * it through {@link CacheInvalidations}.)
 */
public class WritesInvalidate {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ReadCache cache;

    public WritesInvalidate(ReadCache cache) {
        this.cache = cache;
    }

    @ServerResponseFilter
    public void afterWrite(ContainerRequestContext request, ContainerResponseContext response) {
        if (!READS.contains(request.getMethod())) {
            cache.invalidateAll();
        }
    }
}
