package io.quotewire.api.edge;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** One log line per write request and its outcome: the trail an operator reads when data changed unexpectedly. */
public class WriteLog {

    private static final Logger LOG = Logger.getLogger(WriteLog.class);
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @ServerResponseFilter
    public void logWrite(ContainerRequestContext request, ContainerResponseContext response) {
        if (!READS.contains(request.getMethod())) {
            LOG.infof("%s %s -> %d", request.getMethod(), request.getUriInfo().getPath(), response.getStatus());
        }
    }
}
