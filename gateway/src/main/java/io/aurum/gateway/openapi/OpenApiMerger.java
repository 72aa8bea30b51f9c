package io.aurum.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges the services' OpenAPI documents into the one partners and front-end developers use: every path (they
 * are already the gateway's /api paths), every schema (a name two services define differently is prefixed with the
 * service's route name and its references rewritten), every tag, and the suite's own security schemes in place of
 * each service's. Pure: documents in, document out.
 */
public final class OpenApiMerger {

    public static final String BEARER = "bearer";
    public static final String OAUTH2 = "keycloak";

    private final ObjectMapper mapper;

    public OpenApiMerger(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param documents route name → that service's OpenAPI document
     * @param realmUrl  the Keycloak realm's base URL, e.g. https://login.bank/realms/aurum
     */
    public ObjectNode merge(Map<String, JsonNode> documents, String version, String realmUrl) {
        ObjectNode merged = mapper.createObjectNode();
        merged.put("openapi", documents.values().stream().map(d -> d.path("openapi").asText(null))
                .filter(v -> v != null).findFirst().orElse("3.0.3"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "Aurum API");
        info.put("version", version);
        info.put("description", "The Aurum wealth relationship platform, through its gateway. Every call needs a bearer "
                + "token from the bank's Keycloak realm: web and mobile apps use the authorization-code flow with PKCE "
                + "(S256); partner institutions use client credentials and reach only the partner endpoints (product "
                + "publishing, referrals). Errors are RFC 9457 problem+json with a stable type. Money is a decimal "
                + "string with a currency; ids are UUIDs; dates ISO-8601.");
        merged.putArray("servers").addObject().put("url", "/").put("description", "this gateway");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = mapper.createObjectNode();
        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        Map<String, String> schemaOwner = new LinkedHashMap<>();

        documents.forEach((route, original) -> {
            JsonNode document = original.deepCopy();
            JsonNode theirSchemas = document.path("components").path("schemas");
            Map<String, String> renames = new LinkedHashMap<>();
            for (Iterator<String> it = theirSchemas.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                JsonNode existing = schemas.get(name);
                if (existing != null && !existing.equals(theirSchemas.get(name))) {
                    renames.put(name, route + "_" + name);
                }
            }
            if (!renames.isEmpty()) {
                document = rewriteRefs(document, renames);
                theirSchemas = document.path("components").path("schemas");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = theirSchemas.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> schema = it.next();
                String name = renames.getOrDefault(schema.getKey(), schema.getKey());
                schemas.set(name, schema.getValue());
                schemaOwner.putIfAbsent(name, route);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (!path.getKey().startsWith("/api/")) {
                    continue; // only what the gateway routes
                }
                ObjectNode item = (ObjectNode) path.getValue();
                item.fields().forEachRemaining(op -> {
                    if (op.getValue() instanceof ObjectNode operation && operation.has("responses")) {
                        operation.remove("security");
                        operation.set("security", securityRequirement());
                    }
                });
                paths.set(path.getKey(), item);
            }
            for (JsonNode tag : document.path("tags")) {
                tags.putIfAbsent(tag.path("name").asText(), (ObjectNode) tag);
            }
        });
        ArrayNode tagArray = merged.putArray("tags");
        tags.values().forEach(tagArray::add);
        ObjectNode components = merged.putObject("components");
        components.set("schemas", schemas);
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject(BEARER).put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "An access token of the aurum realm (audience aurum-api)");
        ObjectNode oauth = schemes.putObject(OAUTH2).put("type", "oauth2")
                .put("description", "Keycloak realm aurum. Web and mobile: authorization code with PKCE (S256), clients "
                        + "aurum-web and aurum-mobile. Partners: client credentials with their own client.");
        ObjectNode flows = oauth.putObject("flows");
        ObjectNode code = flows.putObject("authorizationCode");
        code.put("authorizationUrl", realmUrl + "/protocol/openid-connect/auth");
        code.put("tokenUrl", realmUrl + "/protocol/openid-connect/token");
        code.putObject("scopes").put("openid", "OpenID Connect sign-in");
        ObjectNode credentials = flows.putObject("clientCredentials");
        credentials.put("tokenUrl", realmUrl + "/protocol/openid-connect/token");
        credentials.putObject("scopes");
        merged.set("security", securityRequirement());
        return merged;
    }

    private ArrayNode securityRequirement() {
        ArrayNode security = mapper.createArrayNode();
        security.addObject().putArray(BEARER);
        security.addObject().putArray(OAUTH2);
        return security;
    }

    private JsonNode rewriteRefs(JsonNode document, Map<String, String> renames) {
        String text = document.toString();
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            text = text.replace("\"#/components/schemas/" + rename.getKey() + "\"",
                    "\"#/components/schemas/" + rename.getValue() + "\"");
        }
        try {
            return mapper.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
