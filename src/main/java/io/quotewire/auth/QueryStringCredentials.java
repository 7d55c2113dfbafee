package io.quotewire.auth;

import io.quotewire.api.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, with a 400, any request that carries what looks like a credential in its query string. Such a key is
 * never used (only the Authorization header is read), and answering 400 rather than ignoring it tells the client at
 * once that it is leaking its key into URLs, logs and caches.
 */
public class QueryStringCredentials {

    private static final Set<String> CREDENTIAL_PARAMETERS = Set.of("api_key", "apikey", "api-key", "access_token", "accesstoken", "token", "key");

    @ServerRequestFilter(preMatching = true)
    public void refuseCredentialsInQuery(ContainerRequestContext request) {
        for (String parameter : request.getUriInfo().getQueryParameters().keySet()) {
            if (CREDENTIAL_PARAMETERS.contains(parameter.toLowerCase(Locale.ROOT))) {
                throw ProblemException.invalid(parameter, "API keys are never accepted in the query string; send Authorization: Bearer <key>");
            }
        }
    }
}
