package io.aurum.gateway;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Real Keycloak tokens against the real gateway; an echo server on 18999 stands in for the services
 * (the end-to-end tests in e2e/ use the real ones) so the test can see exactly what was forwarded.
 */
@QuarkusTest
class GatewayProxyTest {

    static Vertx vertx;
    static HttpServer upstream;
    static final AtomicInteger HITS = new AtomicInteger();
    static final int MANAGEMENT_PORT = 18998;

    @BeforeAll
    static void startUpstream() throws Exception {
        vertx = Vertx.vertx();
        upstream = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            if (req.path().startsWith("/api/")) {
                HITS.incrementAndGet(); // not the readiness probes
            }
            if (req.path().endsWith("/created")) {
                // a service names what it created by its own, internal address
                req.response().setStatusCode(201).putHeader("Location", "http://127.0.0.1:18999/api/clients/c-1").end("{}");
                return;
            }
            if (req.path().contains("/slow")) {
                vertx.setTimer(3000, t -> req.response().end("{}")); // slower than the risk route's 1 s timeout
                return;
            }
            req.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("method", req.method().name())
                    .put("uri", req.uri())
                    .put("authorization", req.getHeader("Authorization") != null)
                    .put("correlationId", req.getHeader("X-Correlation-Id"))
                    .put("callerReference", req.getHeader("X-Caller-Reference"))
                    .put("requestId", req.getHeader("X-Request-Id"))
                    .put("forwardedFor", req.getHeader("X-Forwarded-For"))
                    .put("connectionHeader", req.getHeader("Keep-Alive"))
                    .put("body", body.toString())
                    .encode());
        })).listen(18999, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopUpstream() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aValidTokenIsRelayedWithBodyQueryAndCorrelationId() {
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI))
                .header("X-Correlation-Id", "gw-test-1")
                .contentType("application/json").body("{\"fullName\":\"张三\"}")
                .post("/api/clients?x=1")
                .then().statusCode(200)
                // the caller's id is its reference, echoed and relayed; the work is named by the gateway's own id
                .header("X-Request-Id", "gw-test-1")
                .header("X-Correlation-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/clients?x=1"))
                .body("authorization", equalTo(true))
                .body("correlationId", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))
                .body("callerReference", equalTo("gw-test-1"))
                .body("requestId", org.hamcrest.Matchers.nullValue())
                .body("forwardedFor", equalTo("127.0.0.1"))
                .body("body", equalTo("{\"fullName\":\"张三\"}"));
        for (String path : new String[]{"/api/risk/levels", "/api/advice/products"}) {
            given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).get(path)
                    .then().statusCode(200).body("uri", equalTo(path));
        }
    }

    @Test
    void refusedTokensNeverReachAService() {
        int before = HITS.get();
        given().get("/api/clients").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://aurum.bank/problems/unauthenticated"));
        given().auth().oauth2(KeycloakTokens.tampered(KeycloakTokens.forUser(DemoUsers.RM_LI))).get("/api/clients")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not.a.jwt").get("/api/clients").then().statusCode(401).contentType("application/problem+json");
        // same Keycloak, asked through another host name: the issuer differs
        String otherIssuer = KeycloakTokens.forUserViaHost(DemoUsers.RM_LI, KeycloakTokens.baseUrl().replace("127.0.0.1", "localhost"));
        given().auth().oauth2(otherIssuer).get("/api/clients").then().statusCode(401).contentType("application/problem+json");
        // a genuine token of the realm, but not meant for the suite (no aurum-api audience)
        given().auth().oauth2(KeycloakTokens.withoutSuiteAudience(DemoUsers.RM_LI)).get("/api/clients")
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(HITS.get()).isEqualTo(before);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = KeycloakTokens.shortLivedForUser(DemoUsers.RM_LI);
        given().auth().oauth2(token).get("/api/clients").then().statusCode(200); // valid while it lives
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/clients").then().statusCode(401)
                        .contentType("application/problem+json"));
    }

    @Test
    void theRoutePolicyAnswers403BeforeTheUpstream() {
        int before = HITS.get();
        String partner = KeycloakTokens.forDemoPartner();
        given().auth().oauth2(partner).get("/api/clients/" + java.util.UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://aurum.bank/problems/forbidden"));
        given().auth().oauth2(partner).get("/api/engagement/tasks").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).get("/api/risk/reports/failed-checks")
                .then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.COMPLIANCE_ZHAO)).contentType("application/json").body("{}")
                .put("/api/clients/" + java.util.UUID.randomUUID()).then().statusCode(403);
        assertThat(HITS.get()).isEqualTo(before);
        given().auth().oauth2(partner).get("/api/advice/products").then().statusCode(200);
        given().auth().oauth2(partner).contentType("application/json").body("{}").post("/api/clients/referrals")
                .then().statusCode(200);
    }

    @Test
    void aCallerOverItsQuotaGets429WithRetryAfter() {
        String rm = KeycloakTokens.forUser(DemoUsers.RM_WANG);
        given().auth().oauth2(rm).get("/api/advice/a").then().statusCode(200);
        given().auth().oauth2(rm).get("/api/advice/b").then().statusCode(200);
        given().auth().oauth2(rm).get("/api/advice/c")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://aurum.bank/problems/rate-limited"));
        // the quota is per caller and per route
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.LEAD_ZHANG)).get("/api/advice/a").then().statusCode(200);
        given().auth().oauth2(rm).get("/api/risk/levels").then().statusCode(200);
    }

    @Test
    void anOversizedBodyIs413AndNeverForwarded() {
        int before = HITS.get();
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType("application/json")
                .body("{\"fullName\":\"" + "x".repeat(5000) + "\"}")
                .post("/api/clients")
                .then().statusCode(413).contentType("application/problem+json");
        assertThat(HITS.get()).isEqualTo(before);
    }

    @Test
    void anOverlongRequestTargetIs414ProblemJsonAndNeverForwarded() {
        int before = HITS.get();
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).queryParam("name", "长".repeat(2000))
                .get("/api/clients")
                .then().statusCode(414).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.containsString("uri-too-long"));
        // beyond Quarkus' own line limit too (the gateway's is raised so that it answers itself)
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).queryParam("name", "A".repeat(20_000))
                .get("/api/clients")
                .then().statusCode(414).contentType("application/problem+json");
        assertThat(HITS.get()).isEqualTo(before);
    }

    @Test
    void requestIdsAndSecurityHeaders() {
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).header("X-Request-Id", "req-42")
                .get("/api/risk/levels")
                .then().statusCode(200)
                .header("X-Request-Id", "req-42")
                .header("X-Correlation-Id", org.hamcrest.Matchers.not("req-42"))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'"))
                .body("correlationId", org.hamcrest.Matchers.not("req-42"))
                .body("callerReference", equalTo("req-42"));
        // every answer of the public port carries them: refusals, the document, unknown paths
        for (String path : new String[]{"/api/clients", "/openapi/aurum.json", "/nowhere"}) {
            given().get(path).then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                    .header("Strict-Transport-Security", notNullValue());
        }
    }

    @Test
    void aSlowUpstreamIs504AndADeadOneIs503ThenTheCircuitOpens() {
        String advisor = KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN);
        long started = System.nanoTime();
        given().auth().oauth2(advisor).get("/api/risk/clients/slow/profile")
                .then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("https://aurum.bank/problems/upstream-timeout"))
                .body("detail", org.hamcrest.Matchers.containsString("risk"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2900));

        String rm = KeycloakTokens.forUser(DemoUsers.COMPLIANCE_ZHAO);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(rm).get("/api/engagement/tasks")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("https://aurum.bank/problems/upstream-unavailable"))
                    .body("detail", equalTo("The engagement service is unavailable"));
        }
        given().auth().oauth2(rm).get("/api/engagement/tasks")
                .then().statusCode(503).header("Retry-After", notNullValue())
                .body("detail", org.hamcrest.Matchers.containsString("circuit open"));
        // other routes are not affected
        given().auth().oauth2(rm).get("/api/risk/levels").then().statusCode(200);
    }

    @Test
    void aBulkUploadHasItsOwnLongerTimeout() {
        // the clients route times out after 1 s in this profile; the upstream answers /slow after 3 s
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.OPS_SUN)).contentType("text/csv")
                .body("as_of,client_id,product_code,asset_class,currency,amount\n")
                .post("/api/aum/uploads/slow")
                .then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).get("/api/clients/slow")
                .then().statusCode(504).body("type", equalTo("https://aurum.bank/problems/upstream-timeout"));
    }

    @Test
    void theMergedOpenApiNeedsEveryService() {
        // engagement is down in this test: the document cannot be complete, and says so
        given().get("/openapi/aurum.json").then().statusCode(503).contentType("application/problem+json");
    }

    @Test
    void corsAllowsTheConfiguredWebOrigin() {
        given().header("Origin", "http://127.0.0.1:5173").header("Access-Control-Request-Method", "POST")
                .options("/api/clients")
                .then().header("Access-Control-Allow-Origin", "http://127.0.0.1:5173");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/clients")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://aurum.bank/problems/origin-not-allowed"))
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        given().header("Origin", "https://evil.example").auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI))
                .get("/api/clients").then().statusCode(403).contentType("application/problem+json");
        // the gateway's own origin (the web front end it serves) is never foreign
        given().header("Origin", "http://localhost:" + io.restassured.RestAssured.port).auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI))
                .get("/api/clients/x").then().statusCode(200);
    }

    @Test
    void readinessAndMetricsAreOnTheManagementPortOnly() {
        given().port(MANAGEMENT_PORT).get("/q/health/live").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().port(MANAGEMENT_PORT).get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'upstreams' }.data.engagement", equalTo("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.data.clients", equalTo("UP")));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).get("/api/clients/" + java.util.UUID.randomUUID())
                .then().statusCode(200);
        String metrics = given().port(MANAGEMENT_PORT).get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("aurum_gateway_requests_seconds_count");
        assertThat(metrics).as("no raw path, hence no client id, in any metric")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        // the public port serves none of /q
        for (String path : new String[]{"/q/metrics", "/q/health/ready", "/q/openapi", "/q/swagger-ui/"}) {
            given().get(path).then().statusCode(404);
        }
        given().port(MANAGEMENT_PORT).get("/q/swagger-ui/").then().statusCode(200);
    }
}
