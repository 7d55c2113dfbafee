package io.quotewire.api.paging;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The next page of every list also as an RFC 8288 {@code Link} header ({@code rel="next"}), beside
 * {@code links.next} in the body, so that generic HTTP clients and tools can follow a list without reading it.
 */
public class PageLinks {

    @ServerResponseFilter
    public void linkNext(ContainerResponseContext response) {
        if (response.getEntity() instanceof Page<?> page && page.links() != null && page.links().next() != null) {
            response.getHeaders().add(HttpHeaders.LINK, "<" + page.links().next() + ">; rel=\"next\"");
        }
    }
}
