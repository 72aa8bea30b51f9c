package io.aurum.engagement.performance;

import io.aurum.engagement.support.EngagementFixtures;
import io.aurum.testing.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static io.aurum.engagement.support.EngagementFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * RM performance and client contribution for October 2026 against a hand-computed fixture: the other services' facts
 * arrive as events on the real topics (registrations, a transfer between RMs, AUM per day, tier moves, a closure), the
 * engagement facts (contacts, tasks, a complaint, surveys, a benefit used, an activity attended) are engagement's own.
 * Bank days are Asia/Shanghai: October runs from 2026-09-30T16:00Z to 2026-10-31T16:00Z.
 */
@QuarkusTest
class MonthFiguresTest {

    @Inject
    EngagementFixtures fixtures;

    final String team = "team-perf-" + UUID.randomUUID().toString().substring(0, 8);
    final UUID rmA = UUID.randomUUID();
    final UUID rmB = DemoUsers.RM_WANG_ID;

    static String envelope(String type, UUID client, String occurredAt, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"%s","source":"client-service","clientId":"%s",
                 "correlationId":"test","payload":%s}""".formatted(UUID.randomUUID(), type, occurredAt, client, payload);
    }

    void profile(String type, UUID client, String lifecycle, String tier, UUID rm, String at) {
        fixtures.send("client.profile", client, envelope(type, client, at, """
                {"clientId":"%s","fullName":"业绩客户 %s","lifecycleStatus":"%s","tier":"%s","primaryRmId":"%s","team":"%s","erased":false}"""
                .formatted(client, client.toString().substring(0, 6), lifecycle, tier, rm, team)));
    }

    void aum(UUID client, String asOf, String total, String classes) {
        fixtures.send("client.aum", client, envelope("ClientAumChanged", client, asOf + "T12:00:00Z", """
                {"clientId":"%s","aumCny":"%s","highRiskHoldingsCny":"0","asOf":"%s","byAssetClass":{%s}}"""
                .formatted(client, total, asOf, classes)));
    }

    void tier(UUID client, String from, String to, String direction, UUID rm, String asOf) {
        fixtures.send("client.tier", client, envelope("ClientTierChanged", client, asOf + "T03:00:00Z", """
                {"clientId":"%s","fromTier":"%s","toTier":"%s","direction":"%s","rule":"X","averageAumCny":"1","thresholdCny":"1",
                 "asOf":"%s","primaryRmId":"%s","team":"%s"}""".formatted(client, from, to, direction, asOf, rm, team)));
    }

    void task(UUID client, String due, String status, String completed) {
        fixtures.exec("INSERT INTO task (id, client_id, owner_id, team, type, priority, status, title, due_at, created_by, created_at,"
                + " updated_at, completed_at) VALUES ('" + UUID.randomUUID() + "', '" + client + "', '" + rmA + "', '" + team
                + "', 'FOLLOW_UP', 'NORMAL', '" + status + "', 'fixture', '" + due + "', 'test', now(), now(), "
                + (completed == null ? "null" : "'" + completed + "'") + ")");
    }

    UUID contact(UUID client, String at, boolean meaningful) {
        UUID id = UUID.randomUUID();
        fixtures.exec("INSERT INTO interaction (id, client_id, staff_id, team, channel, occurred_at, meaningful, created_by, created_at)"
                + " VALUES ('" + id + "', '" + client + "', '" + rmA + "', '" + team + "', 'MEETING', '" + at + "', " + meaningful
                + ", 'test', now())");
        return id;
    }

    void survey(UUID client, UUID interaction, String answered, int nps) {
        fixtures.exec("INSERT INTO survey (id, client_id, interaction_id, sent_at, answered_at, nps) VALUES ('" + UUID.randomUUID()
                + "', '" + client + "', '" + interaction + "', '" + answered + "', '" + answered + "', " + nps + ")");
    }

    @Test
    void octoberMatchesTheHandComputedFigures() {
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        UUID c3 = UUID.randomUUID();
        UUID c4 = UUID.randomUUID();
        UUID c5 = UUID.randomUUID();
        // C1: A's GOLD client since August, upgraded to PLATINUM on 16 October when it added CNY 310,000 of equities
        profile("ClientRegistered", c1, "ACTIVE", "GOLD", rmA, "2026-08-01T02:00:00Z");
        aum(c1, "2026-09-30", "1000000.00", "\"FIXED_INCOME\":\"1000000.00\"");
        aum(c1, "2026-10-16", "1310000.00", "\"FIXED_INCOME\":\"1000000.00\",\"EQUITY\":\"310000.00\"");
        tier(c1, "GOLD", "PLATINUM", "UPGRADE", rmA, "2026-10-16");
        // C2: A's VIP client, CNY 200,000 cash, closed on 25 October
        profile("ClientRegistered", c2, "ACTIVE", "VIP", rmA, "2026-08-01T02:00:00Z");
        aum(c2, "2026-09-15", "200000.00", "\"CASH\":\"200000.00\"");
        aum(c2, "2026-10-25", "0.00", "");
        fixtures.send("client.profile", c2, envelope("ClientClosed", c2, "2026-10-25T04:00:00Z",
                "{\"clientId\":\"" + c2 + "\",\"reason\":\"moved abroad\",\"closedAt\":\"2026-10-25T04:00:00Z\",\"erased\":false}"));
        // C3: B's PRIVATE client handed to A on 10 October, CNY 5,000,000 in alternatives, downgraded to DIAMOND on the 31st
        profile("ClientRegistered", c3, "ACTIVE", "PRIVATE", rmB, "2026-08-01T02:00:00Z");
        profile("ClientProfileUpdated", c3, "ACTIVE", "PRIVATE", rmA, "2026-10-10T02:00:00Z");
        aum(c3, "2026-09-30", "5000000.00", "\"ALTERNATIVE\":\"5000000.00\"");
        tier(c3, "PRIVATE", "DIAMOND", "DOWNGRADE", rmA, "2026-10-31");
        // C4: B's new GOLD client from 5 October, CNY 300,000 in equities from the 6th
        profile("ClientRegistered", c4, "ACTIVE", "GOLD", rmB, "2026-10-05T02:00:00Z");
        aum(c4, "2026-10-06", "300000.00", "\"EQUITY\":\"300000.00\"");
        // C5: registered in November: not in October's figures
        profile("ClientRegistered", c5, "ACTIVE", "GOLD", rmA, "2026-11-05T02:00:00Z");
        fixtures.awaitSql("SELECT count(*) FROM aum_daily WHERE client_id IN ('" + c1 + "','" + c2 + "','" + c3 + "','" + c4 + "')", 6);
        fixtures.awaitSql("SELECT count(*) FROM tier_change WHERE client_id IN ('" + c1 + "','" + c3 + "')", 2);
        fixtures.awaitSql("SELECT count(*) FROM book_assignment WHERE client_id IN ('" + c1 + "','" + c2 + "','" + c3 + "','" + c4
                + "','" + c5 + "')", 6);
        fixtures.awaitSql("SELECT count(*) FROM client_card WHERE client_id = '" + c2 + "' AND closed_at IS NOT NULL", 1);
        // the upgrade asked for a welcome call due 19 October (still open): C1 has three tasks due in October
        fixtures.awaitSql("SELECT count(*) FROM task WHERE client_id = '" + c1 + "' AND type = 'WELCOME_CALL'", 1);
        task(c1, "2026-10-10T02:00:00Z", "DONE", "2026-10-09T02:00:00Z");
        task(c1, "2026-10-20T02:00:00Z", "DONE", "2026-10-22T02:00:00Z");
        task(c3, "2026-10-15T02:00:00Z", "OPEN", null);
        UUID met = contact(c1, "2026-10-20T02:00:00Z", true);
        survey(c1, met, "2026-10-21T02:00:00Z", 10);
        survey(c2, contact(c2, "2026-10-09T02:00:00Z", false), "2026-10-10T02:00:00Z", 3);
        contact(c4, "2026-10-07T02:00:00Z", true);
        fixtures.exec("INSERT INTO complaint (id, client_id, team, owner_id, category, severity, status, channel, subject, description,"
                + " received_at, ack_due_at, resolve_due_at, acknowledged_at, resolved_at, created_by) VALUES ('" + UUID.randomUUID()
                + "', '" + c2 + "', '" + team + "', '" + rmA + "', 'FEES', 'LOW', 'RESOLVED', 'APP', 'fees', 'fees too high',"
                + " '2026-10-03T08:00:00Z', '2026-10-04T08:00:00Z', '2026-10-18T08:00:00Z', '2026-10-03T09:00:00Z', '2026-10-05T08:00:00Z', 'test')");
        fixtures.exec("INSERT INTO benefit_use (id, client_id, benefit_code, used_on, used_year, recorded_by, recorded_at) VALUES ('"
                + UUID.randomUUID() + "', '" + c1 + "', 'AIRPORT-LOUNGE', '2026-10-05', 2026, 'test', now())");
        UUID activity = UUID.randomUUID();
        fixtures.exec("INSERT INTO activity (id, name, kind, starts_at, location, capacity, created_by, created_at, cost_per_head_cny)"
                + " VALUES ('" + activity + "', 'Wine evening', 'WINE_TASTING', '2026-10-18T11:00:00Z', 'Shanghai', 20, 'test', now(), 800)");
        fixtures.exec("INSERT INTO invitation (activity_id, client_id, status, invited_at) VALUES ('" + activity + "', '" + c4
                + "', 'ATTENDED', '2026-10-01T00:00:00Z')");

        given().auth().oauth2(token(DemoUsers.RM_LI)).post("/api/engagement/jobs/month-close?month=2026-10").then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).post("/api/engagement/jobs/month-close?month=2999-01").then().statusCode(400)
                .body("errors[0].field", equalTo("month"));
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).post("/api/engagement/jobs/month-close?month=2026-13").then().statusCode(400)
                .body("errors[0].field", equalTo("month"));
        for (int run = 0; run < 2; run++) {
            given().auth().oauth2(token(DemoUsers.OPS_SUN)).post("/api/engagement/jobs/month-close?month=2026-10").then().statusCode(200)
                    .body("complete", equalTo(true)).body("month", equalTo("2026-10"));
        }

        // RM A: C1, C2 (lost) and C3 (since the 10th); AUM at the start is A's book then (C1, C2)
        JsonPath a = given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).get("/api/engagement/performance/rms/" + rmA + "?month=2026-10")
                .then().statusCode(200).extract().jsonPath().using(DECIMALS);
        assertThat(a.getBoolean("run.complete")).isTrue();
        assertThat(a.getLong("figures.clients")).isEqualTo(2);
        amount(a, "figures.aumStartCny", "1200000.00");
        amount(a, "figures.aumEndCny", "6310000.00");
        amount(a, "figures.aumGrowthCny", "5110000.00");
        amount(a, "figures.aumGrowthPercent", "425.83");
        // 310,000 in (C1) − 200,000 out (C2); C3's 5,000,000 came with the transfer, not as new money
        amount(a, "figures.netNewMoneyCny", "110000.00");
        assertThat(a.getLong("figures.tierUpgrades")).isEqualTo(1);
        assertThat(a.getLong("figures.tierDowngrades")).isEqualTo(1);
        assertThat(a.getLong("figures.clientsLost")).isEqualTo(1);
        // cadence: C1 (PLATINUM, met on the 20th) and C3 (DIAMOND, never contacted); C2 lost
        assertThat(a.getLong("figures.cadenceAdherence.of")).isEqualTo(2);
        assertThat(a.getLong("figures.cadenceAdherence.met")).isEqualTo(1);
        amount(a, "figures.cadenceAdherence.percent", "50.0");
        // tasks due in October: C1's three (one in time) and C3's open one
        assertThat(a.getLong("figures.taskSla.of")).isEqualTo(4);
        assertThat(a.getLong("figures.taskSla.met")).isEqualTo(1);
        amount(a, "figures.taskSla.percent", "25.0");
        assertThat(a.getLong("figures.complaints.received")).isEqualTo(1);
        amount(a, "figures.complaints.averageResolutionHours", "48.0");
        assertThat(a.getLong("figures.nps.promoters")).isEqualTo(1);
        assertThat(a.getLong("figures.nps.detractors")).isEqualTo(1);
        amount(a, "figures.nps.score", "0.0");
        // revenue: C1 (1,000,000 × 31 × 0.60 % + 310,000 × 16 × 1.20 %) / 365 = 672.66; C2 200,000 × 24 × 0.30 % / 365 = 39.45;
        // C3 5,000,000 × 31 × 1.50 % / 365 = 6,369.86. Cost: C1's lounge visit 300
        amount(a, "figures.contribution.revenueCny", "7081.97");
        amount(a, "figures.contribution.serviceCostCny", "300.00");
        amount(a, "figures.contribution.netCny", "6781.97");
        assertThat(a.getLong("figures.contribution.clientsOverBudget")).isEqualTo(1);

        // RM B (rm.wang sees their own): C4 new with 300,000; C3's 5,000,000 left with the transfer
        JsonPath b = given().auth().oauth2(token(DemoUsers.RM_WANG)).get("/api/engagement/performance/rms/" + rmB + "?month=2026-10")
                .then().statusCode(200).extract().jsonPath().using(DECIMALS);
        amount(b, "figures.aumStartCny", "5000000.00");
        amount(b, "figures.aumEndCny", "300000.00");
        amount(b, "figures.netNewMoneyCny", "300000.00");
        amount(b, "figures.cadenceAdherence.percent", "100.0");
        amount(b, "figures.contribution.revenueCny", "256.44");
        amount(b, "figures.contribution.netCny", "-543.56");

        // the team: both RMs and the total
        JsonPath t = given().auth().oauth2(token(DemoUsers.OPS_SUN)).get("/api/engagement/performance/teams/" + team + "?month=2026-10")
                .then().statusCode(200).body("rms.size()", equalTo(2)).body("total.clients", equalTo(3))
                .body("total.clientsLost", equalTo(1)).body("total.contribution.clientsOverBudget", equalTo(2))
                .extract().jsonPath().using(DECIMALS);
        amount(t, "total.aumStartCny", "6200000.00");
        amount(t, "total.aumEndCny", "6610000.00");
        amount(t, "total.netNewMoneyCny", "410000.00");
        amount(t, "total.contribution.revenueCny", "7338.41");
        amount(t, "total.contribution.serviceCostCny", "1100.00");
        amount(t, "total.contribution.netCny", "6238.41");

        // drill-down: the clients behind a figure
        drill(rmA, "UPGRADES").body("clients.clientId", containsInAnyOrder(c1.toString()));
        drill(rmA, "LOST").body("clients.clientId", containsInAnyOrder(c2.toString()));
        drill(rmA, "CADENCE_MISSED").body("clients.clientId", containsInAnyOrder(c3.toString()));
        drill(rmA, "TASKS_LATE").body("clients.clientId", containsInAnyOrder(c1.toString(), c3.toString()));
        drill(rmA, "BOOK").body("clients.clientId", contains(c3.toString(), c1.toString()));
        drill(rmB, "AUM_START").body("clients.clientId", containsInAnyOrder(c3.toString()));
        drill(rmA, "NOT_A_FIGURE").statusCode(400);

        // contribution of one client, and the over-budget report
        JsonPath one = given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).get("/api/engagement/contribution/clients/" + c1).then()
                .statusCode(200).body("months[0].month", equalTo("2026-10")).body("months[0].tier", equalTo("PLATINUM"))
                .body("months[0].overBudget", equalTo(true)).extract().jsonPath().using(DECIMALS);
        amount(one, "months[0].aumAverageCny", "1160000.00");
        amount(one, "months[0].revenueCny", "672.66");
        amount(one, "months[0].serviceCostCny", "300.00");
        amount(one, "months[0].budgetCny", "134.53");
        amount(one, "months[0].netContributionCny", "372.66");
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).get("/api/engagement/contribution/over-budget?month=2026-10&team=" + team).then()
                .statusCode(200).body("clients.clientId", containsInAnyOrder(c1.toString(), c4.toString()));

        // who may see what
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/engagement/performance/rms/" + rmA + "?month=2026-10").then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get("/api/engagement/performance/rms/" + rmA + "?month=2026-10").then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get("/api/engagement/performance/teams/" + team + "?month=2026-10").then()
                .statusCode(403).body("type", containsString("not-your-team"));
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).get("/api/engagement/performance/rms/" + rmA).then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/engagement/contribution/clients/" + c1).then().statusCode(404);
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).get("/api/engagement/performance/rms/" + rmA + "?month=1999-01").then()
                .statusCode(400).body("errors[0].field", equalTo("month"));

        // the month earned the average-AUM points once though it ran twice: ⌊average / 10,000⌋ per client
        assertThat(monthlyPoints(c1)).isEqualTo(116);   // 1,160,000.00
        assertThat(monthlyPoints(c2)).isEqualTo(15);    // 154,838.71
        assertThat(monthlyPoints(c3)).isEqualTo(500);   // 5,000,000.00
        assertThat(monthlyPoints(c4)).isEqualTo(25);    // 251,612.90
        assertThat(fixtures.sql("SELECT count(*) FROM points_entry WHERE rule = 'MONTHLY_AUM' AND client_id = '" + c1 + "'")).isOne();
        assertThat(fixtures.sql("SELECT count(*) FROM client_month WHERE month = '2026-10-01' AND client_id = '" + c5 + "'")).isZero();
    }

    static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    static void amount(JsonPath json, String path, String expected) {
        assertThat(new BigDecimal(json.getString(path))).as(path).isEqualByComparingTo(expected);
    }

    io.restassured.response.ValidatableResponse drill(UUID rm, String figure) {
        return given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO))
                .get("/api/engagement/performance/rms/" + rm + "/clients?month=2026-10&figure=" + figure).then();
    }

    long monthlyPoints(UUID client) {
        return fixtures.sql("SELECT coalesce(sum(points), 0) FROM points_entry WHERE rule = 'MONTHLY_AUM' AND client_id = '" + client + "'");
    }

    @Test
    void aPoisonEventAmongClientAumEventsGoesAloneToTheDeadLetterTopic() {
        UUID client = fixtures.client("GOLD");
        String poison = "{ not an event " + UUID.randomUUID();
        String clientAum = envelope("ClientAumChanged", client, "2026-11-02T12:00:00Z", """
                {"clientId":"%s","aumCny":"800000.00","highRiskHoldingsCny":"0","asOf":"2026-11-02","byAssetClass":{"CASH":"800000.00"}}"""
                .formatted(client));
        aum(client, "2026-11-01", "700000.00", "\"CASH\":\"700000.00\"");
        fixtures.send("client.aum", client, poison);
        fixtures.send("client.aum", client, clientAum);
        fixtures.send("client.aum", client, clientAum); // redelivered: applied once
        fixtures.awaitSql("SELECT count(*) FROM aum_daily WHERE client_id = '" + client + "'", 2);
        fixtures.awaitSql("SELECT count(*) FROM aum_daily WHERE client_id = '" + client + "' AND as_of = '2026-11-02'"
                + " AND aum_cny = 800000.00 AND cash_cny = 800000.00", 1);
        try (var dlq = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(java.util.Map.of(
                "bootstrap.servers", org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "group.id", "dlq-check-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName(),
                "value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName()))) {
            dlq.subscribe(java.util.List.of("engagement-service.dlq"));
            java.util.List<String> seen = new java.util.ArrayList<>();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
                dlq.poll(java.time.Duration.ofMillis(500)).forEach(r -> {
                    if (client.toString().equals(r.key())) {
                        seen.add(r.value() + " | " + new String(r.headers().lastHeader("dead-letter-reason").value(),
                                java.nio.charset.StandardCharsets.UTF_8));
                    }
                });
                return !seen.isEmpty();
            });
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0)).startsWith(poison);
        }
    }

    @Test
    void pointsLapseFirstInFirstOutOncePerDay() {
        UUID client = fixtures.client("GOLD");
        fixtures.exec("INSERT INTO points_account (client_id, balance, updated_at) VALUES ('" + client + "', 1200, now())"
                + " ON CONFLICT (client_id) DO UPDATE SET balance = 1200");
        fixtures.exec("INSERT INTO points_entry (id, client_id, kind, points, rule, description, expires_on, created_by, created_at) VALUES"
                + " ('" + UUID.randomUUID() + "', '" + client + "', 'EARN', 1000, 'FIXTURE', 'old', '2026-06-30', 'test', '2024-06-30T00:00:00Z'),"
                + " ('" + UUID.randomUUID() + "', '" + client + "', 'EARN', 500, 'FIXTURE', 'new', '2027-12-31', 'test', '2025-12-31T00:00:00Z'),"
                + " ('" + UUID.randomUUID() + "', '" + client + "', 'ADJUST', -300, 'CORRECTION', 'spent', null, 'test', '2025-01-01T00:00:00Z')");
        // 1 July: the 1,000 from June lapse, less the 300 spent since (they used the oldest points)
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).post("/api/engagement/jobs/points-expiry?asOf=2026-07-01T02:00:00Z").then()
                .statusCode(200).body("on", equalTo("2026-07-01"));
        assertThat(balance(client)).isEqualTo(500);
        assertThat(fixtures.sql("SELECT coalesce(sum(points), 0) FROM points_entry WHERE kind = 'EXPIRE' AND client_id = '" + client + "'"))
                .isEqualTo(-700);
        // the same day again, and the next day: nothing more lapses
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).post("/api/engagement/jobs/points-expiry?asOf=2026-07-01T09:00:00Z").then().statusCode(200);
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).post("/api/engagement/jobs/points-expiry?asOf=2026-07-02T02:00:00Z").then().statusCode(200);
        assertThat(balance(client)).isEqualTo(500);
        assertThat(fixtures.sql("SELECT count(*) FROM points_entry WHERE kind = 'EXPIRE' AND client_id = '" + client + "'")).isOne();
        given().auth().oauth2(token(DemoUsers.RM_LI)).post("/api/engagement/jobs/points-expiry").then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).post("/api/engagement/jobs/points-expiry?asOf=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }

    long balance(UUID client) {
        return fixtures.sql("SELECT balance FROM points_account WHERE client_id = '" + client + "'");
    }

    @Test
    void aReferralEarnsTheReferrerOnceWhenTheProspectBecomesAClient() {
        UUID referrer = fixtures.client("PLATINUM");
        UUID prospect = UUID.randomUUID();
        String registered = """
                {"clientId":"%s","fullName":"转介绍 %s","lifecycleStatus":"%s","tier":"MASS","primaryRmId":"%s","team":"team-sh-01","erased":false}""";
        fixtures.send("client.profile", prospect, envelope("ClientRegistered", prospect, Instant.now().toString(),
                registered.formatted(prospect, "p", "PROSPECT", DemoUsers.RM_LI_ID)));
        fixtures.awaitSql("SELECT count(*) FROM client_card WHERE client_id = '" + prospect + "' AND lifecycle_status = 'PROSPECT'", 1);
        // registered long before the referral (outside aurum.loyalty.referral-review-window): no review needed
        fixtures.exec("UPDATE client_card SET registered_at = now() - interval '90 days' WHERE client_id = '" + prospect + "'");
        String body = "{\"referrerClientId\":\"" + referrer + "\",\"referredClientId\":\"" + prospect + "\"}";
        given().auth().oauth2(token(DemoUsers.RM_WANG)).contentType(ContentType.JSON).body(body)
                .post("/api/engagement/loyalty/referrals").then().statusCode(404);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body(body)
                .post("/api/engagement/loyalty/referrals").then().statusCode(201);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body(body)
                .post("/api/engagement/loyalty/referrals").then().statusCode(409).body("type", containsString("already-referred"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"referrerClientId\":\"" + prospect + "\",\"referredClientId\":\"" + referrer + "\"}")
                .post("/api/engagement/loyalty/referrals").then().statusCode(409).body("type", containsString("not-a-prospect"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"referrerClientId\":\"" + referrer + "\"}")
                .post("/api/engagement/loyalty/referrals").then().statusCode(400).body("errors[0].field", containsString("referredClientId"));
        // the prospect becomes a client: the event delivered twice, then another profile change — one REFERRAL entry
        String active = envelope("ClientProfileUpdated", prospect, Instant.now().toString(),
                registered.formatted(prospect, "p", "ACTIVE", DemoUsers.RM_LI_ID));
        fixtures.send("client.profile", prospect, active);
        fixtures.send("client.profile", prospect, active);
        fixtures.send("client.profile", prospect, envelope("ClientProfileUpdated", prospect, Instant.now().toString(),
                registered.formatted(prospect, "p2", "ACTIVE", DemoUsers.RM_LI_ID)));
        fixtures.awaitSql("SELECT count(*) FROM client_card WHERE client_id = '" + prospect + "' AND full_name = '转介绍 p2'", 1);
        assertThat(fixtures.sql("SELECT count(*) FROM points_entry WHERE rule = 'REFERRAL' AND client_id = '" + referrer + "'")).isOne();
        assertThat(fixtures.sql("SELECT sum(points) FROM points_entry WHERE rule = 'REFERRAL' AND client_id = '" + referrer + "'")).isEqualTo(5000);
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/engagement/loyalty/clients/" + referrer + "/referrals").then().statusCode(200)
                .body("[0].referredClientId", equalTo(prospect.toString())).body("[0].convertedAt", org.hamcrest.Matchers.notNullValue());
    }
}
