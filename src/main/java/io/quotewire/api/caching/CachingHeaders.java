package io.quotewire.api.caching;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Cache-Control for every API answer in one place: successful reads may be reused for a short, configurable
 * time; writes and problems must not be stored. Answers that chose their own (random picks) keep it.
 */
public class CachingHeaders {

    private final HttpConfig config;

    public CachingHeaders(HttpConfig config) {
        this.config = config;
    }

    @ServerResponseFilter
    public void cacheControl(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        int status = response.getStatus();
        if (read && (status == 200 || status == 304)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "public, max-age=" + config.maxAge());
            // CORS echoes the request's Origin (and sends nothing without one): a shared cache must keep one answer per origin
            response.getHeaders().add(HttpHeaders.VARY, "Origin");
        } else {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
