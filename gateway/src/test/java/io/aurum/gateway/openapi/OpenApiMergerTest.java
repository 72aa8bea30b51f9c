package io.aurum.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergerTest {

    final ObjectMapper mapper = new ObjectMapper();

    JsonNode doc(String json) throws Exception {
        return mapper.readTree(json);
    }

    @Test
    void pathsSchemasTagsAndSecurityAreMerged() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("clients", doc("""
                {"openapi":"3.1.0","tags":[{"name":"Clients"}],
                 "paths":{"/api/clients":{"get":{"security":[{"SecurityScheme":[]}],"responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/View"}}}}}}},
                          "/q/health":{"get":{"responses":{}}}},
                 "components":{"schemas":{"View":{"type":"object","properties":{"name":{"type":"string"}}},
                                          "Problem":{"type":"object"}}}}"""));
        docs.put("risk", doc("""
                {"openapi":"3.1.0","tags":[{"name":"Risk"}],
                 "paths":{"/api/risk/levels":{"get":{"responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/View"}}}}}}}},
                 "components":{"schemas":{"View":{"type":"object","properties":{"level":{"type":"string"}}},
                                          "Problem":{"type":"object"}}}}"""));
        ObjectNode merged = new OpenApiMerger(mapper).merge(docs, "1.2.3", "https://login.bank/realms/aurum");

        assertThat(merged.path("paths").has("/api/clients")).isTrue();
        assertThat(merged.path("paths").has("/api/risk/levels")).isTrue();
        assertThat(merged.path("paths").has("/q/health")).as("only routed paths").isFalse();
        assertThat(merged.at("/components/schemas/View/properties").has("name")).isTrue();
        assertThat(merged.at("/components/schemas/risk_View/properties").has("level")).as("conflict renamed").isTrue();
        assertThat(merged.at("/paths/~1api~1risk~1levels/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/risk_View");
        assertThat(merged.at("/components/schemas").has("risk_Problem")).as("identical schemas are shared").isFalse();
        assertThat(merged.at("/paths/~1api~1clients/get/security/0").has(OpenApiMerger.BEARER)).isTrue();
        assertThat(merged.at("/components/securitySchemes/keycloak/flows/authorizationCode/tokenUrl").asText())
                .isEqualTo("https://login.bank/realms/aurum/protocol/openid-connect/token");
        assertThat(merged.at("/components/securitySchemes/keycloak/flows").has("clientCredentials")).isTrue();
        assertThat(merged.path("tags")).hasSize(2);
        assertThat(merged.at("/info/version").asText()).isEqualTo("1.2.3");
    }
}
