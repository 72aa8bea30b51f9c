package io.aurum.risk.rest;

import io.aurum.risk.domain.ClientRef;
import io.aurum.risk.service.ExpiryJob;
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

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/**
 * Assessments, profiles, expiry events and suitability checks on real PostgreSQL, Kafka and Keycloak.
 * The client becomes known to risk-service the real way: a ClientRegistered event on client.profile.
 */
@QuarkusTest
class RiskProfileFlowTest {

    /** Scores 57 on the shipped questionnaire: C3, horizon 3–5 years. */
    static final String BALANCED = """
            {"answers":{"Q1":"B","Q2":"B","Q3":"C","Q4":"C","Q5":"B","Q6":"C","Q7":"C","Q8":"B","Q9":"C","Q10":"B","Q11":"B","Q12":"B"}}""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Inject
    ExpiryJob expiryJob;

    UUID clientId;

    @BeforeEach
    void aClientOfRmLiBornIn1955() throws Exception {
        clientId = TestClients.register(bootstrap, DemoUsers.RM_LI_ID, "1955-03-01", "GOLD");
    }

    static String token(String user) {
        return KeycloakTokens.forUser(user);
    }

    String assess(String user, String body) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(body)
                .post("/api/risk/clients/" + clientId + "/assessments")
                .then().statusCode(201).extract().path("id");
    }

    long outboxRows(String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE message_key = ?1 AND event_type = ?2")
                .setParameter(1, clientId.toString()).setParameter(2, type).getSingleResult()).longValue());
    }

    @Test
    void theRmAssessesAtTheBranchAndTheProfileIsCurrent() {
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).get("/api/risk/questionnaires/current")
                .then().statusCode(200).body("code", equalTo("CN-STD")).body("status", equalTo("PUBLISHED"))
                .body("definition.sections.questions.flatten()", hasSize(12));

        String id = assess(DemoUsers.RM_LI, BALANCED);
        given().auth().oauth2(token(DemoUsers.ADVISOR_CHEN)).get("/api/risk/clients/" + clientId + "/profile")
                .then().statusCode(200)
                .body("level", equalTo("C3")).body("score", equalTo(57)).body("mayBuy", equalTo("R1–R3"))
                .body("horizonMonths", equalTo(60)).body("vulnerable", equalTo(true))
                .body("assessmentId", equalTo(id)).body("threeTypeView", equalTo("STEADY"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/risk/clients/" + clientId + "/assessments")
                .then().statusCode(200).body("[0].channel", equalTo("BRANCH"))
                .body("[0].assessedBy", equalTo(DemoUsers.RM_LI_ID.toString()));
        assertThat(outboxRows("RiskProfileAssessed")).isEqualTo(1);
    }

    @Test
    void aCappingAnswerLowersTheLevel() {
        assess(DemoUsers.RM_LI, BALANCED.replace("\"Q10\":\"B\"", "\"Q10\":\"A\""));
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/risk/clients/" + clientId + "/assessments")
                .then().statusCode(200).body("[0].level", equalTo("C1")).body("[0].cappedBy", equalTo("Q10=A"));
    }

    @Test
    void onlyTheClientsOwnRmTeamAndSelfMayAssess() {
        given().auth().oauth2(token(DemoUsers.RM_WANG)).contentType(ContentType.JSON).body(BALANCED)
                .post("/api/risk/clients/" + clientId + "/assessments").then().statusCode(404);
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).contentType(ContentType.JSON).body(BALANCED)
                .post("/api/risk/clients/" + clientId + "/assessments").then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON).body(BALANCED)
                .post("/api/risk/clients/" + clientId + "/assessments").then().statusCode(404);
        given().auth().oauth2(token(DemoUsers.RM_WANG)).get("/api/risk/clients/" + clientId + "/profile").then().statusCode(404);
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON).body(BALANCED)
                .post("/api/risk/clients/" + clientId + "/assessments").then().statusCode(201);
    }

    @Test
    void aClientSelfAssessesOnMobile() {
        UUID self = DemoUsers.CLIENT_LIU_CLIENT_ID;
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON).body(BALANCED)
                .post("/api/risk/clients/" + self + "/assessments")
                .then().statusCode(201).body("channel", equalTo("MOBILE")).body("assessedByRole", equalTo("client"));
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).get("/api/risk/clients/" + self + "/profile")
                .then().statusCode(200).body("level", equalTo("C3"));
        given().auth().oauth2(token(DemoUsers.CLIENT_HUANG)).get("/api/risk/clients/" + self + "/profile")
                .then().statusCode(404);
    }

    @Test
    void answersThatDoNotFitAreNamed() {
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"answers\":{\"Q1\":\"B\",\"Q99\":\"A\",\"Q2\":\"Z\"}}")
                .post("/api/risk/clients/" + clientId + "/assessments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://aurum.bank/problems/invalid-answers"))
                .body("errors.field", hasItems("answers.Q99", "answers.Q2", "answers.Q3"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{}")
                .post("/api/risk/clients/" + clientId + "/assessments")
                .then().statusCode(400).body("errors.field", hasItem("answers"));
    }

    @Test
    void historyIsImmutableInTheDatabase() {
        String id = assess(DemoUsers.RM_LI, BALANCED);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("UPDATE risk_assessment SET level = 'C5' WHERE id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate()))
                .hasStackTraceContaining("immutable");
    }

    @Test
    void expiringThenExpiredAreRaisedOnceEach() {
        assess(DemoUsers.RM_LI, BALANCED);
        Instant now = Instant.now();
        expiryJob.run(now.plus(Duration.ofDays(300)));
        assertThat(outboxRows("RiskProfileExpiring")).isZero();
        expiryJob.run(now.plus(Duration.ofDays(340)));
        expiryJob.run(now.plus(Duration.ofDays(341)));
        assertThat(outboxRows("RiskProfileExpiring")).isEqualTo(1);
        expiryJob.run(now.plus(Duration.ofDays(370)));
        expiryJob.run(now.plus(Duration.ofDays(371)));
        assertThat(outboxRows("RiskProfileExpired")).isEqualTo(1);
    }

    @Test
    void suitabilityChecksAProposalAgainstTheCurrentProfile() {
        String proposal = """
                {"clientId":"%s","lines":[
                  {"productId":"MF-BAL-001","riskRating":"R3","assetClass":"EQUITY","lockupDays":0,"amount":{"amount":"500000.00","currency":"CNY"}},
                  {"productId":"MF-EQ-CSI300","riskRating":"R4","assetClass":"EQUITY","lockupDays":0,"amount":{"amount":"200000.00","currency":"CNY"}}]}"""
                .formatted(clientId);
        given().auth().oauth2(token(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON).body(proposal)
                .post("/api/risk/suitability-checks")
                .then().statusCode(200).body("overall", equalTo("NOT_ASSESSED"))
                .body("lines[0].reasons[0].code", equalTo("PROFILE_MISSING"));

        assess(DemoUsers.RM_LI, BALANCED);
        given().auth().oauth2(token(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON).body(proposal)
                .post("/api/risk/suitability-checks")
                .then().statusCode(200)
                .body("overall", equalTo("UNSUITABLE"))
                .body("lines[0].verdict", equalTo("SUITABLE"))
                .body("lines[1].verdict", equalTo("UNSUITABLE"))
                .body("lines[1].reasons.code", hasItems("RISK_ABOVE_LEVEL", "ELDERLY_HIGH_RISK"))
                .body("lines[1].reasons.find { it.code == 'RISK_ABOVE_LEVEL' }.textZh", equalTo("产品风险等级高于客户风险承受能力"));
        given().auth().oauth2(token(DemoUsers.RM_WANG)).contentType(ContentType.JSON).body(proposal)
                .post("/api/risk/suitability-checks").then().statusCode(404);
    }

    @Test
    void malformedProductSnapshotsAreNamed() {
        given().auth().oauth2(token(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + clientId + "\",\"lines\":[{\"productId\":\"x\",\"riskRating\":\"R9\","
                        + "\"amount\":{\"amount\":\"-5\",\"currency\":\"CNY\"}}]}")
                .post("/api/risk/suitability-checks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("lines[0].riskRating", "lines[0].amount.amount"));
        given().auth().oauth2(token(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + clientId + "\",\"lines\":[{\"productId\":\"x\",\"riskRating\":\"R1\","
                        + "\"amount\":{\"amount\":\"5\",\"currency\":\"USD\"}}]}")
                .post("/api/risk/suitability-checks")
                .then().statusCode(400).body("errors[0].field", equalTo("lines[0].amount.currency"));
    }

    @Test
    void publishedQuestionnairesAreImmutableAndDraftsAreValidated() {
        String current = given().auth().oauth2(token(DemoUsers.OPS_SUN)).get("/api/risk/questionnaires/current")
                .then().statusCode(200).extract().path("id");
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body("{\"titleZh\":\"x\",\"titleEn\":\"x\",\"sections\":[],\"bands\":[]}")
                .put("/api/risk/questionnaires/" + current)
                .then().statusCode(409).body("type", equalTo("https://aurum.bank/problems/questionnaire-immutable"));
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body("{\"code\":\"CN-STD\",\"definition\":{\"titleZh\":\"x\",\"titleEn\":\"x\",\"sections\":[],\"bands\":[]}}")
                .post("/api/risk/questionnaires")
                .then().statusCode(400).body("errors.field", hasItems("definition.sections", "definition.bands"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"code\":\"CN-STD\",\"definition\":{}}").post("/api/risk/questionnaires").then().statusCode(403);
    }

    @Test
    void underStrictNoExceptionCanBeRequestedAndComplianceSeesTheFailures() {
        assess(DemoUsers.RM_LI, BALANCED);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + clientId + "\",\"productId\":\"PF-PE-GROWTH\",\"riskRating\":\"R5\","
                        + "\"acknowledgement\":\"我了解风险\"}")
                .post("/api/risk/suitability-exceptions")
                .then().statusCode(409).body("type", equalTo("https://aurum.bank/problems/policy-strict"));
        given().auth().oauth2(token(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + clientId + "\",\"lines\":[{\"productId\":\"x\",\"riskRating\":\"R5\","
                        + "\"amount\":{\"amount\":\"10\",\"currency\":\"CNY\"}}]}")
                .post("/api/risk/suitability-checks").then().statusCode(200).body("overall", equalTo("UNSUITABLE"));
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).get("/api/risk/reports/failed-checks")
                .then().statusCode(200).body("reasonCode", hasItem("RISK_ABOVE_LEVEL"));
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).get("/api/risk/reports/clients-without-valid-profile")
                .then().statusCode(200);
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).get("/api/risk/reports/failed-checks?from=yesterday")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        // a year the database cannot hold was a 500 (issue 28)
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).queryParam("to", "+999999999-12-31T23:59:59Z")
                .get("/api/risk/reports/failed-checks").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to")).body("errors[0].message", equalTo("must be a date and time with its offset"
                        + " (ISO-8601, e.g. 2026-11-25T09:30:00Z) between 1900-01-01 and 2200-12-31"));
        // hostile bodies name the field in bank words, never a Java type
        given().auth().oauth2(token(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + clientId + "\",\"lines\":[{\"productId\":\"x\\u0000\",\"riskRating\":\"R5\","
                        + "\"amount\":{\"amount\":1e-2000000,\"currency\":\"CNY\"}}]}")
                .post("/api/risk/suitability-checks").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("lines[0].productId"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("java")));
        given().auth().oauth2(token(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + clientId + "\",\"lines\":[{\"productId\":\"x\",\"riskRating\":\"R5\","
                        + "\"amount\":{\"amount\":1e-2000000,\"currency\":\"CNY\"}}]}")
                .post("/api/risk/suitability-checks").then().statusCode(400)
                .body("errors[0].field", equalTo("lines[0].amount.amount"))
                .body("errors[0].message", equalTo("must be a decimal number with at most 18 digits before and 8 after the point"));
        given().auth().oauth2(token(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"not-a-uuid\",\"lines\":[]}")
                .post("/api/risk/suitability-checks").then().statusCode(400)
                .body("errors[0].field", equalTo("clientId")).body("errors[0].message", equalTo("must be a UUID"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/risk/reports/failed-checks").then().statusCode(403);
    }

    @Test
    void aumAndFinancialFactsFromClientEventsFeedTheChecks() throws Exception {
        assess(DemoUsers.RM_LI, BALANCED); // C3
        TestClients.sendEvent(bootstrap, "client.aum", "ClientAumChanged", clientId,
                "{\"clientId\":\"" + clientId + "\",\"aumCny\":\"1000000.00\",\"highRiskHoldingsCny\":\"0\"}");
        TestClients.sendEvent(bootstrap, "client.profile", "ClientFinancialFactsUpdated", clientId,
                "{\"clientId\":\"" + clientId + "\",\"financialAssets\":\"6000000\"}");
        TestClients.sendEvent(bootstrap, "client.consent", "ClientConsentChanged", clientId,
                "{\"clientId\":\"" + clientId + "\",\"purpose\":\"PARTNER_SHARING\",\"granted\":false}");
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            ClientRef ref = ClientRef.findById(clientId);
            return ref.aumCny != null && ref.financialAssets != null && ref.consents.containsKey("PARTNER_SHARING");
        }));
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/risk/clients/" + clientId + "/profile")
                .then().statusCode(200).body("partnerSharingConsent", equalTo(false));
        // 600k of 1.6M in one product is over 30%; the qualified-investor bar is met by 6M of financial assets
        given().auth().oauth2(token(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + clientId + "\",\"lines\":[{\"productId\":\"TR-FAM-01\",\"riskRating\":\"R3\","
                        + "\"qualifiedInvestorOnly\":true,\"amount\":{\"amount\":\"600000\",\"currency\":\"CNY\"}}]}")
                .post("/api/risk/suitability-checks")
                .then().statusCode(200)
                .body("overall", equalTo("REQUIRES_ACKNOWLEDGEMENT"))
                .body("lines[0].reasons.code", contains("CONCENTRATION_SINGLE_PRODUCT"));
    }

    @Test
    void onlyThePublishedVersionCanBeAnswered() {
        String current = given().auth().oauth2(token(DemoUsers.OPS_SUN)).get("/api/risk/questionnaires/current")
                .then().statusCode(200).extract().path("id");
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body(BALANCED.replace("{\"answers\"", "{\"questionnaireId\":\"" + UUID.randomUUID() + "\",\"answers\""))
                .post("/api/risk/clients/" + clientId + "/assessments").then().statusCode(404);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body(BALANCED.replace("{\"answers\"", "{\"questionnaireId\":\"" + current + "\",\"answers\""))
                .post("/api/risk/clients/" + clientId + "/assessments").then().statusCode(201);
    }
}
