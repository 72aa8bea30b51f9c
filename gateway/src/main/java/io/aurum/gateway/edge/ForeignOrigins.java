package io.aurum.gateway.edge;

import io.aurum.common.problem.Problem;
import io.aurum.common.web.CorrelationId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Set;

/**
 * A browser request from an origin the bank has not listed is refused as problem+json (403 {@code origin-not-allowed})
 * before Quarkus' CORS filter, which would refuse it with an empty body. The list is the CORS filter's own
 * ({@code quarkus.http.cors.origins}); the gateway's own origin is always allowed, as the filter has it.
 */
@ApplicationScoped
public class ForeignOrigins {

    private final Set<String> allowed;
    private final ObjectMapper mapper;

    public ForeignOrigins(@ConfigProperty(name = "quarkus.http.cors.origins") List<String> origins, ObjectMapper mapper) {
        this.allowed = Set.copyOf(origins.stream().map(String::strip).toList());
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(-900).handler(ctx -> {
            String origin = ctx.request().getHeader("Origin");
            if (origin == null || allowed(origin, ctx.request().scheme() + "://" + ctx.request().authority())) {
                ctx.next();
                return;
            }
            String id = CorrelationId.acceptOrCreate(null);
            Problem problem = new Problem(Problem.type("origin-not-allowed"), "Origin not allowed", 403,
                    "Requests from this origin are not allowed; use the bank's own applications", ctx.request().path(), id, List.of());
            try {
                ctx.response().setStatusCode(403).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader(CorrelationId.HEADER, id)
                        .end(mapper.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                ctx.fail(e);
            }
        });
    }

    boolean allowed(String origin, String self) {
        return allowed.contains(origin) || allowed.contains("*") || origin.equalsIgnoreCase(self);
    }
}
