package io.aurum.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.common.problem.ApiException;
import io.quarkus.vertx.http.ManagementInterface;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The merged document on the management port too, where Swagger UI now lives (with the health checks and metrics,
 * off the public port): the page reads the document from its own origin.
 */
@ApplicationScoped
public class ManagementOpenApiRoute {

    private final MergedOpenApiResource merged;
    private final ObjectMapper mapper;

    public ManagementOpenApiRoute(MergedOpenApiResource merged, ObjectMapper mapper) {
        this.merged = merged;
        this.mapper = mapper;
    }

    void install(@Observes ManagementInterface management) {
        management.router().get("/openapi/aurum.json").blockingHandler(ctx -> {
            try {
                ctx.response().putHeader("Content-Type", "application/json").end(mapper.writeValueAsString(merged.document()));
            } catch (ApiException e) {
                ctx.response().setStatusCode(e.status()).putHeader("Content-Type", "application/problem+json")
                        .end("{\"status\":" + e.status() + ",\"title\":\"" + e.title() + "\"}");
            } catch (Exception e) {
                ctx.fail(e);
            }
        });
    }
}
