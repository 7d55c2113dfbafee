package io.quotewire.api.params;

import io.quotewire.api.problem.Problem;
import io.quotewire.api.problem.ProblemException;
import io.quotewire.api.problem.ProblemType;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter that the operation does not take, with a 400 that names it and the ones it takes:
 * ignored, {@code ?author=x} would answer the unfiltered list as if it were filtered. What an operation takes is
 * read once from its method, the {@code @QueryParam}s of its parameters and of its {@code @BeanParam} classes, so a
 * parameter added to a resource is accepted without a second list to keep. Only {@code /api/} operations are
 * checked; the credential names that {@code QueryStringCredentials} refuses are refused there first.
 */
public class KnownQueryParameters {

    private final Map<Method, Set<String>> accepted = new ConcurrentHashMap<>();

    /** Before the other request filters: a request that is refused anyway claims no idempotency key. */
    @ServerRequestFilter(priority = Priorities.USER - 100)
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !isApi(resource.getResourceClass())) {
            return;
        }
        Set<String> known = accepted.computeIfAbsent(method, KnownQueryParameters::queryParametersOf);
        Set<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(known);
        if (unknown.isEmpty()) {
            return;
        }
        String takes = known.isEmpty() ? "takes no query parameters" : "takes " + String.join(", ", known);
        List<Problem.FieldError> errors = unknown.stream()
                .map(name -> new Problem.FieldError(name, "is not a query parameter of this operation, which " + takes))
                .toList();
        throw new ProblemException(ProblemType.VALIDATION, (unknown.size() == 1 ? "Unknown query parameter " : "Unknown query parameters ")
                + String.join(", ", unknown) + "; " + request.getMethod() + " " + request.getUriInfo().getPath() + " " + takes, errors);
    }

    private static boolean isApi(Class<?> resourceClass) {
        Path path = resourceClass == null ? null : resourceClass.getAnnotation(Path.class);
        return path != null && path.value().replaceFirst("^/", "").startsWith("api/");
    }

    /** The names of the query parameters the method declares, itself or through its bean parameters, sorted. */
    static Set<String> queryParametersOf(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            addName(names, parameter.getAnnotation(QueryParam.class), parameter.getAnnotation(RestQuery.class), parameter.getName());
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        addName(names, field.getAnnotation(QueryParam.class), field.getAnnotation(RestQuery.class), field.getName());
                    }
                }
            }
        }
        return Collections.unmodifiableSet(names);
    }

    private static void addName(Set<String> names, QueryParam query, RestQuery restQuery, String javaName) {
        if (query != null) {
            names.add(query.value());
        } else if (restQuery != null) {
            names.add(restQuery.value().isEmpty() ? javaName : restQuery.value());
        }
    }
}
