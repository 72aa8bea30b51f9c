package io.aurum.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Obtains real access tokens from the running Keycloak that {@code ./aurum test} started.
 * Tokens are cached per user for a minute (they live five), so a test suite asks Keycloak once per identity.
 */
public final class KeycloakTokens {

    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:18180";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private KeycloakTokens() {
    }

    /** Keycloak base URL: system property {@code aurum.keycloak.url}, env {@code AURUM_KEYCLOAK_URL}, else the test instance. */
    public static String baseUrl() {
        String fromProperty = System.getProperty("aurum.keycloak.url");
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnv = System.getenv("AURUM_KEYCLOAK_URL");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : DEFAULT_BASE_URL;
    }

    public static String password() {
        String fromEnv = System.getenv("AURUM_DEMO_PASSWORD");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : "aurum-demo";
    }

    /** An access token for a demo user (password grant on the {@code aurum-cli} client). */
    public static String forUser(String username) {
        return CACHE.compute("user:" + username, (k, cached) -> cached != null && cached.fresh() ? cached
                : new Cached(requestToken(baseUrl(), Map.of("grant_type", "password", "client_id", "aurum-cli",
                        "username", username, "password", password(), "scope", "openid")))).token;
    }

    /** An access token for a confidential client (client-credentials grant). */
    public static String forClient(String clientId, String secret) {
        return CACHE.compute("client:" + clientId, (k, cached) -> cached != null && cached.fresh() ? cached
                : new Cached(requestToken(baseUrl(), Map.of("grant_type", "client_credentials", "client_id", clientId,
                        "client_secret", secret)))).token;
    }

    /** An access token for the demo partner institution ({@link DemoUsers#PARTNER}). */
    public static String forDemoPartner() {
        return forClient(DemoUsers.PARTNER, DemoUsers.PARTNER_SECRET);
    }

    /** A token requested on another host name for the same Keycloak: its issuer differs, so it must be refused. */
    public static String forUserViaHost(String username, String baseUrl) {
        return requestToken(baseUrl, Map.of("grant_type", "password", "client_id", "aurum-cli",
                "username", username, "password", password()));
    }

    /**
     * A real token for a demo user that expires five seconds after issue: the test creates (once) a public
     * client with a five-second token lifespan through Keycloak's admin API, so the realm file stays clean.
     */
    public static String shortLivedForUser(String username) {
        return tokenFromTestClient("aurum-test-lifespan-5s", """
                {"clientId":"aurum-test-lifespan-5s","publicClient":true,"directAccessGrantsEnabled":true,
                 "standardFlowEnabled":false,"attributes":{"access.token.lifespan":"5"},
                 "protocolMappers":[{"name":"aurum-api-audience","protocol":"openid-connect",
                   "protocolMapper":"oidc-audience-mapper",
                   "config":{"included.custom.audience":"aurum-api","access.token.claim":"true"}}]}""", username);
    }

    /** A valid token of the realm that is not meant for the suite: no aurum-api audience. Must be refused. */
    public static String withoutSuiteAudience(String username) {
        return tokenFromTestClient("aurum-test-no-audience", """
                {"clientId":"aurum-test-no-audience","publicClient":true,"directAccessGrantsEnabled":true,
                 "standardFlowEnabled":false}""", username);
    }

    /** Creates (once) a public test client through the admin API, so the realm file stays clean, and logs in with it. */
    private static String tokenFromTestClient(String clientId, String clientJson, String username) {
        HttpRequest create = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/aurum/clients"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(clientJson))
                .build();
        try {
            int status = HTTP.send(create, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("Keycloak refused the test client " + clientId + ": " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return requestToken(baseUrl(), Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password()));
    }

    /** A token of Keycloak's master-realm admin (the bootstrap admin that ./aurum creates). */
    public static String adminToken() {
        return requestTokenFrom(baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli",
                "username", env("AURUM_KC_ADMIN", "admin"), "password", env("AURUM_KC_ADMIN_PASSWORD", "admin")));
    }

    /**
     * Creates an enabled user of the aurum realm with one realm role (through the admin API) and returns its id.
     * For tests that must change a user (disable it) without touching the shared demo users.
     */
    public static String createUser(String username, String role, String team) {
        String admin = adminToken();
        String user = ("{\"username\":\"%s\",\"enabled\":true,\"email\":\"%s@test.aurum.bank\",\"emailVerified\":true,"
                + "\"firstName\":\"Test\",\"lastName\":\"User\",\"attributes\":{\"aurum_team\":[\"%s\"]},"
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"%s\",\"temporary\":false}]}")
                .formatted(username, username, team, password());
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/aurum/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)).build());
        JsonNode found = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/aurum/users?exact=true&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + admin).GET().build());
        String id = found.get(0).get("id").asText();
        JsonNode roleRep = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/aurum/roles/" + role))
                .header("Authorization", "Bearer " + admin).GET().build());
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/aurum/users/" + id + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + roleRep + "]")).build());
        return id;
    }

    /** Disables a user through the admin API: no new tokens; existing ones die with their lifetime. */
    public static void disableUser(String userId) {
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/aurum/users/" + userId))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")).build());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String requestTokenFrom(String url, Map<String, String> form) {
        return postForm(url, form, null).get("access_token").asText();
    }

    /** The token with one character of its signature changed. */
    public static String tampered(String token) {
        int i = token.length() - 5;
        char c = token.charAt(i) == 'A' ? 'B' : 'A';
        return token.substring(0, i) + c + token.substring(i + 1);
    }

    public static String requestToken(String baseUrl, Map<String, String> form) {
        return requestTokenFrom(baseUrl + "/realms/aurum/protocol/openid-connect/token", form);
    }

    public static JsonNode postForm(String url, Map<String, String> form, String bearer) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public static JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + request.uri() + " is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class Cached {
        final String token;
        final long obtainedAt = System.nanoTime();

        Cached(String token) {
            this.token = token;
        }

        boolean fresh() {
            return System.nanoTime() - obtainedAt < Duration.ofSeconds(60).toNanos();
        }
    }
}
