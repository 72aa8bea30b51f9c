package io.aurum.engagement.loyalty;

import io.aurum.engagement.support.EngagementFixtures;
import io.aurum.testing.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.aurum.engagement.support.EngagementFixtures.envelope;
import static io.aurum.engagement.support.EngagementFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Points and benefits on real PostgreSQL and Kafka: exactly-once earning, no overdraft under concurrency, quotas. */
@QuarkusTest
class LoyaltyTest {

    @Inject
    EngagementFixtures fixtures;

    String accepted(UUID proposal, UUID client, String amount) {
        return """
                {"proposalId":"%s","clientId":"%s","status":"ACCEPTED","riskLevel":"C3","amount":"%s","currency":"CNY",
                 "primaryRmId":"%s","team":"team-sh-01","lines":[]}""".formatted(proposal, client, amount, DemoUsers.RM_LI_ID);
    }

    /** Ops credits points; above the checker threshold a compliance officer approves (the maker never does). */
    void grant(UUID client, long points) {
        var answer = given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body("{\"points\":" + points + ",\"reason\":\"goodwill for the test\"}")
                .post("/api/engagement/loyalty/clients/" + client + "/adjustments").then().extract();
        if (answer.statusCode() == 202) {
            given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).contentType(ContentType.JSON).body("{}")
                    .post("/api/engagement/loyalty/approvals/" + answer.path("id") + "/approve").then().statusCode(200);
        } else {
            assertThat(answer.statusCode()).isEqualTo(201);
        }
    }

    long balance(UUID client) {
        return fixtures.sql("SELECT coalesce((SELECT balance FROM points_account WHERE client_id = '" + client + "'), 0)");
    }

    @Test
    void pointsAreEarnedOncePerSourceEventEvenWhenItIsDeliveredTwice() {
        UUID client = fixtures.client("PLATINUM");
        UUID event = UUID.randomUUID();
        String accepted = envelope(event, "ProposalAccepted", "advisory-service", client, accepted(UUID.randomUUID(), client, "1250000.00"));
        fixtures.send("advisory.proposal", client, accepted);
        fixtures.send("advisory.proposal", client, accepted);
        // a tier upgrade earns its bonus too, once
        UUID upgrade = UUID.randomUUID();
        String tier = envelope(upgrade, "ClientTierChanged", "client-service", client, """
                {"clientId":"%s","fromTier":"GOLD","toTier":"PLATINUM","direction":"UPGRADE","rule":"UPGRADE","averageAumCny":"1200000.00",
                 "thresholdCny":"1000000.00","asOf":"2026-11-24","primaryRmId":"%s","team":"team-sh-01"}""".formatted(client, DemoUsers.RM_LI_ID));
        fixtures.send("client.tier", client, tier);
        fixtures.send("client.tier", client, tier);
        fixtures.awaitSql("SELECT count(*) FROM points_entry WHERE client_id = '" + client + "'", 2);
        fixtures.awaitSql("SELECT count(*) FROM processed_event WHERE event_id = '" + upgrade + "'", 1);
        assertThat(balance(client)).isEqualTo(1250 + 1000);
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/engagement/loyalty/clients/" + client + "/points").then().statusCode(200)
                .body("balance", equalTo(2250)).body("entries.rule", hasItem("PRODUCTS_BOUGHT")).body("entries.rule", hasItem("TIER_UPGRADE"))
                .body("entries.sourceEventId", hasItem(event.toString()));
        given().auth().oauth2(token(DemoUsers.RM_WANG)).get("/api/engagement/loyalty/clients/" + client + "/points").then().statusCode(404);
        // the ledger is append-only: corrections are new entries
        assertThatThrownBy(() -> fixtures.exec("UPDATE points_entry SET points = 999999 WHERE client_id = '" + client + "'"))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> fixtures.exec("DELETE FROM points_entry WHERE client_id = '" + client + "'"))
                .hasStackTraceContaining("append-only");
    }

    @Test
    void concurrentRedemptionsNeverOverdrawAndAKeyRedeemsOnce() throws Exception {
        UUID client = fixtures.client(DemoUsers.CLIENT_LIU_CLIENT_ID, "PLATINUM", LocalDate.of(1968, 4, 12), "", null, null, "");
        long start = balance(client);
        grant(client, 10_000 - start);
        assertThat(balance(client)).isEqualTo(10_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String key = "tea-" + UUID.randomUUID();
            answers.add(pool.submit((Callable<Integer>) () -> given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON)
                    .body("{\"rewardCode\":\"TEA-SET\",\"idempotencyKey\":\"" + key + "\"}")
                    .post("/api/engagement/loyalty/clients/" + client + "/redemptions").statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) {
            statuses.add(f.get());
        }
        pool.shutdown();
        // 8,000 is above the checker threshold: one redemption is held with its points reserved, the others are refused
        assertThat(statuses).containsOnly(202, 409);
        assertThat(statuses.stream().filter(s -> s == 202).count()).as("8,000 points each from 10,000").isOne();
        assertThat(fixtures.sql("SELECT reserved FROM points_account WHERE client_id = '" + client + "'")).isEqualTo(8_000);
        String pending = fixtures.text("SELECT id FROM points_approval WHERE status = 'PENDING' AND kind = 'REDEEM' AND client_id = '" + client + "'");
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).contentType(ContentType.JSON).body("{}")
                .post("/api/engagement/loyalty/approvals/" + pending + "/approve").then().statusCode(200);
        assertThat(balance(client)).isEqualTo(2_000);
        // the same key again: refused, nothing changes
        String key = "car-" + UUID.randomUUID();
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON)
                .body("{\"rewardCode\":\"CAR-WASH\",\"idempotencyKey\":\"" + key + "\"}")
                .post("/api/engagement/loyalty/clients/" + client + "/redemptions").then().statusCode(201).body("points", equalTo(-1500));
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON)
                .body("{\"rewardCode\":\"CAR-WASH\",\"idempotencyKey\":\"" + key + "\"}")
                .post("/api/engagement/loyalty/clients/" + client + "/redemptions").then().statusCode(409)
                .body("type", containsString("duplicate-redemption"));
        assertThat(balance(client)).isEqualTo(500);
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON)
                .body("{\"rewardCode\":\"CAR-WASH\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/engagement/loyalty/clients/" + client + "/redemptions").then().statusCode(409)
                .body("type", containsString("insufficient-points"));
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON)
                .body("{\"rewardCode\":\"YACHT\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/engagement/loyalty/clients/" + client + "/redemptions").then().statusCode(400)
                .body("errors[0].field", equalTo("rewardCode"));
        given().auth().oauth2(token(DemoUsers.CLIENT_HUANG)).contentType(ContentType.JSON)
                .body("{\"rewardCode\":\"CAR-WASH\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/engagement/loyalty/clients/" + client + "/redemptions").then().statusCode(404);
        assertThat(fixtures.sql("SELECT count(*) FROM points_account WHERE balance < 0")).isZero();
    }

    @Test
    void hostileKeysDaysAndPointsAreRefusedNamingTheFieldAndChangeNothing() {
        UUID client = fixtures.client("PLATINUM");
        grant(client, 50_000);
        // a NUL reached PostgreSQL as the idempotency key and answered 500
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"rewardCode\":\"CAR-WASH\",\"idempotencyKey\":\"key\\u0000" + UUID.randomUUID() + "\"}")
                .post("/api/engagement/loyalty/clients/" + client + "/redemptions").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("idempotencyKey"))
                .body("errors[0].message", equalTo("must not contain the NUL character (U+0000)"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"rewardCode\":\"CAR-WASH\",\"rewardCode\":\"TEA-SET\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/engagement/loyalty/clients/" + client + "/redemptions").then().statusCode(400)
                .body("errors[0].field", equalTo("rewardCode"));
        for (String day : new String[]{"+999999999-12-31", "-999999999-01-01", "1899-12-31", "2201-01-01", "2026-02-30"}) {
            given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"on\":\"" + day + "\",\"note\":\"PVG T2\"}")
                    .post("/api/engagement/loyalty/clients/" + client + "/benefits/AIRPORT-LOUNGE/uses").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("on"))
                    .body("detail", equalTo("on must be a date (YYYY-MM-DD) between 1900-01-01 and 2200-12-31"));
        }
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON).body("{\"points\":9223372036854775808,\"reason\":\"x\"}")
                .post("/api/engagement/loyalty/clients/" + client + "/adjustments").then().statusCode(400)
                .body("errors[0].field", equalTo("points")).body("errors[0].message", equalTo("must be a whole number of at most 18 digits"));
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON).body("{\"points\":1.5,\"reason\":\"x\"}")
                .post("/api/engagement/loyalty/clients/" + client + "/adjustments").then().statusCode(400)
                .body("errors[0].field", equalTo("points"));
        assertThat(balance(client)).isEqualTo(50_000);
        assertThat(fixtures.sql("SELECT count(*) FROM benefit_use WHERE client_id = '" + client + "'")).isZero();
    }

    @Test
    void aRewardOutOfStockIsRefusedWithoutALedgerChange() {
        UUID client = fixtures.client("GOLD");
        grant(client, 50_000);
        fixtures.exec("UPDATE reward SET stock = 0 WHERE code = 'WINE-DINNER'");
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"rewardCode\":\"WINE-DINNER\",\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/engagement/loyalty/clients/" + client + "/redemptions").then().statusCode(409)
                .body("type", containsString("out-of-stock"));
        assertThat(balance(client)).isEqualTo(50_000);
        assertThat(fixtures.sql("SELECT count(*) FROM points_entry WHERE client_id = '" + client + "'")).isOne();
    }

    @Test
    void benefitsFollowTheTierAndQuotasAreEnforced() {
        UUID client = fixtures.client("PLATINUM");
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/engagement/loyalty/clients/" + client + "/benefits").then().statusCode(200)
                .body("benefit.code", hasItem("AIRPORT-LOUNGE")).body("benefit.code", hasItem("DEDICATED-RM"))
                .body("find { it.benefit.code == 'AIRPORT-LOUNGE' }.remaining", equalTo(6));
        for (int i = 1; i <= 6; i++) {
            given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"note\":\"PVG T2\"}")
                    .post("/api/engagement/loyalty/clients/" + client + "/benefits/AIRPORT-LOUNGE/uses").then().statusCode(201)
                    .body("remaining", equalTo(6 - i));
        }
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{}")
                .post("/api/engagement/loyalty/clients/" + client + "/benefits/AIRPORT-LOUNGE/uses").then().statusCode(409)
                .body("type", containsString("quota-exhausted"));
        assertThat(fixtures.sql("SELECT count(*) FROM benefit_use WHERE client_id = '" + client + "'")).isEqualTo(6);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{}")
                .post("/api/engagement/loyalty/clients/" + client + "/benefits/HEALTH-CONCIERGE/uses").then().statusCode(409)
                .body("type", containsString("not-entitled"));
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body("{\"minTier\":\"GOD\",\"kind\":\"OTHER\",\"nameZh\":\"x\",\"nameEn\":\"x\",\"active\":true}")
                .put("/api/engagement/loyalty/benefits/NEW-ONE").then().statusCode(400).body("errors[0].field", equalTo("minTier"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"minTier\":\"GOLD\",\"kind\":\"OTHER\",\"nameZh\":\"x\",\"nameEn\":\"x\",\"active\":true}")
                .put("/api/engagement/loyalty/benefits/NEW-ONE").then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).get("/api/engagement/loyalty/rewards").then().statusCode(200)
                .body("code", hasItem("TEA-SET"));
    }
}
