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
 * risk-service's STRICT policy on the rules these tests need (a rating above the client's level is UNSUITABLE; a
 * client's {@link Facts} add ELDERLY_HIGH_RISK for R4+, LOCKUP_EXCEEDS_HORIZON past the horizon, AUM_UNKNOWN; private
 * products carry COOLING_OFF_APPLIES), says the check is binding unless told otherwise, can be switched to fail (503) or
 * hang, and records the bearer token and the body it was called with. The real risk-service is exercised by the
 * end-to-end tests (e2e module), where suitability is checked by the real service.
 */
public class RiskServiceStub implements QuarkusTestResourceLifecycleManager {

    public enum Mode { ANSWER, FAIL, HANG }

    /** What risk-service would know about a client beyond its level: 65 or over, its horizon, whether its AUM is known. */
    public record Facts(boolean elderly, Integer horizonDays, boolean aumUnknown) {
    }

    public static final Map<UUID, Integer> LEVELS = new ConcurrentHashMap<>();
    public static final Map<UUID, Facts> FACTS = new ConcurrentHashMap<>();
    public static volatile Mode mode = Mode.ANSWER;
    /** false: answer like risk-service does for a caller it does not believe (a what-if). */
    public static volatile boolean binding = true;
    public static volatile String lastAuthorization;
    public static volatile JsonNode lastRequest;
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
                    lastRequest = request;
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
        UUID client = UUID.fromString(request.path("clientId").asText());
        Integer level = LEVELS.get(client);
        Facts facts = FACTS.getOrDefault(client, new Facts(false, null, false));
        ObjectNode result = MAPPER.createObjectNode();
        boolean anyPrivate = false;
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
                if (facts.elderly() && rating >= 4) {
                    verdict = "REQUIRES_ACKNOWLEDGEMENT";
                    reasons.addObject().put("code", "ELDERLY_HIGH_RISK").put("severity", "ACKNOWLEDGE");
                }
                if (facts.horizonDays() != null && line.path("lockupDays").asInt() > facts.horizonDays()) {
                    verdict = "REQUIRES_ACKNOWLEDGEMENT";
                    reasons.addObject().put("code", "LOCKUP_EXCEEDS_HORIZON").put("severity", "ACKNOWLEDGE");
                }
                if (facts.aumUnknown()) {
                    reasons.addObject().put("code", "AUM_UNKNOWN").put("severity", "INFO");
                }
                if (line.path("privateProduct").asBoolean()) {
                    anyPrivate = true;
                    reasons.addObject().put("code", "COOLING_OFF_APPLIES").put("severity", "INFO");
                }
            }
            l.put("verdict", verdict);
            l.put("requiresComplianceApproval", false);
            if (rank(verdict) > rank(overall)) {
                overall = verdict;
            }
        }
        result.put("overall", overall);
        result.put("binding", binding);
        if (anyPrivate) {
            result.put("coolingOffEndsAt", java.time.Instant.now().plus(java.time.Duration.ofHours(24)).toString());
        }
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
