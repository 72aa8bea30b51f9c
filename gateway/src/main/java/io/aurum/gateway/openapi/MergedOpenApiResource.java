package io.aurum.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurum.common.problem.ApiException;
import io.aurum.gateway.config.GatewayConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suite's one OpenAPI document at /openapi/aurum.json, merged from the services' documents (cached for a
 * minute); Swagger UI at /q/swagger-ui shows it.
 */
@Path("/openapi/aurum.json")
@Tag(name = "API documentation")
public class MergedOpenApiResource {

    private static final Logger LOG = Logger.getLogger(MergedOpenApiResource.class);

    private final GatewayConfig config;
    private final OpenApiMerger merger;
    private final ObjectMapper mapper;
    private final String realmUrl;
    private final String version;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile ObjectNode cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    public MergedOpenApiResource(GatewayConfig config, ObjectMapper mapper,
                                 @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version) {
        this.config = config;
        this.mapper = mapper;
        this.merger = new OpenApiMerger(mapper);
        this.realmUrl = config.publicRealmUrl();
        this.version = version;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The merged OpenAPI document of the suite",
            description = "Every service's operations under the gateway's paths, with the OAuth2 flows of the realm.")
    public ObjectNode document() {
        if (cached != null && cachedAt.isAfter(Instant.now().minusSeconds(60))) {
            return cached;
        }
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (Map.Entry<String, GatewayConfig.Route> route : new TreeMap<>(config.routes()).entrySet()) {
            try {
                HttpRequest request = HttpRequest.newBuilder(route.getValue().upstream().resolve("/q/openapi?format=json"))
                        .timeout(Duration.ofSeconds(5)).GET().build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    documents.put(route.getKey(), mapper.readTree(response.body()));
                } else {
                    LOG.warnf("OpenAPI of %s answered %d", route.getKey(), response.statusCode());
                }
            } catch (java.io.IOException e) {
                LOG.warnf("OpenAPI of %s unavailable: %s", route.getKey(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (documents.size() < config.routes().size()) {
            throw new ApiException(503, "upstream-unavailable", "Service unavailable",
                    "Not every service's OpenAPI document could be read; try again shortly");
        }
        cached = merger.merge(documents, version, realmUrl);
        cachedAt = Instant.now();
        return cached;
    }
}
