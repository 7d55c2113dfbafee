package io.quotewire.api.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which request media types each operation accepts, read once from the resources' {@code @Consumes}, so that a 415
 * can name them: the router that refuses the Content-Type says only that it does not fit.
 */
@ApplicationScoped
public class AcceptedMediaTypes {

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}]*}");

    /** One operation: its HTTP method, its path as a pattern, the media types it consumes. */
    record Operation(String method, Pattern path, List<String> consumes) {
    }

    private final BeanManager beans;
    /** Read on first use, when every resource is known. */
    private volatile List<Operation> operations;

    public AcceptedMediaTypes(BeanManager beans) {
        this.beans = beans;
    }

    /** The media types that {@code method} on {@code path} accepts, sorted; empty when no operation is there. */
    public Set<String> accepted(String method, String path) {
        String absolute = "/" + (path == null ? "" : path.replaceFirst("^/", ""));
        Set<String> types = new TreeSet<>();
        if (operations == null) {
            operations = operationsOf(beans);
        }
        for (Operation operation : operations) {
            if (operation.method().equalsIgnoreCase(method) && operation.path().matcher(absolute).matches()) {
                types.addAll(operation.consumes());
            }
        }
        return types;
    }

    private static List<Operation> operationsOf(BeanManager beans) {
        List<Operation> operations = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> resource = bean.getBeanClass();
            Path classPath = resource.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethodOf(method);
                Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class) : resource.getAnnotation(Consumes.class);
                if (httpMethod == null || consumes == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String template = "/" + (classPath.value() + (methodPath == null ? "" : "/" + methodPath.value())).replaceAll("/+", "/")
                        .replaceFirst("^/", "").replaceFirst("/$", "");
                String regex = String.join("[^/]+", Stream.of(TEMPLATE_VARIABLE.split(template, -1)).map(Pattern::quote).toList());
                operations.add(new Operation(httpMethod, Pattern.compile(regex + "/?"),
                        Stream.of(consumes.value()).flatMap(value -> Stream.of(value.split(","))).map(String::strip).toList()));
            }
        }
        return List.copyOf(operations);
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }
}
