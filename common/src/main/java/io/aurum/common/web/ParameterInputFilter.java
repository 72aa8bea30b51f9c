package io.aurum.common.web;

import io.aurum.common.problem.ApiException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies the {@link InputRules} for text to every query and path parameter, and to the headers an operation reads,
 * before the operation runs: a NUL, half a character or an invisible direction control is a 400 naming the parameter,
 * never a database error. Parameters an operation declares as whole numbers must be one, so {@code page=1e400} is a
 * 400 naming {@code page} rather than the 404 JAX-RS answers for a query parameter it cannot convert.
 *
 * <p>Runs after matching (a pre-matching filter sees no path parameters), for resource methods only.
 */
public class ParameterInputFilter {

    private enum Source { QUERY, PATH, HEADER }

    private record Declared(Source source, String name, Class<?> type) {
    }

    private final Map<Method, List<Declared>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void checkParameters(ContainerRequestContext request, ResourceInfo resource) {
        check(request.getUriInfo().getPathParameters());
        check(request.getUriInfo().getQueryParameters());
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (Declared p : declared.computeIfAbsent(method, ParameterInputFilter::declaredBy)) {
            List<String> values = switch (p.source()) {
                case QUERY -> request.getUriInfo().getQueryParameters().get(p.name());
                case PATH -> request.getUriInfo().getPathParameters().get(p.name());
                case HEADER -> request.getHeaders().get(p.name());
            };
            if (values == null) {
                continue;
            }
            for (String value : values) {
                if (p.source() == Source.HEADER) {
                    refuseBadText(p.name(), value);
                }
                if (value != null && !isWholeNumber(p.type(), value)) {
                    throw ApiException.badField(p.name(), "must be a whole number");
                }
            }
        }
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
            for (String value : e.getValue()) {
                refuseBadText(e.getKey(), value);
            }
        }
    }

    private static void refuseBadText(String name, String value) {
        String problem = InputRules.textProblem(value);
        if (problem != null) {
            // the name is the caller's own text too: refused names are not echoed back
            String field = InputRules.textProblem(name) == null ? name : "parameter";
            throw ApiException.badField(field, problem);
        }
    }

    /** The parameters of an operation that JAX-RS converts to whole numbers, and the headers it reads. */
    private static List<Declared> declaredBy(Method method) {
        List<Declared> out = new ArrayList<>();
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof HeaderParam h) {
                    out.add(new Declared(Source.HEADER, h.value(), types[i]));
                } else if (a instanceof QueryParam q && isNumberType(types[i])) {
                    out.add(new Declared(Source.QUERY, q.value(), types[i]));
                } else if (a instanceof PathParam p && isNumberType(types[i])) {
                    out.add(new Declared(Source.PATH, p.value(), types[i]));
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean isNumberType(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }

    private static boolean isWholeNumber(Class<?> type, String value) {
        if (!isNumberType(type)) {
            return true;
        }
        try {
            if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else {
                Integer.parseInt(value);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
