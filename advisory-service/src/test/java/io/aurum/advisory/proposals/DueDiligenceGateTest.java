package io.aurum.advisory.proposals;

import io.aurum.advisory.support.AdviceFixtures;
import io.aurum.advisory.support.RiskServiceStub;
import io.aurum.testing.DemoUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static io.aurum.advisory.proposals.ProposalFlowTest.as;
import static io.aurum.advisory.proposals.ProposalFlowTest.newProposal;
import static org.hamcrest.Matchers.containsString;

/** Due diligence gates advice (issue 27): AML HIGH or PEP needs approved EDD; an overdue KYC review blocks new proposals. */
@QuarkusTest
@QuarkusTestResource(RiskServiceStub.class)
class DueDiligenceGateTest {

    @Inject
    AdviceFixtures fixtures;

    /** client-service's ClientProfileUpdated for a client of rm.li with these due-diligence facts. */
    private void profile(UUID client, String facts, String marker) {
        fixtures.send("client.profile", client, AdviceFixtures.envelope(UUID.randomUUID(), "ClientProfileUpdated", "client-service", client, """
                {"clientId":"%s","fullName":"%s","lifecycleStatus":"ACTIVE","tier":"PLATINUM","primaryRmId":"%s",
                 "advisorId":"%s","team":"%s","erased":false,%s}""".formatted(client, marker, DemoUsers.RM_LI_ID,
                DemoUsers.ADVISOR_CHEN_ID, DemoUsers.TEAM, facts)));
        fixtures.awaitSql("SELECT count(*) FROM client_ref WHERE client_id = '" + client + "' AND display_name = '" + marker + "'", 1);
    }

    private String draft(UUID client) {
        return as(DemoUsers.ADVISOR_CHEN).body(newProposal(client, "500000.00")).post("/api/advice/proposals")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void amlHighWithoutApprovedEnhancedDueDiligenceIsNotPresentedAndWithItIs() {
        UUID client = fixtures.clientAssessed("C3");
        String id = draft(client);
        profile(client, "\"amlRiskRating\":\"HIGH\",\"pep\":false", "高风险 " + UUID.randomUUID());
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/present").then().statusCode(409)
                .body("type", containsString("enhanced-due-diligence-required"));
        as(DemoUsers.ADVISOR_CHEN).body(newProposal(client, "500000.00")).post("/api/advice/proposals").then().statusCode(409)
                .body("type", containsString("enhanced-due-diligence-required"));
        profile(client, "\"amlRiskRating\":\"HIGH\",\"pep\":false,\"eddApproved\":true", "尽调通过 " + UUID.randomUUID());
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/present").then().statusCode(200);
    }

    @Test
    void aProposalPresentedBeforeThePepFlagIsNotAcceptedWithoutEnhancedDueDiligence() {
        UUID client = fixtures.demoClientLiu("C4");
        String id = draft(client);
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/present").then().statusCode(200);
        String marker = "刘洋 " + UUID.randomUUID();
        fixtures.send("client.profile", client, AdviceFixtures.envelope(UUID.randomUUID(), "ClientProfileUpdated", "client-service", client, """
                {"clientId":"%s","fullName":"%s","lifecycleStatus":"ACTIVE","tier":"PRIVATE","primaryRmId":"%s",
                 "advisorId":"%s","team":"%s","pep":true}""".formatted(client, marker, DemoUsers.RM_LI_ID,
                DemoUsers.ADVISOR_CHEN_ID, DemoUsers.TEAM)));
        fixtures.awaitSql("SELECT count(*) FROM client_ref WHERE client_id = '" + client + "' AND display_name = '" + marker + "'", 1);
        try {
            as(DemoUsers.CLIENT_LIU).post("/api/advice/proposals/" + id + "/accept").then().statusCode(409)
                    .body("type", containsString("enhanced-due-diligence-required"));
        } finally {
            // Liu is shared with other tests: back to no flag
            fixtures.demoClientLiu("C4");
        }
    }

    @Test
    void aPepWithoutEnhancedDueDiligenceGetsNoProposal() {
        UUID client = fixtures.clientAssessed("C3");
        profile(client, "\"amlRiskRating\":\"LOW\",\"pep\":true", "政要 " + UUID.randomUUID());
        as(DemoUsers.ADVISOR_CHEN).body(newProposal(client, "500000.00")).post("/api/advice/proposals").then().statusCode(409)
                .body("type", containsString("enhanced-due-diligence-required"));
    }

    @Test
    void aKycPastItsReviewDateBlocksNewProposals() {
        UUID client = fixtures.clientAssessed("C3");
        String id = draft(client);
        profile(client, "\"amlRiskRating\":\"LOW\",\"pep\":false,\"kycReviewDate\":\"" + LocalDate.now().minusDays(2) + "\"",
                "过期 " + UUID.randomUUID());
        as(DemoUsers.ADVISOR_CHEN).body(newProposal(client, "500000.00")).post("/api/advice/proposals").then().statusCode(409)
                .body("type", containsString("kyc-review-overdue"));
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/present").then().statusCode(409)
                .body("type", containsString("kyc-review-overdue"));
        profile(client, "\"amlRiskRating\":\"LOW\",\"pep\":false,\"kycReviewDate\":\"" + LocalDate.now().plusYears(1) + "\"",
                "复核 " + UUID.randomUUID());
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/present").then().statusCode(200);
    }
}
