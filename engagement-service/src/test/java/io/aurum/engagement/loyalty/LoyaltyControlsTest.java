package io.aurum.engagement.loyalty;

import io.aurum.engagement.rules.CareWindow;
import io.aurum.engagement.support.EngagementFixtures;
import io.aurum.testing.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static io.aurum.engagement.support.EngagementFixtures.envelope;
import static io.aurum.engagement.support.EngagementFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 27 (part 4, and the benefit-use date of part 5): no points act of consequence without a second person, and a
 * quota year decided by the server. Each test is the bypass as the role that tried it, then the legitimate path.
 */
@QuarkusTest
class LoyaltyControlsTest {

    private static final String LOYALTY = "/api/engagement/loyalty";

    @Inject
    EngagementFixtures fixtures;

    String profile(UUID id, String status, String kyc) {
        return envelope(UUID.randomUUID(), "ClientProfileUpdated", "client-service", id, """
                {"clientId":"%s","fullName":"转介绍 %s","lifecycleStatus":"%s","tier":"MASS","primaryRmId":"%s","team":"team-sh-01",
                 "erased":false%s}""".formatted(id, status, status, DemoUsers.RM_LI_ID, kyc == null ? "" : ",\"kycStatus\":\"" + kyc + "\""));
    }

    long balance(UUID client) {
        return fixtures.sql("SELECT coalesce((SELECT balance FROM points_account WHERE client_id = '" + client + "'), 0)");
    }

    long reserved(UUID client) {
        return fixtures.sql("SELECT coalesce((SELECT reserved FROM points_account WHERE client_id = '" + client + "'), 0)");
    }

    @Test
    void aReferralOfAProspectTheRmRegisteredYesterdayEarnsOnlyWhenALeadApprovesAfterKyc() {
        UUID referrer = fixtures.client("PLATINUM");
        UUID prospect = UUID.randomUUID();
        fixtures.send("client.profile", prospect, envelope(UUID.randomUUID(), "ClientRegistered", "client-service", prospect, """
                {"clientId":"%s","fullName":"新客户","lifecycleStatus":"PROSPECT","tier":"MASS","primaryRmId":"%s","team":"team-sh-01",
                 "erased":false}""".formatted(prospect, DemoUsers.RM_LI_ID)));
        fixtures.awaitSql("SELECT count(*) FROM client_card WHERE client_id = '" + prospect + "' AND lifecycle_status = 'PROSPECT'", 1);
        // rm.li registered (and covers) the prospect yesterday
        fixtures.exec("UPDATE client_card SET registered_at = now() - interval '1 day' WHERE client_id = '" + prospect + "'");
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"referrerClientId\":\"" + referrer + "\",\"referredClientId\":\"" + prospect + "\"}")
                .post(LOYALTY + "/referrals").then().statusCode(201).body("reviewStatus", equalTo("PENDING_REVIEW"));

        // ACTIVE while KYC is not VERIFIED: no conversion at all
        fixtures.send("client.profile", prospect, profile(prospect, "ACTIVE", "PENDING"));
        fixtures.awaitSql("SELECT count(*) FROM client_card WHERE client_id = '" + prospect + "' AND full_name = '转介绍 ACTIVE'", 1);
        assertThat(fixtures.sql("SELECT count(*) FROM referral WHERE referred_client_id = '" + prospect + "' AND converted_at IS NOT NULL")).isZero();

        // KYC approved: the referral converts, but its reward waits for review — nothing credited
        fixtures.send("client.profile", prospect, profile(prospect, "ACTIVE", "VERIFIED"));
        fixtures.awaitSql("SELECT count(*) FROM points_approval WHERE client_id = '" + referrer + "' AND rule = 'REFERRAL' AND status = 'PENDING'", 1);
        assertThat(balance(referrer)).isZero();
        assertThat(fixtures.sql("SELECT count(*) FROM points_entry WHERE rule = 'REFERRAL' AND client_id = '" + referrer + "'")).isZero();
        String approval = fixtures.text("SELECT id FROM points_approval WHERE client_id = '" + referrer + "' AND rule = 'REFERRAL'");
        given().auth().oauth2(token(DemoUsers.RM_LI)).get(LOYALTY + "/clients/" + referrer + "/referrals").then().statusCode(200)
                .body("[0].reviewStatus", equalTo("PENDING_REVIEW"));

        // the recording RM cannot see or decide the review
        given().auth().oauth2(token(DemoUsers.RM_LI)).get(LOYALTY + "/approvals").then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{}")
                .post(LOYALTY + "/approvals/" + approval + "/approve").then().statusCode(403);
        assertThat(balance(referrer)).isZero();

        // the team lead sees it and approves: credited, naming maker and checker
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get(LOYALTY + "/approvals?status=PENDING&limit=500").then().statusCode(200);
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON).body("{\"note\":\"met the client\"}")
                .post(LOYALTY + "/approvals/" + approval + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("maker", equalTo(DemoUsers.RM_LI)).body("checker", equalTo(DemoUsers.LEAD_ZHANG));
        assertThat(balance(referrer)).isEqualTo(5000);
        given().auth().oauth2(token(DemoUsers.RM_LI)).get(LOYALTY + "/clients/" + referrer + "/points").then().statusCode(200)
                .body("entries.find { it.rule == 'REFERRAL' }.createdBy", equalTo(DemoUsers.RM_LI))
                .body("entries.find { it.rule == 'REFERRAL' }.checkedBy", equalTo(DemoUsers.LEAD_ZHANG));
        given().auth().oauth2(token(DemoUsers.RM_LI)).get(LOYALTY + "/clients/" + referrer + "/referrals").then().statusCode(200)
                .body("[0].reviewStatus", equalTo("APPROVED"));
        // decided once
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).contentType(ContentType.JSON).body("{}")
                .post(LOYALTY + "/approvals/" + approval + "/reject").then().statusCode(409).body("type", containsString("already-decided"));
        assertThat(balance(referrer)).isEqualTo(5000);
    }

    @Test
    void aReferralTheTeamLeadRecordsForHisTeamsNewProspectWaitsForReviewToo() {
        UUID referrer = fixtures.client("PLATINUM");
        UUID prospect = UUID.randomUUID();
        // the lead registered it for rm.li: the lead covers it as much as the RM does
        fixtures.send("client.profile", prospect, envelope(UUID.randomUUID(), "ClientRegistered", "client-service", prospect, """
                {"clientId":"%s","fullName":"新客户乙","lifecycleStatus":"PROSPECT","tier":"MASS","primaryRmId":"%s","team":"team-sh-01",
                 "erased":false}""".formatted(prospect, DemoUsers.RM_LI_ID)));
        fixtures.awaitSql("SELECT count(*) FROM client_card WHERE client_id = '" + prospect + "' AND lifecycle_status = 'PROSPECT'", 1);
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON)
                .body("{\"referrerClientId\":\"" + referrer + "\",\"referredClientId\":\"" + prospect + "\"}")
                .post(LOYALTY + "/referrals").then().statusCode(201).body("reviewStatus", equalTo("PENDING_REVIEW"));
    }

    @Test
    void correctionsSplitUnderTheThresholdStillReachTheCheckerOnceTheDaysTotalPassesIt() {
        UUID client = fixtures.client("PLATINUM");
        for (int i = 1; i <= 2; i++) {
            given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                    .body("{\"points\":2000,\"reason\":\"goodwill part " + i + "\"}")
                    .post(LOYALTY + "/clients/" + client + "/adjustments").then().statusCode(201);
        }
        // 2,000 + 2,000 + 2,000 by the same maker in a day is over the 5,000 threshold: this one waits for a checker
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body("{\"points\":2000,\"reason\":\"goodwill part 3\"}")
                .post(LOYALTY + "/clients/" + client + "/adjustments").then().statusCode(202).body("status", equalTo("PENDING"));
    }

    @Test
    void aLargeRedemptionWaitsWithItsPointsReservedAndItsMakerCannotApproveIt() {
        UUID client = fixtures.client("PLATINUM");
        // a large correction by ops is held too: ops cannot approve it, compliance does
        String grant = given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body("{\"points\":10000,\"reason\":\"migration from the old programme\"}")
                .post(LOYALTY + "/clients/" + client + "/adjustments").then().statusCode(202)
                .body("status", equalTo("PENDING")).body("reason", equalTo("ABOVE_THRESHOLD")).extract().path("id");
        assertThat(balance(client)).isZero();
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON).body("{}")
                .post(LOYALTY + "/approvals/" + grant + "/approve").then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).contentType(ContentType.JSON).body("{}")
                .post(LOYALTY + "/approvals/" + grant + "/approve").then().statusCode(200).body("checker", equalTo(DemoUsers.COMPLIANCE_ZHAO));
        assertThat(balance(client)).isEqualTo(10_000);

        // the team lead redeems 8,000 for the client: held, the points reserved
        String held = given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON)
                .body("{\"rewardCode\":\"TEA-SET\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}")
                .post(LOYALTY + "/clients/" + client + "/redemptions").then().statusCode(202)
                .body("status", equalTo("PENDING")).body("maker", equalTo(DemoUsers.LEAD_ZHANG)).extract().path("id");
        assertThat(balance(client)).isEqualTo(10_000);
        assertThat(reserved(client)).isEqualTo(8_000);
        given().auth().oauth2(token(DemoUsers.RM_LI)).get(LOYALTY + "/clients/" + client + "/points").then().statusCode(200)
                .body("available", equalTo(2000)).body("reserved", equalTo(8000));
        // reserved points cannot be spent twice meanwhile
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"rewardCode\":\"TEA-SET\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}")
                .post(LOYALTY + "/clients/" + client + "/redemptions").then().statusCode(409).body("type", containsString("insufficient-points"));
        // the maker approving its own redemption
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON).body("{}")
                .post(LOYALTY + "/approvals/" + held + "/approve").then().statusCode(403).body("type", containsString("maker-cannot-check"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{}")
                .post(LOYALTY + "/approvals/" + held + "/approve").then().statusCode(403);
        assertThat(reserved(client)).isEqualTo(8_000);
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).get(LOYALTY + "/approvals?status=PENDING&limit=500").then().statusCode(200);
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).contentType(ContentType.JSON).body("{}")
                .post(LOYALTY + "/approvals/" + held + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"));
        assertThat(balance(client)).isEqualTo(2_000);
        assertThat(reserved(client)).isZero();
        given().auth().oauth2(token(DemoUsers.RM_LI)).get(LOYALTY + "/clients/" + client + "/points").then().statusCode(200)
                .body("entries.find { it.kind == 'REDEEM' }.createdBy", equalTo(DemoUsers.LEAD_ZHANG))
                .body("entries.find { it.kind == 'REDEEM' }.checkedBy", equalTo(DemoUsers.COMPLIANCE_ZHAO));

        // a small redemption is still immediate (no checker)
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"rewardCode\":\"CAR-WASH\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}")
                .post(LOYALTY + "/clients/" + client + "/redemptions").then().statusCode(201)
                .body("points", equalTo(-1500)).body("createdBy", equalTo(DemoUsers.RM_LI)).body("checkedBy", nullValue());
        assertThat(balance(client)).isEqualTo(500);

        // a rejected large correction changes nothing
        String negative = given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body("{\"points\":9000,\"reason\":\"double credit?\"}")
                .post(LOYALTY + "/clients/" + client + "/adjustments").then().statusCode(202).extract().path("id");
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON).body("{\"note\":\"no evidence\"}")
                .post(LOYALTY + "/approvals/" + negative + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        assertThat(balance(client)).isEqualTo(500);
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).get(LOYALTY + "/approvals?status=REJECTED&limit=500").then().statusCode(200)
                .body("id", hasItem(negative));
    }

    @Test
    void aBenefitUseDatedInAnotherQuotaYearIsRefused() {
        UUID client = fixtures.client("PLATINUM");
        LocalDate today = LocalDate.now(CareWindow.BANK_ZONE);
        for (LocalDate day : new LocalDate[]{LocalDate.of(2031, 3, 1), today.minusYears(1), today.plusYears(1).withDayOfYear(1)}) {
            given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"on\":\"" + day + "\",\"note\":\"PVG T2\"}")
                    .post(LOYALTY + "/clients/" + client + "/benefits/AIRPORT-LOUNGE/uses").then().statusCode(400)
                    .body("errors[0].field", equalTo("on"));
        }
        assertThat(fixtures.sql("SELECT count(*) FROM benefit_use WHERE client_id = '" + client + "'")).isZero();
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"on\":\"" + today + "\"}")
                .post(LOYALTY + "/clients/" + client + "/benefits/AIRPORT-LOUNGE/uses").then().statusCode(201).body("remaining", equalTo(5));
        assertThat(fixtures.sql("SELECT count(*) FROM benefit_use WHERE client_id = '" + client + "' AND used_year = " + today.getYear())).isOne();
    }
}
