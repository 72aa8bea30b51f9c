package io.aurum.engagement.care;

import io.aurum.engagement.support.EngagementFixtures;
import io.aurum.testing.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.aurum.engagement.support.EngagementFixtures.envelope;
import static io.aurum.engagement.support.EngagementFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ProposalsActivitiesAndRiskTest {

    @Inject
    EngagementFixtures fixtures;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    String proposalEvent(String type, UUID proposal, UUID client, String maturity) {
        return """
                {"proposalId":"%s","clientId":"%s","status":"X","riskLevel":"C3","amount":"1000000.00","currency":"CNY",
                 "primaryRmId":"%s","team":"team-sh-01","presentedAt":"%s",
                 "lines":[{"productId":"%s","productCode":"SP-PPN-1Y","assetClass":"FIXED_INCOME","riskRating":"R2",
                           "amount":"1000000.00","maturityDate":%s}]}"""
                .formatted(proposal, client, DemoUsers.RM_LI_ID, Instant.now(), UUID.randomUUID(),
                        maturity == null ? "null" : "\"" + maturity + "\"");
    }

    @Test
    void aPresentedProposalGetsOneFollowUpThatItsAnswerClosesAndAcceptedMaturitiesComeBackAsTasks() {
        UUID client = fixtures.client("PLATINUM");
        UUID proposal = UUID.randomUUID();
        UUID presented = UUID.randomUUID();
        fixtures.send("advisory.proposal", client, envelope(presented, "ProposalPresented", "advisory-service", client,
                proposalEvent("ProposalPresented", proposal, client, null)));
        fixtures.send("advisory.proposal", client, envelope(presented, "ProposalPresented", "advisory-service", client,
                proposalEvent("ProposalPresented", proposal, client, null)));
        fixtures.awaitSql("SELECT count(*) FROM task WHERE related_id = '" + proposal + "' AND type = 'PROPOSAL_FOLLOW_UP'", 1);
        // due when it has been unanswered for 14 days
        assertThat(fixtures.sql("SELECT count(*) FROM task WHERE related_id = '" + proposal
                + "' AND due_at BETWEEN now() + interval '13 days 23 hours' AND now() + interval '14 days 1 hour'")).isOne();
        LocalDate matures = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(40);
        fixtures.send("advisory.proposal", client, envelope(UUID.randomUUID(), "ProposalAccepted", "advisory-service", client,
                proposalEvent("ProposalAccepted", proposal, client, matures.toString())));
        fixtures.awaitSql("SELECT count(*) FROM task WHERE related_id = '" + proposal + "' AND status = 'DONE'", 1);
        fixtures.awaitSql("SELECT count(*) FROM holding_maturity WHERE client_id = '" + client + "'", 1);
        Instant weekBefore = matures.minusDays(5).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).post("/api/engagement/jobs/daily-care?asOf=" + weekBefore).then().statusCode(200);
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).post("/api/engagement/jobs/daily-care?asOf=" + weekBefore.plusSeconds(86400))
                .then().statusCode(200);
        assertThat(fixtures.tasks(client, "MATURITY_FOLLOW_UP")).isOne();
    }

    @Test
    void invitationsFollowTiersTagsAndConsentAndAcceptancesStopAtCapacityAndAttendanceCounts() {
        UUID golfer = fixtures.client(UUID.randomUUID(), "DIAMOND", null, "", null, null, "\"golf\",\"wine\"");
        fixtures.marketingConsent(golfer, true);
        UUID golfer2 = fixtures.client(UUID.randomUUID(), "DIAMOND", null, "", null, null, "\"golf\"");
        fixtures.marketingConsent(golfer2, true);
        UUID noConsent = fixtures.client(UUID.randomUUID(), "DIAMOND", null, "", null, null, "\"golf\"");
        UUID gold = fixtures.client(UUID.randomUUID(), "GOLD", null, "", null, null, "\"golf\"");
        fixtures.marketingConsent(gold, true);
        String tag = "golf";
        String id = given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON).body("""
                        {"name":"佘山高尔夫邀请赛","kind":"GOLF_DAY","startsAt":"%s","location":"Sheshan","capacity":1,
                         "targetTiers":["DIAMOND","PRIVATE"],"interestTags":["%s"]}""".formatted(Instant.now().plus(Duration.ofDays(10)), tag))
                .post("/api/engagement/activities").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).post("/api/engagement/activities/" + id + "/invitations").then()
                .statusCode(200).body("count", greaterThanOrEqualTo(1));
        List<String> invited = given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get("/api/engagement/activities/" + id + "/invitations")
                .then().statusCode(200).extract().path("clientId");
        // the two consenting DIAMOND golfers; not the one without consent, not the GOLD one
        assertThat(invited).containsExactlyInAnyOrder(golfer.toString(), golfer2.toString());
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"clientId\":\"" + golfer + "\",\"accepted\":true}")
                .post("/api/engagement/activities/" + id + "/rsvp").then().statusCode(204);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"clientId\":\"" + golfer2 + "\",\"accepted\":true}")
                .post("/api/engagement/activities/" + id + "/rsvp").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.containsString("activity-full"));
        // attendance counts (points, the contact cadence) only once the activity has begun
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON).body("{\"clientIds\":[\"" + golfer + "\"]}")
                .post("/api/engagement/activities/" + id + "/attendance").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.containsString("activity-not-started"));
        fixtures.exec("UPDATE activity SET starts_at = now() - interval '1 hour' WHERE id = '" + id + "'");
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON).body("{\"clientIds\":[\"" + gold + "\"]}")
                .post("/api/engagement/activities/" + id + "/attendance").then().statusCode(400).body("errors[0].field", equalTo("clientIds[0]"));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON).body("{\"clientIds\":[\"" + golfer + "\"]}")
                .post("/api/engagement/activities/" + id + "/attendance").then().statusCode(200).body("count", equalTo(1));
        assertThat(fixtures.sql("SELECT count(*) FROM interaction WHERE client_id = '" + golfer + "' AND channel = 'EVENT'")).isOne();
        assertThat(fixtures.sql("SELECT count(*) FROM client_card WHERE client_id = '" + golfer + "' AND last_contact_at IS NOT NULL")).isOne();
    }

    @Test
    void aGuestListAndItsAttendanceReachOnlyTheCallersOwnBook() {
        String tag = "wine-" + UUID.randomUUID().toString().substring(0, 6);
        UUID lis = fixtures.client(UUID.randomUUID(), "PRIVATE", null, "", null, null, "\"" + tag + "\"", DemoUsers.RM_LI_ID);
        fixtures.marketingConsent(lis, true);
        UUID wangs = fixtures.client(UUID.randomUUID(), "PRIVATE", null, "", null, null, "\"" + tag + "\"", DemoUsers.RM_WANG_ID);
        fixtures.marketingConsent(wangs, true);
        String id = given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON).body("""
                        {"name":"波尔多品鉴会","kind":"WINE_TASTING","startsAt":"%s","location":"Bund 18","capacity":10,
                         "targetTiers":["PRIVATE"],"interestTags":["%s"]}""".formatted(Instant.now().plus(Duration.ofDays(3)), tag))
                .post("/api/engagement/activities").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).post("/api/engagement/activities/" + id + "/invitations").then().statusCode(200);
        // the team lead sees the team's guests; each RM only the clients of his own book
        assertThat(guests(DemoUsers.LEAD_ZHANG, id)).contains(lis.toString(), wangs.toString());
        assertThat(guests(DemoUsers.RM_WANG, id)).contains(wangs.toString()).doesNotContain(lis.toString());
        assertThat(guests(DemoUsers.RM_LI, id)).contains(lis.toString()).doesNotContain(wangs.toString());
        assertThat(guests(DemoUsers.COMPLIANCE_ZHAO, id)).contains(lis.toString(), wangs.toString());
        // rm.wang cannot answer for rm.li's client either
        given().auth().oauth2(token(DemoUsers.RM_WANG)).contentType(ContentType.JSON).body("{\"clientId\":\"" + lis + "\",\"accepted\":true}")
                .post("/api/engagement/activities/" + id + "/rsvp").then().statusCode(404);
        fixtures.exec("UPDATE activity SET starts_at = now() - interval '10 minutes' WHERE id = '" + id + "'");
        // marking another RM's client as attended answers as for a guest never invited, and changes nothing
        given().auth().oauth2(token(DemoUsers.RM_WANG)).contentType(ContentType.JSON).body("{\"clientIds\":[\"" + lis + "\"]}")
                .post("/api/engagement/activities/" + id + "/attendance").then().statusCode(400)
                .body("errors[0].field", equalTo("clientIds[0]")).body("errors[0].message", equalTo("not invited, or already marked"));
        assertThat(fixtures.sql("SELECT count(*) FROM interaction WHERE client_id = '" + lis + "' AND channel = 'EVENT'")).isZero();
        given().auth().oauth2(token(DemoUsers.RM_WANG)).contentType(ContentType.JSON).body("{\"clientIds\":[\"" + wangs + "\"]}")
                .post("/api/engagement/activities/" + id + "/attendance").then().statusCode(200).body("count", equalTo(1));
    }

    private static List<String> guests(String user, String activity) {
        return given().auth().oauth2(token(user)).get("/api/engagement/activities/" + activity + "/invitations")
                .then().statusCode(200).extract().path("clientId");
    }

    @Test
    void theAttritionScoreExplainsItselfAndTheWorkbenchShowsTheClientAtRisk() {
        UUID client = fixtures.client("PLATINUM");
        fixtures.send("client.aum", client, envelope(UUID.randomUUID(), "LargeOutflowDetected", "client-service", client, """
                {"clientId":"%s","fromAumCny":"5000000.00","toAumCny":"2500000.00","outflowCny":"2500000.00","outflowRatio":"0.5000",
                 "windowStart":"2026-11-18","asOf":"2026-11-24","primaryRmId":"%s","team":"team-sh-01","tier":"PLATINUM"}"""
                .formatted(client, DemoUsers.RM_LI_ID)));
        fixtures.awaitSql("SELECT count(*) FROM task WHERE client_id = '" + client + "' AND type = 'RETENTION_CALL'", 1);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + client + "\",\"category\":\"SERVICE\",\"subject\":\"slow transfer\",\"description\":\"d\"}")
                .post("/api/engagement/complaints").then().statusCode(201).body("channel", equalTo("RM"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/engagement/clients/" + client + "/attrition").then().statusCode(200)
                .body("score.reasons.code", hasItem("LARGE_OUTFLOW")).body("score.reasons.code", hasItem("OPEN_COMPLAINTS"))
                .body("score.score", greaterThanOrEqualTo(30));
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/engagement/workbench").then().statusCode(200)
                .body("clientsAtRisk.clientId", hasItem(client.toString()))
                .body("dueToday.clientId", hasItem(client.toString()));
        given().auth().oauth2(token(DemoUsers.RM_WANG)).get("/api/engagement/clients/" + client + "/attrition").then().statusCode(404);
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).get("/api/engagement/workbench").then().statusCode(403);
    }

    @Test
    void theClientAnswersItsSurveyOnce() {
        UUID liu = fixtures.client(DemoUsers.CLIENT_LIU_CLIENT_ID, "PLATINUM", LocalDate.of(1968, 4, 12), "", null, null, "");
        String survey = given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + liu + "\",\"channel\":\"MEETING\",\"notes\":\"portfolio review\"}")
                .post("/api/engagement/interactions").then().statusCode(201).extract().path("surveyId");
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).get("/api/engagement/surveys").then().statusCode(200).body("id", hasItem(survey));
        given().auth().oauth2(token(DemoUsers.CLIENT_HUANG)).contentType(ContentType.JSON).body("{\"csat\":5,\"nps\":10}")
                .post("/api/engagement/surveys/" + survey).then().statusCode(404);
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON).body("{\"csat\":6,\"nps\":10}")
                .post("/api/engagement/surveys/" + survey).then().statusCode(400).body("errors[0].field", equalTo("csat"));
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON).body("{\"csat\":2,\"nps\":3,\"comment\":\"too long\"}")
                .post("/api/engagement/surveys/" + survey).then().statusCode(200).body("nps", equalTo(3));
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON).body("{\"csat\":5,\"nps\":10}")
                .post("/api/engagement/surveys/" + survey).then().statusCode(409);
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/engagement/clients/" + liu + "/satisfaction").then().statusCode(200)
                .body("latestNps", equalTo(3));
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/engagement/clients/" + liu + "/attrition").then().statusCode(200)
                .body("score.reasons.code", hasItem("UNHAPPY_SURVEY"));
    }

    @Test
    void aPoisonProposalEventGoesToTheDlqAndLaterOnesAreStillApplied() {
        UUID client = fixtures.client("GOLD");
        fixtures.send("advisory.proposal", client, "{\"not\":\"an envelope\"");
        fixtures.send("advisory.proposal", client, envelope(UUID.randomUUID(), "ProposalPresented", "advisory-service", client,
                "{\"clientId\":\"" + client + "\"}"));
        UUID proposal = UUID.randomUUID();
        fixtures.send("advisory.proposal", client, envelope(UUID.randomUUID(), "ProposalPresented", "advisory-service", client,
                proposalEvent("ProposalPresented", proposal, client, null)));
        fixtures.awaitSql("SELECT count(*) FROM task WHERE related_id = '" + proposal + "'", 1);
        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "engagement-dlq-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            dlq.subscribe(List.of("engagement-service.dlq"));
            Set<String> seen = new HashSet<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(500))) {
                    if (client.toString().equals(r.key())) {
                        seen.add(r.value().startsWith("{\"not\"") ? "garbage" : r.value().contains("ProposalPresented") ? "no-proposal" : "?");
                    }
                }
                return seen.contains("garbage") && seen.contains("no-proposal");
            });
        }
    }
}
