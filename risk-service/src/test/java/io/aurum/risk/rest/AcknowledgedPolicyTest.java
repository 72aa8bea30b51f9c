package io.aurum.risk.rest;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The ACKNOWLEDGED policy: acknowledgement by the client, approval by compliance, honoured by later checks. */
@QuarkusTest
@TestProfile(AcknowledgedPolicyTest.Acknowledged.class)
class AcknowledgedPolicyTest {

    public static class Acknowledged implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aurum.risk.suitability.conflict-policy", "ACKNOWLEDGED");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Test
    void anApprovedExceptionLetsTheLineThrough() throws Exception {
        UUID clientId = TestClients.register(bootstrap, DemoUsers.RM_LI_ID, "1980-03-01", "PLATINUM");
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body(RiskProfileFlowTest.BALANCED).post("/api/risk/clients/" + clientId + "/assessments")
                .then().statusCode(201);
        String check = """
                {"clientId":"%s","lines":[{"productId":"MF-EQ-CSI300","riskRating":"R4","assetClass":"EQUITY",
                  "amount":{"amount":"100000","currency":"CNY"}}]}""".formatted(clientId);
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON).body(check)
                .post("/api/risk/suitability-checks")
                .then().statusCode(200).body("overall", equalTo("REQUIRES_ACKNOWLEDGEMENT"))
                .body("lines[0].requiresComplianceApproval", equalTo(true));

        String exception = given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + clientId + "\",\"productId\":\"MF-EQ-CSI300\",\"riskRating\":\"R4\","
                        + "\"acknowledgement\":\"本人已知悉该产品风险等级高于本人风险承受能力，自愿购买。\"}")
                .post("/api/risk/suitability-exceptions")
                .then().statusCode(201).body("status", equalTo("PENDING_APPROVAL")).body("clientLevel", equalTo("C3"))
                .extract().path("id");
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).post("/api/risk/suitability-exceptions/" + exception + "/approve")
                .then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.COMPLIANCE_ZHAO)).contentType(ContentType.JSON)
                .body("{\"note\":\"客户资产充足，已电话回访确认\"}")
                .post("/api/risk/suitability-exceptions/" + exception + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.COMPLIANCE_ZHAO)).contentType(ContentType.JSON).body("{}")
                .post("/api/risk/suitability-exceptions/" + exception + "/reject")
                .then().statusCode(409);

        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON).body(check)
                .post("/api/risk/suitability-checks")
                .then().statusCode(200).body("overall", equalTo("SUITABLE"))
                .body("lines[0].exceptionId", equalTo(exception))
                .body("lines[0].reasons.code", hasItem("EXCEPTION_APPROVED"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.COMPLIANCE_ZHAO)).get("/api/risk/reports/exceptions?status=APPROVED")
                .then().statusCode(200).body("id", hasItem(exception));
        long events = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE message_key = ?1 AND event_type = 'SuitabilityExceptionApproved'")
                .setParameter(1, clientId.toString()).getSingleResult()).longValue());
        assertThat(events).isEqualTo(1);

        // the client's exceptions, as its README operation promises: its RM, compliance and its advisor read them,
        // an RM outside the book gets 404, a role the operation does not name 403
        for (String reader : new String[]{DemoUsers.RM_LI, DemoUsers.COMPLIANCE_ZHAO, DemoUsers.LEAD_ZHANG}) {
            given().auth().oauth2(KeycloakTokens.forUser(reader)).get("/api/risk/clients/" + clientId + "/suitability-exceptions")
                    .then().statusCode(200).body("id", equalTo(java.util.List.of(exception)))
                    .body("[0].status", equalTo("APPROVED")).body("[0].productId", equalTo("MF-EQ-CSI300"));
        }
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_WANG)).get("/api/risk/clients/" + clientId + "/suitability-exceptions")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.OPS_SUN)).get("/api/risk/clients/" + clientId + "/suitability-exceptions")
                .then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).get("/api/risk/clients/not-a-uuid/suitability-exceptions")
                .then().statusCode(400).body("errors[0].field", equalTo("clientId"));
        // the assessments and profile beside it still answer
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).get("/api/risk/clients/" + clientId + "/profile")
                .then().statusCode(200).body("level", equalTo("C3"));
    }
}
