package io.aurum.advisory.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for risk-service's suitability HTTP contract, for advisory-service's module tests only: it answers like
 * risk-service's STRICT policy on the one rule these tests need (a rating above the client's level is UNSUITABLE), can
 * be switched to fail (503) or hang, and records the bearer token it was called with. The real risk-service is
 * exercised by the end-to-end tests (e2e module), where suitability is checked by the real service.
 */
public class RiskServiceStub implements QuarkusTestResourceLifecycleManager {

    public enum Mode { ANSWER, FAIL, HANG }

    public static final Map<UUID, Integer> LEVELS = new ConcurrentHashMap<>();
    public static volatile Mode mode = Mode.ANSWER;
    public static volatile String lastAuthorization;
    public static final AtomicInteger CALLS = new AtomicInteger();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/api/risk/suitability-checks", exchange -> {
            CALLS.incrementAndGet();
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] out;
            int status;
            try {
                if (mode == Mode.HANG) {
                    Thread.sleep(5000);
                }
                if (mode == Mode.FAIL) {
                    status = 503;
                    out = "{\"title\":\"down\"}".getBytes(StandardCharsets.UTF_8);
                } else {
                    JsonNode request = MAPPER.readTree(exchange.getRequestBody());
                    status = 200;
                    out = MAPPER.writeValueAsBytes(answer(request));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = 500;
                out = new byte[0];
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
        return Map.of("quarkus.rest-client.risk-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static ObjectNode answer(JsonNode request) {
        Integer level = LEVELS.get(UUID.fromString(request.path("clientId").asText()));
        ObjectNode result = MAPPER.createObjectNode();
        ArrayNode lines = result.putArray("lines");
        String overall = "SUITABLE";
        int i = 0;
        for (JsonNode line : request.path("lines")) {
            int rating = line.path("riskRating").asText().charAt(1) - '0';
            ObjectNode l = lines.addObject();
            l.put("line", i++);
            l.put("productId", line.path("productId").asText());
            ArrayNode reasons = l.putArray("reasons");
            String verdict;
            if (level == null) {
                verdict = "NOT_ASSESSED";
                reasons.addObject().put("code", "PROFILE_MISSING").put("severity", "NOT_ASSESSED");
            } else if (rating > level) {
                verdict = "UNSUITABLE";
                reasons.addObject().put("code", "RISK_ABOVE_LEVEL").put("severity", "BLOCK")
                        .put("textZh", "产品风险等级高于客户风险承受能力").put("textEn", "The product's risk rating is above the client's risk level");
            } else {
                verdict = "SUITABLE";
            }
            l.put("verdict", verdict);
            l.put("requiresComplianceApproval", false);
            if (rank(verdict) > rank(overall)) {
                overall = verdict;
            }
        }
        result.put("overall", overall);
        return result;
    }

    private static int rank(String verdict) {
        return switch (verdict) {
            case "SUITABLE" -> 0;
            case "REQUIRES_ACKNOWLEDGEMENT" -> 1;
            case "UNSUITABLE" -> 2;
            default -> 3;
        };
    }

    /** The JSON payload of the last bearer token (decoded, not verified: Keycloak issued it). */
    public static JsonNode lastTokenClaims() throws IOException {
        String token = lastAuthorization.substring("Bearer ".length());
        return MAPPER.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
