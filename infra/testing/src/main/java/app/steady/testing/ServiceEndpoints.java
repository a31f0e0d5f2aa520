package app.steady.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** A service's own API endpoints, read from its request mappings, as sorted "METHOD /path/{var}" strings. */
final class ServiceEndpoints {

    private ServiceEndpoints() {
    }

    /** The service's endpoints and the platform's audit trail, without the platform's others (errors) and the dashboard page. */
    static List<String> of(RequestMappingHandlerMapping mappings) {
        return of(mappings, handler -> true);
    }

    /** The service's endpoints that read a request body (the targets of malformed-body tests). */
    static List<String> readingABody(RequestMappingHandlerMapping mappings) {
        return of(mappings, handler -> Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class)));
    }

    private static List<String> of(RequestMappingHandlerMapping mappings, Predicate<HandlerMethod> selected) {
        TreeSet<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            String type = mapping.getValue().getBeanType().getName();
            boolean platform = type.startsWith("app.steady.platform.") && !type.startsWith("app.steady.platform.audit.");
            if (!type.startsWith("app.steady.") || platform || type.contains(".dashboard.")
                    || !selected.test(mapping.getValue())) {
                continue;
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                for (var method : mapping.getKey().getMethodsCondition().getMethods()) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        }
        return List.copyOf(endpoints);
    }
}
