package io.aurum.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.aurum.common.web.CorrelationId;
import io.aurum.common.web.InputRules;
import io.aurum.common.web.json.JsonInputRules;
import io.aurum.common.web.json.RefusedValue;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns every failure into RFC 9457 problem+json: 4xx name the offending field, 5xx never leak a
 * stack trace (it goes to the log, tied to the response by the correlation id).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return of(e, uri);
    }

    /** The problem+json response of an {@link ApiException}, for mappers in other modules. */
    public static Response of(ApiException e, UriInfo uri) {
        return respond(new Problem(Problem.type(e.slug()), e.title(), e.status(), e.getMessage(), path(uri),
                CorrelationId.current(), e.errors()));
    }

    /** Replaces the Hibernate Validator extension's own mapper (which answers plain JSON). */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response validation(ValidationException e, UriInfo uri) {
        if (!(e instanceof ConstraintViolationException cve)) {
            return internal(e, uri);
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        String detail = errors.isEmpty() ? "The request is invalid"
                : errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElseThrow();
        return respond(new Problem(Problem.type("validation"), "Invalid input", 400, detail, path(uri),
                CorrelationId.current(), errors));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e, uri));
    }

    /** Replaces quarkus-rest-jackson's own mapper for wrong types and formats (a date that is not a date). */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e, uri));
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unparseable(JsonParseException e, UriInfo uri) {
        return respond(jsonProblem(e, uri));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "Your role does not allow this operation", path(uri), CorrelationId.current(), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jpe) {
            return respond(jsonProblem(jpe, uri));
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        String slug = switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        // the framework's own messages can name Java classes and methods (a REST client's failure names its interface)
        String detail = switch (status) {
            case 400 -> "The request is not valid";
            case 404 -> "No such resource";
            case 405 -> "This path does not accept that HTTP method";
            case 406 -> "The answer is not available in the media type the Accept header asks for";
            case 412 -> "The resource changed since you read it; read it again";
            case 413 -> "The request body is too large";
            case 415 -> "This operation does not take a body of that content type; the API document lists the ones it takes";
            default -> title;
        };
        return respond(new Problem(Problem.type(slug), title, status, detail, path(uri), CorrelationId.current(), List.of()));
    }

    @ServerExceptionMapper
    public Response internal(Throwable e, UriInfo uri) {
        if (dependencyUnavailable(e)) {
            // the database (or another server this service needs) is down: fail fast and say so, never a 500
            LOG.warnf("Dependency unavailable on %s: %s", path(uri), e.getMessage());
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                    .entity(new Problem(Problem.type("dependency-unavailable"), "Service temporarily unavailable", 503,
                            "A server this service depends on cannot be reached; nothing was changed. Try again shortly.",
                            path(uri), CorrelationId.current(), List.of())).build();
        }
        LOG.errorf(e, "Unhandled failure on %s", path(uri));
        return respond(new Problem(Problem.type("internal"), "Internal error", 500,
                "The request could not be completed; quote the correlation id to support", path(uri),
                CorrelationId.current(), List.of()));
    }

    /**
     * Whether a failure means a server this service depends on is unreachable: a JDBC connection failure (SQL state
     * class 08, or 57P0x: the database is shutting down), a pool that could not hand out a connection in time, or a
     * refused TCP connection. Walks the cause chain.
     */
    public static boolean dependencyUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            String name = t.getClass().getName();
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (name.endsWith("JDBCConnectionException") || message.contains("Acquisition timeout")
                    || message.contains("Unable to acquire JDBC Connection")) {
                return true;
            }
        }
        return false;
    }

    static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && !last) {
                continue; // a request body: name the field inside it, not the Java parameter
            }
            // an element of a list or map: Bean Validation puts its index on the node that follows the container
            if (node.isInIterable() && field.length() > 0) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() == null || node.getName().startsWith("<")) {
                continue; // <list element>, <map value>: the index above says it all
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.length() == 0 ? "request" : field.toString();
    }

    private static Problem jsonProblem(JsonProcessingException e, UriInfo uri) {
        ApiException problem = bodyProblem(e);
        return new Problem(Problem.type(problem.slug()), problem.title(), problem.status(), problem.getMessage(), path(uri),
                CorrelationId.current(), problem.errors());
    }

    /**
     * A JSON body (or a part of one) that could not be read, as a 400 that names the field by its JSON path and says
     * in the bank's words what it must be — never Jackson's own message, which names Java types.
     */
    public static ApiException bodyProblem(JsonProcessingException e) {
        String path = e instanceof JsonMappingException jme ? jsonPath(jme) : "";
        String field = path.isEmpty() ? "body" : path;
        String message;
        String duplicate = duplicateKey(e);
        if (causeOf(e, StreamConstraintsException.class) != null) {
            field = "body";
            message = JsonInputRules.BODY_LIMITS;
        } else if (causeOf(e, RefusedValue.class) != null) {
            message = causeOf(e, RefusedValue.class).reason();
        } else if (duplicate != null) {
            field = path.isEmpty() ? duplicate : path + "." + duplicate;
            message = "appears twice; send each field once";
        } else if (syntaxError(e)) {
            field = "body";
            message = "is not valid JSON";
        } else if (e instanceof JsonMappingException jme) {
            message = expected(jme);
        } else {
            field = "body";
            message = "is not valid JSON";
        }
        return new ApiException(400, "malformed-body", "Malformed request body", field + " " + message,
                List.of(new FieldError(field, message)));
    }

    private static String jsonPath(JsonMappingException jme) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : jme.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate field '(.{0,200})'");

    /** The key a body repeats (strict duplicate detection is on), or null. */
    private static String duplicateKey(JsonProcessingException e) {
        JsonParseException parse = causeOf(e, JsonParseException.class);
        if (parse == null || parse.getOriginalMessage() == null) {
            return null;
        }
        java.util.regex.Matcher m = DUPLICATE.matcher(parse.getOriginalMessage());
        return m.lookingAt() ? m.group(1) : null;
    }

    /** Whether the body is not JSON at all (rather than JSON with a value of the wrong kind). */
    private static boolean syntaxError(JsonProcessingException e) {
        StreamReadException read = causeOf(e, StreamReadException.class);
        return read != null && !(read instanceof InputCoercionException);
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String expected(JsonMappingException e) {
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof PropertyBindingException) {
            return "is not a field of this request";
        }
        if (e instanceof MismatchedInputException mismatch) {
            return expected(mismatch.getTargetType());
        }
        InputCoercionException coercion = causeOf(e, InputCoercionException.class);
        if (coercion != null) {
            return expected(coercion.getTargetType());
        }
        if (e instanceof ValueInstantiationException) {
            return "is not valid";
        }
        return "has the wrong type or format";
    }

    /** What a value of a Java type looks like on the API, in the bank's words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (type == java.time.LocalDate.class) {
            return InputRules.DATE_RULE;
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class || type == java.time.ZonedDateTime.class) {
            return InputRules.INSTANT_RULE;
        }
        if (type == java.time.LocalDateTime.class) {
            return "must be a date and time (ISO-8601, e.g. 2026-11-25T09:30:00)";
        }
        if (type == java.time.LocalTime.class) {
            return "must be a time of day (HH:MM)";
        }
        if (type == java.time.YearMonth.class) {
            return "must be a month (YYYY-MM)";
        }
        if (type == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (type == java.math.BigDecimal.class) {
            return InputRules.DECIMAL_RULE;
        }
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class
                || type == byte.class || type == Byte.class) {
            return "must be a whole number of at most 9 digits";
        }
        if (type == long.class || type == Long.class || type == java.math.BigInteger.class) {
            return "must be a whole number of at most 18 digits";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "must be text";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return "must be an object";
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"aurum\"")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type("unauthenticated"), "Unauthenticated", 401,
                        "A valid bearer token is required", path(uri), CorrelationId.current(), List.of()))
                .build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
