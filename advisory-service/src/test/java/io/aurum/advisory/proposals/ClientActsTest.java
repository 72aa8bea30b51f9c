package io.aurum.advisory.proposals;

import io.aurum.advisory.service.ProposalAcceptance;
import io.aurum.advisory.support.AdviceFixtures;
import io.aurum.advisory.support.RiskServiceStub;
import io.aurum.testing.DemoUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.aurum.advisory.support.AdviceFixtures.token;
import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;
import static io.restassured.config.RestAssuredConfig.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 27: the client's own acts on a proposal, through the HTTP API on real PostgreSQL, Kafka and Keycloak tokens
 * (risk-service stood in for, as in {@link ProposalFlowTest}). Each bypass that was reproduced — staff accepting for the
 * client, lines that needed acknowledging accepted without it, a private product final the moment it was accepted — is
 * tried again by the role that tried it, and the legitimate paths are walked through.
 */
@QuarkusTest
@QuarkusTestResource(RiskServiceStub.class)
class ClientActsTest {

    static final String FI_180 = "a0000000-0000-4000-8000-000000000003"; // R2, locked up 180 days
    static final String BALANCED_FUND = "a0000000-0000-4000-8000-000000000005"; // R3, no lock-up
    static final String CSI300 = "a0000000-0000-4000-8000-000000000006"; // R4 equity fund
    static final String HEDGE_FUND = "a0000000-0000-4000-8000-000000000028"; // PRIVATE_FUND, R4, minimum 1,000,000
    static final String DISCLOSURE = "RD-2026-1";
    static final UUID LIU = DemoUsers.CLIENT_LIU_CLIENT_ID;

    @Inject
    AdviceFixtures fixtures;

    @Inject
    ProposalAcceptance acceptance;

    @AfterEach
    void plainFacts() {
        RiskServiceStub.FACTS.clear();
        RiskServiceStub.binding = true;
    }

    static RequestSpecification as(String user) {
        return given().config(config().jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    /** A proposal with these lines (product, amount, …), presented by the advisor. */
    String presented(UUID client, String... productAndAmount) {
        StringBuilder lines = new StringBuilder("{\"lines\":[");
        for (int i = 0; i < productAndAmount.length; i += 2) {
            lines.append(i == 0 ? "" : ",").append("{\"productId\":\"").append(productAndAmount[i])
                    .append("\",\"amount\":{\"amount\":\"").append(productAndAmount[i + 1]).append("\",\"currency\":\"CNY\"}}");
        }
        Response draft = as(DemoUsers.ADVISOR_CHEN).body("""
                {"clientId":"%s","amount":{"amount":"1000000.00","currency":"CNY"}}""".formatted(client)).post("/api/advice/proposals");
        draft.then().statusCode(201);
        String id = draft.path("id");
        as(DemoUsers.ADVISOR_CHEN).header("If-Match", draft.header("ETag")).body(lines.append("]}").toString())
                .put("/api/advice/proposals/" + id + "/lines").then().statusCode(200);
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/present").then().statusCode(200)
                .body("status", equalTo("PRESENTED"));
        return id;
    }

    static String acknowledgement(int line, String codes, String version) {
        return "{\"line\":" + line + ",\"reasonCodes\":[" + codes + "],\"disclosureVersion\":\"" + version + "\"}";
    }

    @Test
    void staffCannotAcceptLinesThatNeedTheClientsAcknowledgement() {
        UUID client = fixtures.clientAssessed("C3");
        RiskServiceStub.FACTS.put(client, new RiskServiceStub.Facts(false, 90, true));
        String id = presented(client, FI_180, "600000.00", BALANCED_FUND, "400000.00");
        String path = "/api/advice/proposals/" + id;
        as(DemoUsers.ADVISOR_CHEN).get(path).then().statusCode(200)
                .body("lines[0].verdict", equalTo("REQUIRES_ACKNOWLEDGEMENT"))
                .body("lines[0].toAcknowledge", equalTo(java.util.List.of("LOCKUP_EXCEEDS_HORIZON")))
                .body("lines[0].acknowledged", equalTo(false))
                .body("lines[1].toAcknowledge", hasSize(0))
                .body("riskDisclosure.version", equalTo(DISCLOSURE));
        // the reproduced bypass: the advisor, the RM and the team lead each "accept" for the client
        for (String staff : new String[]{DemoUsers.ADVISOR_CHEN, DemoUsers.RM_LI, DemoUsers.LEAD_ZHANG}) {
            as(staff).post(path + "/accept").then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("https://aurum.bank/problems/acknowledgement-required"))
                    .body("errors[0].field", equalTo("lines[0]"))
                    .body("errors[0].message", containsString("ACKNOWLEDGEMENT_REQUIRED"))
                    .body("errors[0].message", containsString("LOCKUP_EXCEEDS_HORIZON"));
        }
        // a staff capture of the acknowledgement alone is not the client's: it waits for a second staff member
        as(DemoUsers.RM_LI).body(acknowledgement(1, "\"LOCKUP_EXCEEDS_HORIZON\"", DISCLOSURE)).post(path + "/acknowledgements")
                .then().statusCode(201).body("channel", equalTo("BRANCH")).body("clientsOwn", equalTo(false));
        as(DemoUsers.RM_LI).post(path + "/accept").then().statusCode(409)
                .body("type", containsString("second-confirmation-required"))
                .body("errors[0].message", containsString("LOCKUP_EXCEEDS_HORIZON"));
        // compliance never acts, a colleague outside the book cannot reach it, a client cannot capture for another
        as(DemoUsers.COMPLIANCE_ZHAO).post(path + "/accept").then().statusCode(403);
        as(DemoUsers.RM_WANG).post(path + "/accept").then().statusCode(404);
        as(DemoUsers.CLIENT_LIU).post(path + "/accept").then().statusCode(404);
        as(DemoUsers.ADVISOR_CHEN).get(path).then().body("status", equalTo("PRESENTED"));
        assertThat(fixtures.outboxForProposal("ProposalAccepted", id)).isZero();
        assertThat(fixtures.sql("SELECT count(*) FROM sale_evidence WHERE proposal_id = '" + id + "' AND kind = 'ACCEPTANCE'")).isZero();
    }

    @Test
    void theClientAcknowledgesInTheAppAndAccepts() {
        fixtures.demoClientLiu("C3");
        RiskServiceStub.FACTS.put(LIU, new RiskServiceStub.Facts(false, 90, true));
        String id = presented(LIU, FI_180, "600000.00", BALANCED_FUND, "400000.00");
        String path = "/api/advice/proposals/" + id;
        as(DemoUsers.CLIENT_LIU).body(acknowledgement(1, "\"LOCKUP_EXCEEDS_HORIZON\"", "RD-2025-9")).post(path + "/acknowledgements")
                .then().statusCode(409).body("type", containsString("disclosure-outdated")).body("errors[0].field", equalTo("disclosureVersion"));
        as(DemoUsers.CLIENT_LIU).body(acknowledgement(1, "\"AUM_UNKNOWN\"", DISCLOSURE)).post(path + "/acknowledgements")
                .then().statusCode(409).body("type", containsString("acknowledgement-incomplete"))
                .body("errors[0].message", containsString("LOCKUP_EXCEEDS_HORIZON"));
        as(DemoUsers.CLIENT_LIU).body(acknowledgement(2, "\"AUM_UNKNOWN\"", DISCLOSURE)).post(path + "/acknowledgements")
                .then().statusCode(409).body("type", containsString("nothing-to-acknowledge"));
        as(DemoUsers.CLIENT_LIU).body(acknowledgement(1, "\"LOCKUP_EXCEEDS_HORIZON\",\"AUM_UNKNOWN\"", DISCLOSURE))
                .post(path + "/acknowledgements").then().statusCode(201)
                .body("kind", equalTo("ACKNOWLEDGEMENT")).body("channel", equalTo("APP")).body("capturedBy", equalTo("client.liu"))
                .body("reasonCodes", equalTo(java.util.List.of("AUM_UNKNOWN", "LOCKUP_EXCEEDS_HORIZON")))
                .body("disclosureVersion", equalTo(DISCLOSURE)).body("clientsOwn", equalTo(true));
        as(DemoUsers.CLIENT_LIU).body(acknowledgement(1, "\"LOCKUP_EXCEEDS_HORIZON\"", DISCLOSURE)).post(path + "/acknowledgements")
                .then().statusCode(409).body("type", containsString("already-acknowledged"));
        as(DemoUsers.CLIENT_LIU).get(path).then().body("lines[0].acknowledged", equalTo(true));
        as(DemoUsers.CLIENT_LIU).body("{\"disclosureVersion\":\"" + DISCLOSURE + "\"}").post(path + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo("client.liu")).body("finalAt", notNullValue())
                .body("coolingOffUntil", nullValue())
                .body("evidence.find { it.kind == 'ACCEPTANCE' }.channel", equalTo("APP"));
        assertThat(fixtures.outboxForProposal("ProposalAccepted", id)).isOne();
        assertThat(fixtures.sql("SELECT count(*) FROM outbox_event WHERE event_type = 'ProposalAccepted' AND envelope LIKE '%" + id
                + "%' AND envelope LIKE '%\"decidedByClient\":true%' AND envelope LIKE '%\"channel\":\"APP\"%'")).isOne();
        // what was shown is kept with the act, and kept as recorded
        assertThat(fixtures.sql("SELECT count(*) FROM sale_evidence WHERE proposal_id = '" + id + "' AND disclosure_version = '"
                + DISCLOSURE + "' AND disclosure_zh LIKE '%理财非存款%' AND captured_by = 'client.liu'")).isEqualTo(2);
        assertThatThrownBy(() -> fixtures.exec("UPDATE sale_evidence SET captured_by = 'rm.li' WHERE proposal_id = '" + id + "'"))
                .hasStackTraceContaining("kept as recorded");
        assertThatThrownBy(() -> fixtures.exec("DELETE FROM sale_evidence WHERE proposal_id = '" + id + "'"))
                .hasStackTraceContaining("kept as recorded");
    }

    @Test
    void aBranchAcceptanceIsNotConfirmedForAClientWhoBecameAPepSinceItsCapture() {
        UUID client = fixtures.clientAssessed("C3");
        RiskServiceStub.FACTS.put(client, new RiskServiceStub.Facts(false, 90, false));
        String id = presented(client, FI_180, "600000.00", BALANCED_FUND, "400000.00");
        String path = "/api/advice/proposals/" + id;
        String ack = as(DemoUsers.RM_LI).body(acknowledgement(1, "\"LOCKUP_EXCEEDS_HORIZON\"", DISCLOSURE))
                .post(path + "/acknowledgements").then().statusCode(201).extract().path("id");
        as(DemoUsers.ADVISOR_CHEN).post(path + "/acknowledgements/" + ack + "/confirmation").then().statusCode(200);
        as(DemoUsers.ADVISOR_CHEN).post(path + "/accept").then().statusCode(202);
        // compliance has since approved the PEP flag (client-service's event reached advisory's client projection)
        fixtures.exec("UPDATE client_ref SET pep = true, edd_approved = false WHERE client_id = '" + client + "'");
        as(DemoUsers.LEAD_ZHANG).post(path + "/accept/confirmation").then().statusCode(409)
                .body("type", containsString("enhanced-due-diligence-required"));
        assertThat(fixtures.outboxForProposal("ProposalAccepted", id)).isZero();
    }

    @Test
    void aBranchCaptureCountsOnceASecondStaffMemberConfirmsItAndBothNamesAreKept() {
        UUID client = fixtures.clientAssessed("C3");
        RiskServiceStub.FACTS.put(client, new RiskServiceStub.Facts(false, 90, false));
        String id = presented(client, FI_180, "600000.00", BALANCED_FUND, "400000.00");
        String path = "/api/advice/proposals/" + id;
        String ack = as(DemoUsers.RM_LI).body(acknowledgement(1, "\"LOCKUP_EXCEEDS_HORIZON\"", DISCLOSURE))
                .post(path + "/acknowledgements").then().statusCode(201)
                .body("channel", equalTo("BRANCH")).body("capturedBy", equalTo("rm.li")).body("confirmedBy", nullValue())
                .extract().path("id");
        // the same staff member confirming their own capture
        as(DemoUsers.RM_LI).post(path + "/acknowledgements/" + ack + "/confirmation").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("same-staff-confirmation"))
                .body("errors[0].message", containsString("SAME_STAFF_CONFIRMATION"));
        as(DemoUsers.COMPLIANCE_ZHAO).post(path + "/acknowledgements/" + ack + "/confirmation").then().statusCode(403);
        as(DemoUsers.CLIENT_LIU).post(path + "/acknowledgements/" + ack + "/confirmation").then().statusCode(403);
        as(DemoUsers.RM_WANG).post(path + "/acknowledgements/" + ack + "/confirmation").then().statusCode(404);
        as(DemoUsers.ADVISOR_CHEN).post(path + "/acknowledgements/" + ack + "/confirmation").then().statusCode(200)
                .body("confirmedBy", equalTo("advisor.chen")).body("capturedBy", equalTo("rm.li")).body("clientsOwn", equalTo(true));
        as(DemoUsers.LEAD_ZHANG).post(path + "/acknowledgements/" + ack + "/confirmation").then().statusCode(409)
                .body("type", containsString("already-confirmed"));
        // the acceptance captured at the branch is not final until someone else confirms it
        as(DemoUsers.ADVISOR_CHEN).post(path + "/accept").then().statusCode(202).body("status", equalTo("PRESENTED"))
                .body("evidence.find { it.kind == 'ACCEPTANCE' }.confirmedBy", nullValue());
        assertThat(fixtures.outboxForProposal("ProposalAccepted", id)).isZero();
        as(DemoUsers.RM_LI).post(path + "/accept").then().statusCode(409).body("type", containsString("second-confirmation-required"));
        as(DemoUsers.ADVISOR_CHEN).post(path + "/accept/confirmation").then().statusCode(409)
                .body("type", containsString("same-staff-confirmation"));
        as(DemoUsers.ADVISOR_CHEN).get(path).then().body("status", equalTo("PRESENTED"));
        as(DemoUsers.LEAD_ZHANG).post(path + "/accept/confirmation").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo("advisor.chen"))
                .body("evidence.find { it.kind == 'ACCEPTANCE' }.capturedBy", equalTo("advisor.chen"))
                .body("evidence.find { it.kind == 'ACCEPTANCE' }.confirmedBy", equalTo("lead.zhang"))
                .body("evidence.find { it.kind == 'ACKNOWLEDGEMENT' }.capturedBy", equalTo("rm.li"))
                .body("evidence.find { it.kind == 'ACKNOWLEDGEMENT' }.confirmedBy", equalTo("advisor.chen"));
        assertThat(fixtures.outboxForProposal("ProposalAccepted", id)).isOne();
        assertThat(fixtures.sql("SELECT count(*) FROM outbox_event WHERE event_type = 'ProposalAccepted' AND envelope LIKE '%" + id
                + "%' AND envelope LIKE '%\"channel\":\"BRANCH\"%' AND envelope LIKE '%\"confirmedBy\":\"lead.zhang\"%'")).isOne();
        as(DemoUsers.LEAD_ZHANG).post(path + "/accept/confirmation").then().statusCode(409);
    }

    @Test
    void anElderlyClientsHighRiskLineNeedsTheExtraConfirmationRecorded() {
        fixtures.demoClientLiu("C4");
        RiskServiceStub.FACTS.put(LIU, new RiskServiceStub.Facts(true, null, false));
        String id = presented(LIU, CSI300, "300000.00", BALANCED_FUND, "200000.00");
        String path = "/api/advice/proposals/" + id;
        String ack = as(DemoUsers.CLIENT_LIU).body(acknowledgement(1, "\"ELDERLY_HIGH_RISK\"", DISCLOSURE))
                .post(path + "/acknowledgements").then().statusCode(201).body("channel", equalTo("APP")).extract().path("id");
        as(DemoUsers.CLIENT_LIU).get(path).then().body("lines[0].extraConfirmation", equalTo(true))
                .body("lines[0].acknowledged", equalTo(false));
        as(DemoUsers.CLIENT_LIU).post(path + "/accept").then().statusCode(409)
                .body("type", containsString("extra-confirmation-required"))
                .body("errors[0].message", containsString("ELDERLY_HIGH_RISK"));
        as(DemoUsers.RM_LI).post(path + "/acknowledgements/" + ack + "/confirmation").then().statusCode(200)
                .body("capturedBy", equalTo("client.liu")).body("confirmedBy", equalTo("rm.li"));
        as(DemoUsers.CLIENT_LIU).post(path + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        assertThat(fixtures.outboxForProposal("ProposalAccepted", id)).isOne();
    }

    @Test
    void aPrivateProductsAcceptanceIsNotFinalAndTheClientMayWithdrawWithinTheCoolingOff() {
        fixtures.demoClientLiu("C4");
        String id = presented(LIU, HEDGE_FUND, "1000000.00");
        String path = "/api/advice/proposals/" + id;
        Instant before = Instant.now();
        Response accepted = as(DemoUsers.CLIENT_LIU).post(path + "/accept");
        accepted.then().statusCode(200).body("status", equalTo("COOLING_OFF")).body("finalAt", nullValue());
        Instant until = Instant.parse(accepted.path("coolingOffUntil"));
        assertThat(until).isBetween(before.plus(Duration.ofHours(24)), Instant.now().plus(Duration.ofHours(24)));
        assertThat(fixtures.outboxForProposal("ProposalAccepted", id)).isZero();
        assertThat(fixtures.outboxForProposal("ProposalCoolingOffStarted", id)).isOne();
        // nothing is final before the window closes
        acceptance.finaliseDue(Instant.now());
        as(DemoUsers.CLIENT_LIU).get(path).then().body("status", equalTo("COOLING_OFF"));
        // withdrawing is the client's own act
        as(DemoUsers.RM_LI).post(path + "/cancel").then().statusCode(403);
        as(DemoUsers.CLIENT_HUANG).post(path + "/cancel").then().statusCode(404);
        as(DemoUsers.CLIENT_LIU).body("{\"reason\":\"改变主意 — changed my mind\"}").post(path + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("client.liu"))
                .body("cancellationReason", containsString("changed my mind"));
        assertThat(fixtures.outboxForProposal("ProposalCancelled", id)).isOne();
        // the window passes: a withdrawn acceptance never becomes final, nor earns anything downstream
        acceptance.finaliseDue(until.plus(Duration.ofHours(1)));
        as(DemoUsers.CLIENT_LIU).get(path).then().body("status", equalTo("CANCELLED"));
        assertThat(fixtures.outboxForProposal("ProposalAccepted", id)).isZero();
        as(DemoUsers.CLIENT_LIU).post(path + "/cancel").then().statusCode(409).body("type", containsString("not-in-cooling-off"));
    }

    @Test
    void afterTheCoolingOffTheAcceptanceIsFinalAndPublishedOnce() {
        fixtures.demoClientLiu("C4");
        String id = presented(LIU, HEDGE_FUND, "1000000.00");
        String path = "/api/advice/proposals/" + id;
        String until = as(DemoUsers.CLIENT_LIU).post(path + "/accept").then().statusCode(200)
                .body("status", equalTo("COOLING_OFF")).extract().path("coolingOffUntil");
        // the ops run at the present moment finds nothing due; a future moment is refused; only ops run it
        as(DemoUsers.OPS_SUN).post("/api/advice/proposals/cooling-off-runs").then().statusCode(200);
        as(DemoUsers.CLIENT_LIU).get(path).then().body("status", equalTo("COOLING_OFF"));
        as(DemoUsers.OPS_SUN).post("/api/advice/proposals/cooling-off-runs?asOf=2099-01-01T00:00:00Z").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/cooling-off-runs").then().statusCode(403);
        // the job a day later (the service's clock injected as a moment)
        assertThat(acceptance.finaliseDue(Instant.parse(until).plusSeconds(1))).isPositive();
        String finalAt = as(DemoUsers.CLIENT_LIU).get(path).then().body("status", equalTo("ACCEPTED"))
                .body("decidedBy", equalTo("client.liu")).extract().path("finalAt");
        assertThat(Instant.parse(finalAt)).isCloseTo(Instant.parse(until), within(1, ChronoUnit.MILLIS));
        assertThat(fixtures.outboxForProposal("ProposalAccepted", id)).isOne();
        acceptance.finaliseDue(Instant.parse(until).plus(Duration.ofHours(2)));
        assertThat(fixtures.outboxForProposal("ProposalAccepted", id)).isOne();
        as(DemoUsers.CLIENT_LIU).post(path + "/cancel").then().statusCode(409).body("type", containsString("not-in-cooling-off"));

        // a window that has closed before the job ran: no withdrawing any more, and the ops run makes it final
        String late = presented(LIU, HEDGE_FUND, "1000000.00");
        as(DemoUsers.CLIENT_LIU).post("/api/advice/proposals/" + late + "/accept").then().statusCode(200);
        fixtures.exec("UPDATE proposal SET cooling_off_until = now() - interval '1 minute' WHERE id = '" + late + "'");
        as(DemoUsers.CLIENT_LIU).post("/api/advice/proposals/" + late + "/cancel").then().statusCode(409)
                .body("type", containsString("cooling-off-over"));
        as(DemoUsers.OPS_SUN).post("/api/advice/proposals/cooling-off-runs").then().statusCode(200)
                .body("finalised", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        as(DemoUsers.CLIENT_LIU).get("/api/advice/proposals/" + late).then().body("status", equalTo("ACCEPTED"));
        assertThat(fixtures.outboxForProposal("ProposalAccepted", late)).isOne();
    }

    @Test
    void aBranchAcceptanceOfAPrivateProductCoolsOffToo() {
        UUID client = fixtures.clientAssessed("C4");
        String id = presented(client, HEDGE_FUND, "1000000.00");
        String path = "/api/advice/proposals/" + id;
        as(DemoUsers.RM_LI).post(path + "/accept").then().statusCode(202);
        as(DemoUsers.ADVISOR_CHEN).post(path + "/accept/confirmation").then().statusCode(200)
                .body("status", equalTo("COOLING_OFF")).body("coolingOffUntil", notNullValue())
                .body("evidence.confirmedBy", hasItem("advisor.chen"));
        assertThat(fixtures.outboxForProposal("ProposalAccepted", id)).isZero();
    }

    @Test
    void aWhatIfAnswerIsNoGroundForAdvice() {
        UUID client = fixtures.clientAssessed("C3");
        RiskServiceStub.binding = false;
        as(DemoUsers.ADVISOR_CHEN).body("""
                {"clientId":"%s","amount":{"amount":"500000.00","currency":"CNY"}}""".formatted(client))
                .post("/api/advice/proposals").then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("not treat the check as binding"));
        assertThat(fixtures.sql("SELECT count(*) FROM proposal WHERE client_id = '" + client + "'")).isZero();
    }
}
