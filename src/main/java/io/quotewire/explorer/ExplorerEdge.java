package io.quotewire.explorer;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quotewire.api.edge.EdgeFilterOrder;
import io.quotewire.api.edge.RequestScreening;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * On the explorer's pages, a path or query string that is not UTF-8 or holds a control character (which the shared
 * screening refuses with a problem for programs) is answered with the explorer's friendly 400 page.
 */
@ApplicationScoped
public class ExplorerEdge {

    private static final Pattern PAGES = Pattern.compile("^/(search|random|quotes/[^/]*|speakers/[^/]*)?$");

    void register(@Observes Filters filters) {
        filters.register(this::handle, EdgeFilterOrder.EXPLORER.priority());
    }

    private void handle(RoutingContext context) {
        HttpMethod method = context.request().method();
        if ((method == HttpMethod.GET || method == HttpMethod.HEAD) && PAGES.matcher(context.normalizedPath()).matches()
                && !RequestScreening.isCleanText(context.request().uri())) {
            TemplateInstance page = Pages.error(400, "This address cannot be read",
                    "Part of it is not text we can read (a broken character, or a control character such as %00).");
            context.response().setStatusCode(400)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .putHeader("Content-Security-Policy", ExplorerHeaders.POLICY)
                    .end(page.render());
            return;
        }
        context.next();
    }
}
