package io.aurum.gateway.edge;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Hostile callers at the gateway's edge, with real Keycloak tokens and real sockets: slow bodies, chunked bodies over
 * the limit, path tricks, forged-token floods. An echo server on 18999 stands in for the services and counts what
 * reaches it.
 */
@QuarkusTest
class EdgeHardeningTest {

    static Vertx vertx;
    static HttpServer upstream;
    static final AtomicInteger HITS = new AtomicInteger();
    static final java.util.Set<String> FLAKY = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @TestHTTPResource("/")
    URL gateway;

    @BeforeAll
    static void startUpstream() throws Exception {
        vertx = Vertx.vertx();
        upstream = vertx.createHttpServer().requestHandler(req -> req.body().onComplete(body -> {
            if (!req.path().startsWith("/api/")) {
                req.response().end("{}"); // readiness probes
                return;
            }
            HITS.incrementAndGet();
            if (req.path().contains("/flaky-") && FLAKY.add(req.path())) {
                req.connection().close(); // the first time: the connection goes away before any answer
                return;
            }
            if (req.path().endsWith("/created")) {
                req.response().setStatusCode(201).putHeader("Location", "http://127.0.0.1:18999/api/clients/c-1").end("{}");
                return;
            }
            req.response().putHeader("Content-Type", "application/json")
                    .end("{\"bytes\":" + (body.succeeded() ? body.result().length() : -1) + "}");
        })).listen(18999, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopUpstream() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void slowSendersGet408AndNeitherReachTheServiceNorOpenItsCircuit() throws Exception {
        String advisor = KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN);
        int before = HITS.get();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<String>> slow = new ArrayList<>();
            for (int i = 0; i < 5; i++) { // more than the risk route's failure threshold (3 in this profile)
                slow.add(pool.submit(() -> slowBody("/api/risk/suitability-checks", advisor)));
            }
            // while they trickle, other callers of the same route are served
            for (int i = 0; i < 5; i++) {
                given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).get("/api/risk/levels").then().statusCode(200);
            }
            for (Future<String> answer : slow) {
                String response = answer.get(20, TimeUnit.SECONDS);
                assertThat(response).startsWith("HTTP/1.1 408");
                assertThat(response).contains("application/problem+json").contains("request-timeout");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(HITS.get() - before).as("only the five ordinary reads reached the service").isEqualTo(5);
        // the circuit stayed closed: the slow senders were the callers' fault, not the service's
        given().auth().oauth2(advisor).get("/api/risk/levels").then().statusCode(200);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AndNeverForwarded() throws Exception {
        int before = HITS.get();
        HttpClient http = HttpClient.newHttpClient();
        byte[] big = ("{\"fullName\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.toURI().resolve("/api/clients"))
                .header("Authorization", "Bearer " + KeycloakTokens.forUser(DemoUsers.RM_LI))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))) // no length: chunked
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(HITS.get()).isEqualTo(before);
        // a chunked body inside the limit is forwarded whole, with its length
        byte[] small = "{\"fullName\":\"张三\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(gateway.toURI().resolve("/api/clients"))
                .header("Authorization", "Bearer " + KeycloakTokens.forUser(DemoUsers.RM_LI))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"bytes\":" + small.length + "}");
    }

    @Test
    void aBulkUploadIsCountedAsItStreamsWhateverItsLengthClaims() throws Exception {
        byte[] big = ("as_of,client_id,product_code,asset_class,currency,amount\n" + "x".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.toURI().resolve("/api/aum/uploads"))
                .header("Authorization", "Bearer " + KeycloakTokens.forUser(DemoUsers.OPS_SUN))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload-too-large");
    }

    @Test
    void aBulkUploadThatStopsSendingIs408() throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/aum/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + KeycloakTokens.forUser(DemoUsers.OPS_SUN) + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "10\r\nas_of,client_id,\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush(); // then nothing more: the upload has stopped
            long started = System.nanoTime();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 408");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).as("the idle timeout, not the bulk one")
                    .isLessThan(java.time.Duration.ofSeconds(10));
        }
    }

    @Test
    void pathsThatAreNotCanonicalAreRefusedBeforeThePolicyDecides() throws Exception {
        String rm = KeycloakTokens.forUser(DemoUsers.RM_LI);
        int before = HITS.get();
        for (String path : new String[]{"/api/clients/../risk/reports/failed-checks", "/api/clients/%2e%2e/audit/events",
                "/api/clients/x/..%2f..%2fq/metrics", "/api/clients/x;jsessionid=1", "/api/clients//x", "/api/clients/",
                "/api/clients/./x", "/api/clients/%2E%2E/audit/events", "/api/audit/events%00"}) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + rm
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(response).as(path).startsWith("HTTP/1.1 400").contains("path-not-canonical");
        }
        assertThat(HITS.get()).isEqualTo(before);
    }

    @Test
    void malformedTokensAreRefusedWithoutVerificationAndFloodsFromOneAddressAreCut() {
        for (String token : new String[]{"not.a.jwt", "a.b", "x".repeat(20_000), "eyJhbGciOiJub25lIn0.e30.", "a.b.c.d.e"}) {
            given().auth().oauth2(token).get("/api/clients").then().statusCode(401).contentType("application/problem+json");
        }
        String forged = KeycloakTokens.tampered(KeycloakTokens.forUser(DemoUsers.RM_LI));
        int refused = 0;
        int limited = 0;
        for (int i = 0; i < 120; i++) { // one address behind the (trusted, in this profile) proxy
            int status = given().header("X-Forwarded-For", "203.0.113.9").auth().oauth2(forged).get("/api/clients")
                    .then().extract().statusCode();
            assertThat(status).isIn(401, 429);
            if (status == 401) {
                refused++;
            } else {
                limited++;
            }
        }
        assertThat(refused).as("verified, then refused: the burst (40) and what refilled meanwhile (2/s)").isBetween(40, 65);
        assertThat(limited).as("cut before any verification").isGreaterThan(50);
        // other addresses, and callers whose tokens are known good, are not affected
        given().header("X-Forwarded-For", "203.0.113.10").auth().oauth2(KeycloakTokens.forUser(DemoUsers.LEAD_ZHANG))
                .get("/api/clients/x").then().statusCode(200);
        String rm = KeycloakTokens.forUser(DemoUsers.RM_WANG);
        given().auth().oauth2(rm).get("/api/clients/x").then().statusCode(200);
        given().header("X-Forwarded-For", "203.0.113.9").auth().oauth2(rm).get("/api/clients/x").then().statusCode(200);
    }

    @Test
    void aLocationNamingTheServiceIsRewrittenToTheGateway() {
        String location = given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType("application/json")
                .body("{}").post("/api/clients/created")
                .then().statusCode(201).extract().header("Location");
        // no public base URL in this profile: a path alone, never a host the caller could have chosen
        assertThat(location).isEqualTo("/api/clients/c-1");
        String poisoned = given().header("Host", "evil.example").auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI))
                .contentType("application/json").body("{}").post("/api/clients/created")
                .then().statusCode(201).extract().header("Location");
        assertThat(poisoned).isEqualTo("/api/clients/c-1");
    }

    @Test
    void aServiceThatDropsTheConnectionIs503WithTheGatewaysIdAndTheRequestIsNotSentTwice() {
        String rm = KeycloakTokens.forUser(DemoUsers.RM_LI);
        int before = HITS.get();
        given().auth().oauth2(rm).contentType("application/json").body("{}").post("/api/clients/flaky-write")
                .then().statusCode(503).contentType("application/problem+json")
                .header("X-Correlation-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))
                .body("correlationId", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
        assertThat(HITS.get() - before).as("a write is never sent twice").isEqualTo(1);
    }

    @Test
    void aMalformedRequestIsProblemJsonToo() throws Exception {
        String response = raw("GET /api/risk/levels HTTP/1.1\r\nConnection: close\r\n\r\n"); // no Host
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("X-Content-Type-Options");
    }

    @Test
    void refusalsOfTheEdgeAreProblemJson() {
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).get("/api/clients/x?y=" + "z".repeat(5000))
                .then().statusCode(414).body("status", equalTo(414));
    }

    /** Sends a request whose 40-byte body arrives at one byte every 300 ms; returns the raw answer. */
    private String slowBody(String path, String token) throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 40; i++) {
                if (in.available() > 0) {
                    break;
                }
                try {
                    out.write('{');
                    out.flush();
                } catch (java.io.IOException closed) {
                    break; // the gateway answered and closed the connection
                }
                Thread.sleep(300);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
