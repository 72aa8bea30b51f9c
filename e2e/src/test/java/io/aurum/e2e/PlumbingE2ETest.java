package io.aurum.e2e;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The parts are real: a token from the running Keycloak goes through the gateway to client-service, which
 * writes PostgreSQL and publishes on Kafka (outbox); engagement-service consumes the event into its own
 * database, and the result is read back through the gateway. Run by ./aurum test against the packaged suite.
 */
class PlumbingE2ETest {

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = System.getProperty("aurum.gateway.url", "http://127.0.0.1:18080");
        RestAssured.port = -1;
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aClientRegisteredThroughTheGatewayReachesEngagementThroughKafka() {
        String rm = KeycloakTokens.forUser(DemoUsers.RM_LI);
        String correlationId = "e2e-" + UUID.randomUUID();
        String id = given().auth().oauth2(rm).header("X-Correlation-Id", correlationId)
                .contentType(ContentType.JSON)
                .body("{\"fullName\":\"端到端\",\"latinName\":\"DUAN Daoduan\",\"birthDate\":\"1958-08-08\"}")
                .post("/api/clients")
                .then().statusCode(201)
                // the caller's id comes back as its reference; the gateway names the work with its own id
                .header("X-Request-Id", correlationId)
                .header("X-Correlation-Id", org.hamcrest.Matchers.not(correlationId))
                .body("primaryRmId", equalTo(DemoUsers.RM_LI_ID.toString()))
                .extract().path("id");

        given().auth().oauth2(rm).get("/api/clients/" + id).then().statusCode(200).body("fullName", equalTo("端到端"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(rm).get("/api/engagement/clients/" + id)
                        .then().statusCode(200)
                        .body("fullName", equalTo("端到端"))
                        .body("birthDate", equalTo("1958-08-08"))
                        .body("primaryRmId", equalTo(DemoUsers.RM_LI_ID.toString()))
                        .body("lastEventId", notNullValue()));

        // object-level checks stay in the services: another RM sees neither the profile nor the card
        String otherRm = KeycloakTokens.forUser(DemoUsers.RM_WANG);
        given().auth().oauth2(otherRm).get("/api/clients/" + id).then().statusCode(404);
        given().auth().oauth2(otherRm).get("/api/engagement/clients/" + id).then().statusCode(404);
        // a partner learns nothing about clients
        given().auth().oauth2(KeycloakTokens.forDemoPartner())
                .get("/api/clients/" + id).then().statusCode(403);
    }

    @Test
    void everyServiceAnswersThroughTheGateway() {
        String advisor = KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN);
        given().auth().oauth2(advisor).get("/api/risk/levels").then().statusCode(200).body("size()", equalTo(5));
        given().auth().oauth2(advisor).get("/api/advice/products?maxRisk=1").then().statusCode(200)
                .body("items[0].riskRating", equalTo("R1"));
    }

    @Test
    void theGatewayRefusesBadTokensWith401() {
        given().get("/api/clients").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(KeycloakTokens.tampered(KeycloakTokens.forUser(DemoUsers.RM_LI))).get("/api/clients")
                .then().statusCode(401).contentType("application/problem+json");
        String otherIssuer = KeycloakTokens.forUserViaHost(DemoUsers.RM_LI,
                KeycloakTokens.baseUrl().replace("127.0.0.1", "localhost"));
        given().auth().oauth2(otherIssuer).get("/api/clients").then().statusCode(401);
        String shortLived = KeycloakTokens.shortLivedForUser(DemoUsers.RM_LI);
        given().auth().oauth2(shortLived).get("/api/clients").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(shortLived).get("/api/clients").then().statusCode(401));
    }

    @Test
    void theMergedOpenApiDocumentCoversEveryService() {
        given().get("/openapi/aurum.json").then().statusCode(200)
                .body("info.title", equalTo("Aurum API"))
                .body("paths", hasKey("/api/clients"))
                .body("paths", hasKey("/api/risk/suitability-checks"))
                .body("paths", hasKey("/api/advice/products"))
                .body("paths", hasKey("/api/engagement/clients/{clientId}"))
                .body("components.securitySchemes.keycloak.flows.clientCredentials.tokenUrl",
                        endsWith("/realms/aurum/protocol/openid-connect/token"));
    }

    @Test
    void theCorrelationIdReachesTheLogsOfEveryServiceItTouchesAndTheCallersReferenceStaysBesideIt() throws Exception {
        String requestId = "e2e-req-" + UUID.randomUUID();
        String correlationId = given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_WANG)).header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).body("{\"fullName\":\"日志追踪\"}")
                .post("/api/clients")
                .then().statusCode(201).header("X-Request-Id", requestId)
                .extract().header("X-Correlation-Id");
        assertThat(correlationId).isNotEqualTo(requestId).matches("[0-9a-f-]{36}");
        Path logs = Path.of(System.getProperty("aurum.logs.dir", ".aurum/test/logs"));
        for (String service : new String[]{"client-service", "engagement-service"}) {
            Path log = logs.resolve(service + ".log");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Files.readString(log)).as(service + " log").contains(correlationId));
        }
        for (String component : new String[]{"gateway", "client-service"}) {
            Path log = logs.resolve(component + ".log");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Files.readString(log)).as(component + " log").contains(requestId));
        }
    }

    @Test
    void aClientCannotBeMassAssignedATierAndOnlyStaffRegisterClients() {
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"越权测试\",\"tier\":\"PRIVATE\",\"team\":\"other-team\",\"primaryRmId\":null}")
                .post("/api/clients")
                .then().statusCode(201).body("tier", equalTo("MASS")).body("team", equalTo(DemoUsers.TEAM));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"自己\",\"tier\":\"PRIVATE\"}")
                .post("/api/clients").then().statusCode(403);
    }

    @Test
    void aDisabledUsersTokenStopsWorkingWithinItsLifetime() {
        String username = "e2e.rm." + UUID.randomUUID().toString().substring(0, 8);
        String userId = KeycloakTokens.createUser(username, "relationship-manager", DemoUsers.TEAM);
        String token = KeycloakTokens.shortLivedForUser(username); // lives 5 s
        given().auth().oauth2(token).get("/api/clients?rm=me").then().statusCode(200);
        KeycloakTokens.disableUser(userId);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/clients?rm=me").then().statusCode(401));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeycloakTokens.shortLivedForUser(username))
                .hasMessageContaining("400");
    }
}
