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
        String admin = requestTokenFrom(baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli",
                "username", env("AURUM_KC_ADMIN", "admin"), "password", env("AURUM_KC_ADMIN_PASSWORD", "admin")));
        String client = """
                {"clientId":"aurum-test-lifespan-5s","publicClient":true,"directAccessGrantsEnabled":true,
                 "standardFlowEnabled":false,"attributes":{"access.token.lifespan":"5"},
                 "protocolMappers":[{"name":"aurum-api-audience","protocol":"openid-connect",
                   "protocolMapper":"oidc-audience-mapper",
                   "config":{"included.custom.audience":"aurum-api","access.token.claim":"true"}}]}""";
        HttpRequest create = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/aurum/clients"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client))
                .build();
        try {
            int status = HTTP.send(create, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("Keycloak refused the short-lived test client: " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return requestToken(baseUrl(), Map.of("grant_type", "password", "client_id", "aurum-test-lifespan-5s",
                "username", username, "password", password()));
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
