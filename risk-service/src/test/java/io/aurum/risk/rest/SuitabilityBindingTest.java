package io.aurum.risk.rest;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Issue 27: risk-service decides on the product attributes it is sent, so only advisory-service — which takes them from
 * the shelf — gets a binding answer. Staff get a what-if (binding: false), and a client, who once called an R4 fund "R1"
 * here and got SUITABLE, is sent to advisory-service's check. Real PostgreSQL, Kafka and Keycloak tokens (users and
 * service accounts).
 */
@QuarkusTest
class SuitabilityBindingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    UUID clientId;

    /** The client's own description of an R4 fund (MF-QDII-SPX on the shelf). */
    static String r4CalledR1(UUID client) {
        return """
                {"clientId":"%s","lines":[{"productId":"MF-QDII-SPX","riskRating":"R1","assetClass":"EQUITY","lockupDays":0,
                  "amount":{"amount":"100000.00","currency":"CNY"}}]}""".formatted(client);
    }

    static String asShelved(UUID client) {
        return r4CalledR1(client).replace("\"R1\"", "\"R4\"");
    }

    static String advisoryService() {
        return KeycloakTokens.forClient("advisory-service", "dev-advisory-service-secret");
    }

    @BeforeEach
    void aBalancedClientOfRmLi() throws Exception {
        clientId = TestClients.register(bootstrap, DemoUsers.RM_LI_ID, "1980-03-01", "GOLD");
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body(RiskProfileFlowTest.BALANCED).post("/api/risk/clients/" + clientId + "/assessments")
                .then().statusCode(201).body("level", equalTo("C3"));
    }

    Boolean lastRecordedBinding() {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                        "SELECT binding FROM suitability_check WHERE client_id = ?1 ORDER BY checked_at DESC LIMIT 1")
                .setParameter(1, clientId).getSingleResult());
    }

    @Test
    void aClientStatingItsOwnProductAttributesIsSentToTheAdviceCheck() {
        // its own id or another's: the route does not take a client's word on a product
        for (UUID asked : new UUID[]{DemoUsers.CLIENT_LIU_CLIENT_ID, clientId}) {
            given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON)
                    .body(r4CalledR1(asked)).post("/api/risk/suitability-checks")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://aurum.bank/problems/suitability-check-through-advice"))
                    .body("detail", containsString("POST /api/advice/suitability-checks"));
        }
        long recorded = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM suitability_check WHERE client_id = ?1").setParameter(1, clientId).getSingleResult()).longValue());
        assertThat(recorded).isZero();
    }

    @Test
    void onlyAdvisoryServiceGetsABindingAnswerStaffGetAWhatIf() {
        // advisory-service, with the shelf's rating: the real verdict, binding
        given().auth().oauth2(advisoryService()).contentType(ContentType.JSON).body(asShelved(clientId))
                .post("/api/risk/suitability-checks").then().statusCode(200)
                .body("binding", equalTo(true))
                .body("overall", equalTo("UNSUITABLE"))
                .body("lines[0].reasons.code", hasItem("RISK_ABOVE_LEVEL"));
        assertThat(lastRecordedBinding()).isTrue();
        // an advisor trying the same fund as "R1": answered, but as a what-if that binds nobody
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON).body(r4CalledR1(clientId))
                .post("/api/risk/suitability-checks").then().statusCode(200)
                .body("binding", equalTo(false))
                .body("overall", equalTo("SUITABLE"));
        assertThat(lastRecordedBinding()).isFalse();
        for (String staff : new String[]{DemoUsers.RM_LI, DemoUsers.LEAD_ZHANG, DemoUsers.COMPLIANCE_ZHAO}) {
            given().auth().oauth2(KeycloakTokens.forUser(staff)).contentType(ContentType.JSON).body(asShelved(clientId))
                    .post("/api/risk/suitability-checks").then().statusCode(200).body("binding", equalTo(false));
        }
        // another Aurum service is not the shelf's voice either
        given().auth().oauth2(KeycloakTokens.forClient("engagement-service", "dev-engagement-service-secret"))
                .contentType(ContentType.JSON).body(asShelved(clientId))
                .post("/api/risk/suitability-checks").then().statusCode(200).body("binding", equalTo(false));
        assertThat(lastRecordedBinding()).isFalse();
        // ops and partners have no business here
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.OPS_SUN)).contentType(ContentType.JSON).body(asShelved(clientId))
                .post("/api/risk/suitability-checks").then().statusCode(403);
    }
}
