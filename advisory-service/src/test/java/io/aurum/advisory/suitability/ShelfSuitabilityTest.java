package io.aurum.advisory.suitability;

import io.aurum.advisory.support.AdviceFixtures;
import io.aurum.advisory.support.RiskServiceStub;
import io.aurum.testing.DemoUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.aurum.advisory.support.AdviceFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Issue 27: a client that called an R4 fund "R1" got SUITABLE from risk-service. The binding check is advisory-service's:
 * the caller names products, the shelf says what they are, risk-service decides (stood in for here; risk-service's own
 * refusal of clients is in its module's tests).
 */
@QuarkusTest
@QuarkusTestResource(RiskServiceStub.class)
class ShelfSuitabilityTest {

    static final UUID LIU = DemoUsers.CLIENT_LIU_CLIENT_ID;

    @Inject
    AdviceFixtures fixtures;

    @AfterEach
    void binding() {
        RiskServiceStub.binding = true;
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    @Test
    void aClientsCheckIsDecidedOnTheShelfsRatingNotOnWhatTheClientSays() throws Exception {
        fixtures.demoClientLiu("C3");
        // the body has no room for a rating: whatever the client believes about MF-QDII-SPX, the shelf says R4
        as(DemoUsers.CLIENT_LIU).body("""
                {"clientId":"%s","lines":[{"product":"MF-QDII-SPX","riskRating":"R1","amount":{"amount":"100000.00","currency":"CNY"}}]}"""
                .formatted(LIU)).post("/api/advice/suitability-checks").then().statusCode(200)
                .body("binding", equalTo(true))
                .body("overall", equalTo("UNSUITABLE"))
                .body("lines[0].verdict", equalTo("UNSUITABLE"))
                .body("lines[0].reasons.code", hasItem("RISK_ABOVE_LEVEL"))
                .body("lines[0].product.riskRating", equalTo("R4"))
                .body("lines[0].product.code", equalTo("MF-QDII-SPX"))
                .body("lines[0].amount.amount", equalTo("100000.00"));
        assertThat(RiskServiceStub.lastRequest.path("lines").get(0).path("riskRating").asText()).isEqualTo("R4");
        assertThat(RiskServiceStub.lastTokenClaims().path("azp").asText()).isEqualTo("advisory-service");
        // by id, without an amount (the minimum investment), with the shelf's lock-up and private flag
        as(DemoUsers.CLIENT_LIU).body("""
                {"clientId":"%s","lines":[{"product":"a0000000-0000-4000-8000-000000000005"},{"product":"PF-HEDGE-MN"}]}"""
                .formatted(LIU)).post("/api/advice/suitability-checks").then().statusCode(200)
                .body("lines[0].verdict", equalTo("SUITABLE")).body("lines[0].amount.amount", equalTo("1000.00"))
                .body("lines[1].product.privateProduct", equalTo(true)).body("lines[1].product.lockupDays", equalTo(180))
                .body("lines[1].verdict", equalTo("UNSUITABLE"));
        assertThat(RiskServiceStub.lastRequest.path("lines").get(1).path("privateProduct").asBoolean()).isTrue();
        assertThat(RiskServiceStub.lastRequest.path("lines").get(1).path("lockupDays").asInt()).isEqualTo(180);
    }

    @Test
    void theClientChecksForItselfAndStaffWithinTheirReach() {
        fixtures.demoClientLiu("C3");
        String body = """
                {"clientId":"%s","lines":[{"product":"MF-BAL-001"}]}""".formatted(LIU);
        for (String user : new String[]{DemoUsers.ADVISOR_CHEN, DemoUsers.RM_LI, DemoUsers.LEAD_ZHANG, DemoUsers.COMPLIANCE_ZHAO}) {
            as(user).body(body).post("/api/advice/suitability-checks").then().statusCode(200).body("binding", equalTo(true));
        }
        as(DemoUsers.RM_WANG).body(body).post("/api/advice/suitability-checks").then().statusCode(404);
        as(DemoUsers.CLIENT_HUANG).body(body).post("/api/advice/suitability-checks").then().statusCode(404);
        as(DemoUsers.OPS_SUN).body(body).post("/api/advice/suitability-checks").then().statusCode(403);
    }

    @Test
    void productsNotOnTheShelfOrNotInCnyAreNamed() {
        fixtures.demoClientLiu("C3");
        as(DemoUsers.CLIENT_LIU).body("""
                {"clientId":"%s","lines":[{"product":"MF-BAL-001"},{"product":"NO-SUCH-FUND"}]}""".formatted(LIU))
                .post("/api/advice/suitability-checks").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("lines[1].product"));
        as(DemoUsers.CLIENT_LIU).body("""
                {"clientId":"%s","lines":[{"product":"WM-OLD-2024"}]}""".formatted(LIU))
                .post("/api/advice/suitability-checks").then().statusCode(400).body("errors[0].field", equalTo("lines[0].product"));
        as(DemoUsers.CLIENT_LIU).body("""
                {"clientId":"%s","lines":[{"product":"MF-USD-BOND"}]}""".formatted(LIU))
                .post("/api/advice/suitability-checks").then().statusCode(400).body("errors[0].message", containsString("USD"));
        as(DemoUsers.CLIENT_LIU).body("""
                {"clientId":"%s","lines":[{"product":"MF-BAL-001","amount":{"amount":"1000.00","currency":"USD"}}]}""".formatted(LIU))
                .post("/api/advice/suitability-checks").then().statusCode(400)
                .body("errors[0].field", equalTo("lines[0].amount.currency"));
        as(DemoUsers.CLIENT_LIU).body("{\"clientId\":\"" + LIU + "\",\"lines\":[]}")
                .post("/api/advice/suitability-checks").then().statusCode(400);
    }

    @Test
    void aWhatIfFromRiskServiceIsNotPassedOffAsBinding() {
        fixtures.demoClientLiu("C3");
        RiskServiceStub.binding = false;
        as(DemoUsers.CLIENT_LIU).body("""
                {"clientId":"%s","lines":[{"product":"MF-BAL-001"}]}""".formatted(LIU))
                .post("/api/advice/suitability-checks").then().statusCode(503).contentType("application/problem+json");
    }
}
