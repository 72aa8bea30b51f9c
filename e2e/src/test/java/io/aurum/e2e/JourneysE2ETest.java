package io.aurum.e2e;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The journeys of issue 9 that cross client-, risk-, advisory- and engagement-service, through the gateway with real
 * tokens, Kafka and PostgreSQL, asserting the state in every service they touch (assess-and-advise and partner are in
 * AdviceJourneyE2ETest). Runs after the other journeys: its month-end runs evaluate every client of the instance.
 */
@Order(Integer.MAX_VALUE - 2)
class JourneysE2ETest {

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = System.getProperty("aurum.gateway.url", "http://127.0.0.1:18080");
        RestAssured.port = -1;
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(KeycloakTokens.forUser(user)).contentType(ContentType.JSON);
    }

    /** A checksum-valid PRC resident identity number for a birth date (ISO 7064 MOD 11-2). */
    static String prcId(LocalDate birth) {
        String first17 = "310104" + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static void upload(String csv) {
        String ops = KeycloakTokens.forUser(DemoUsers.OPS_SUN);
        String location = given().auth().oauth2(ops).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/aum/uploads").then().statusCode(202).extract().header("Location");
        String job = location.substring(location.indexOf("/api/"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(given().auth().oauth2(ops).get(job)
                .then().statusCode(200).extract().path("status")));
    }

    static void monthEnd(String day) {
        as(DemoUsers.OPS_SUN).body("{\"monthEnd\":\"" + day + "\"}").post("/api/tiering/month-end-runs").then().statusCode(201);
    }

    static String tier(String client) {
        return as(DemoUsers.RM_LI).get("/api/clients/" + client).then().statusCode(200).extract().path("tier");
    }

    @Test
    void onboardAndTierAProspectConvertsCrossesPlatinumGetsAWelcomeCallAndKeepsTheTierThroughTheGracePeriod() {
        LocalDate birth = LocalDate.of(1972, 6, 18);
        String client = as(DemoUsers.RM_LI).body("{\"fullName\":\"旅程客户\",\"prospectSource\":\"REFERRAL\"}").post("/api/clients")
                .then().statusCode(201).body("lifecycleStatus", equalTo("PROSPECT")).extract().path("id");
        // conversion needs the KYC facts
        String etag = as(DemoUsers.RM_LI).get("/api/clients/" + client).then().extract().header("ETag");
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"birthDate\":\"" + birth + "\",\"identityNumber\":\"" + prcId(birth) + "\",\"phone\":\"13912345678\"}")
                .patch("/api/clients/" + client).then().statusCode(200);
        // KYC VERIFIED is the RM's request and compliance's decision (maker–checker), and conversion needs it
        as(DemoUsers.RM_LI).body("{\"status\":\"ACTIVE\"}").post("/api/clients/" + client + "/lifecycle").then().statusCode(409);
        String etag2 = as(DemoUsers.RM_LI).get("/api/clients/" + client).then().extract().header("ETag");
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType("application/merge-patch+json").header("If-Match", etag2)
                .body("{\"kycStatus\":\"VERIFIED\"}").patch("/api/clients/" + client).then().statusCode(202);
        as(DemoUsers.RM_LI).get("/api/clients/" + client).then().body("kycStatus", equalTo("PENDING"));
        ActiveClients.approvePending(client);
        as(DemoUsers.RM_LI).body("{\"status\":\"ACTIVE\"}").post("/api/clients/" + client + "/lifecycle").then().statusCode(200)
                .body("lifecycleStatus", equalTo("ACTIVE"));
        // three months of snapshots at CNY 1.2 million (each holds until the next): the trailing average crosses PLATINUM
        upload("as_of,client_id,product_code,asset_class,currency,amount,risk_rating\n"
                + "2026-02-14," + client + ",WMP-J,FIXED_INCOME,CNY,1200000,2\n"
                + "2026-03-15," + client + ",WMP-J,FIXED_INCOME,CNY,1200000,2\n"
                + "2026-04-15," + client + ",WMP-J,FIXED_INCOME,CNY,1200000,2\n"
                + "2026-05-15," + client + ",WMP-J,FIXED_INCOME,CNY,1200000,2\n");
        assertThat(tier(client)).isEqualTo("PLATINUM");
        // engagement-service: a welcome call for the client's RM within 3 days
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(DemoUsers.RM_LI).get("/api/engagement/tasks?clientId=" + client)
                .then().statusCode(200).body("items.type", hasItem("WELCOME_CALL"))
                .body("items.ownerId", hasItem(DemoUsers.RM_LI_ID.toString())));
        // risk-service and advisory-service learnt the assets
        await().atMost(Duration.ofSeconds(30)).until(() -> "2026-05-15".equals(as(DemoUsers.RM_LI)
                .get("/api/advice/clients/" + client + "/drift").then().extract().path("holdingsAsOf")));
        // the assets fall to 300,000 from mid-June; the 3-month average first drops below the threshold at the July
        // month-end, and the tier holds through the grace period (three month-ends below) before it drops
        upload("as_of,client_id,product_code,asset_class,currency,amount,risk_rating\n"
                + "2026-06-15," + client + ",WMP-J,FIXED_INCOME,CNY,300000,2\n"
                + "2026-07-15," + client + ",WMP-J,FIXED_INCOME,CNY,300000,2\n"
                + "2026-08-15," + client + ",WMP-J,FIXED_INCOME,CNY,300000,2\n"
                + "2026-09-15," + client + ",WMP-J,FIXED_INCOME,CNY,300000,2\n");
        assertThat(tier(client)).isEqualTo("PLATINUM");
        monthEnd("2026-06-30");
        assertThat(tier(client)).isEqualTo("PLATINUM");
        monthEnd("2026-07-31");
        assertThat(tier(client)).isEqualTo("PLATINUM");
        monthEnd("2026-08-31");
        assertThat(tier(client)).isEqualTo("PLATINUM");
        // the second month-end below raised DowngradeApproaching: a retention call
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(DemoUsers.RM_LI).get("/api/engagement/tasks?clientId=" + client)
                .then().statusCode(200).body("items.type", hasItem("RETENTION_CALL")));
        monthEnd("2026-09-30");
        assertThat(tier(client)).isNotEqualTo("PLATINUM");
        as(DemoUsers.RM_LI).get("/api/clients/" + client + "/tier-history").then().statusCode(200)
                .body("rule", hasItem("DOWNGRADE_AFTER_GRACE")).body("rule", hasItem("UPGRADE"));
    }

    @Test
    void retainALargeOutflowMakesASameDayRetentionCallTheRmLogsTheCallAndTheScoreExplainsItself() {
        String client = ActiveClients.register(DemoUsers.RM_LI, "{\"fullName\":\"流失预警\",\"birthDate\":\"1970-01-01\"}",
                LocalDate.of(1970, 1, 1));
        LocalDate today = LocalDate.now();
        upload("as_of,client_id,product_code,asset_class,currency,amount,risk_rating\n"
                + today.minusDays(3) + "," + client + ",DEP,CASH,CNY,3000000,1\n"
                + today.minusDays(1) + "," + client + ",DEP,CASH,CNY,600000,1\n");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(DemoUsers.RM_LI).get("/api/engagement/tasks?clientId=" + client)
                .then().statusCode(200).body("items.find { it.type == 'RETENTION_CALL' }.priority", equalTo("URGENT")));
        String dueAt = as(DemoUsers.RM_LI).get("/api/engagement/tasks?clientId=" + client).then()
                .extract().path("items.find { it.type == 'RETENTION_CALL' }.dueAt");
        assertThat(Duration.between(Instant.now(), Instant.parse(dueAt))).isLessThanOrEqualTo(Duration.ofDays(1));
        as(DemoUsers.RM_LI).get("/api/engagement/clients/" + client + "/attrition").then().statusCode(200)
                .body("score.reasons.code", hasItem("LARGE_OUTFLOW")).body("score.score", greaterThanOrEqualTo(30));
        as(DemoUsers.RM_LI).body("{\"clientId\":\"" + client + "\",\"channel\":\"CALL\",\"notes\":\"moving 2.4m for a property\","
                        + "\"outcome\":\"keeps the rest with us\"}")
                .post("/api/engagement/interactions").then().statusCode(201).body("completedTasks.size()", greaterThanOrEqualTo(1));
        as(DemoUsers.RM_LI).get("/api/engagement/tasks?clientId=" + client).then()
                .body("items.find { it.type == 'RETENTION_CALL' }.status", equalTo("DONE"));
        as(DemoUsers.RM_LI).get("/api/engagement/clients/" + client + "/attrition").then().statusCode(200)
                .body("score.reasons.code", hasItem("LARGE_OUTFLOW")).body("score.reasons.code", not(hasItem("CONTACT_GAP")));
    }

    @Test
    void complainTheClientFilesInTheAppTheDeadlinePassesTheTeamLeadIsCalledInAndTheResolutionComesBack() {
        String id = as(DemoUsers.CLIENT_LIU).body("{\"category\":\"SERVICE\",\"severity\":\"HIGH\",\"subject\":\"转账延误\","
                        + "\"description\":\"A transfer took three days\"}")
                .post("/api/engagement/complaints").then().statusCode(201).body("channel", equalTo("APP")).extract().path("id");
        // the controllable clock of this instance: 25 hours on, the acknowledgement deadline has passed
        as(DemoUsers.OPS_SUN).post("/api/engagement/jobs/complaint-deadlines?asOf=" + Instant.now().plus(Duration.ofHours(25)))
                .then().statusCode(200).body("acknowledgementBreaches", greaterThanOrEqualTo(1));
        as(DemoUsers.LEAD_ZHANG).get("/api/engagement/tasks?scope=team&clientId=" + DemoUsers.CLIENT_LIU_CLIENT_ID).then().statusCode(200)
                .body("items.findAll { it.relatedId == '" + id + "' }.type", hasItem("COMPLAINT_ESCALATION"));
        as(DemoUsers.LEAD_ZHANG).get("/api/engagement/workbench/team").then().statusCode(200).body("breachedComplaints.id", hasItem(id));
        as(DemoUsers.RM_LI).body("{\"resolution\":\"The delay came from the correspondent bank; fees refunded.\"}")
                .post("/api/engagement/complaints/" + id + "/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"));
        as(DemoUsers.CLIENT_LIU).get("/api/engagement/complaints/" + id).then().statusCode(200)
                .body("resolution", containsString("fees refunded")).body("escalationLevel", equalTo(1));
        as(DemoUsers.LEAD_ZHANG).get("/api/engagement/tasks?scope=team&clientId=" + DemoUsers.CLIENT_LIU_CLIENT_ID).then()
                .body("items.findAll { it.relatedId == '" + id + "' }.status", hasItem("DONE"));
        as(DemoUsers.CLIENT_HUANG).get("/api/engagement/complaints/" + id).then().statusCode(404);
    }

    @Test
    void privacyTheClientsDataIsExportedThenErasedEverywhereWhileRegulatoryRecordsAndTheAuditTrailRemain() {
        String client = ActiveClients.register(DemoUsers.RM_LI, "{\"fullName\":\"隐私客户\",\"latinName\":\"PRIVACY Test\",\"birthDate\":\"1981-08-08\","
                        + "\"phone\":\"13700001111\",\"email\":\"privacy@example.cn\"}", LocalDate.of(1981, 8, 8));
        // a regulatory record elsewhere: a risk assessment at the branch (once risk-service has heard of the client)
        await().atMost(Duration.ofSeconds(30)).until(() -> as(DemoUsers.RM_LI).get("/api/risk/clients/" + client + "/assessments")
                .statusCode() == 200);
        as(DemoUsers.RM_LI).body("""
                {"answers":{"Q1":"B","Q2":"B","Q3":"C","Q4":"C","Q5":"B","Q6":"C","Q7":"C","Q8":"B","Q9":"C","Q10":"B","Q11":"B","Q12":"B"}}""")
                .post("/api/risk/clients/" + client + "/assessments").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(DemoUsers.RM_LI).get("/api/engagement/clients/" + client).statusCode() == 200);
        as(DemoUsers.LEAD_ZHANG).get("/api/clients/" + client + "/export").then().statusCode(200)
                .body("profile.phone", equalTo("13700001111")).body("profile.latinName", equalTo("PRIVACY Test"));
        as(DemoUsers.LEAD_ZHANG).body("{\"reason\":\"client request by letter\"}").post("/api/clients/" + client + "/erasure")
                .then().statusCode(200).body("lifecycleStatus", equalTo("CLOSED"));
        // no service returns the personal data any more
        as(DemoUsers.LEAD_ZHANG).queryParam("reveal", "true").queryParam("purpose", "erasure check").get("/api/clients/" + client)
                .then().statusCode(200).body("fullName", startsWith("已删除客户")).body("phone", equalTo(null))
                .body("latinName", equalTo(null)).body("birthDate", equalTo(null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(DemoUsers.RM_LI).get("/api/engagement/clients/" + client)
                .then().statusCode(200).body("fullName", startsWith("已删除客户")).body("birthDate", equalTo(null)));
        // advice stops (the relationship is closed); the risk assessment stays for the regulator
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(DemoUsers.LEAD_ZHANG)
                .body("{\"clientId\":\"" + client + "\",\"amount\":{\"amount\":\"500000.00\",\"currency\":\"CNY\"}}")
                .post("/api/advice/proposals").then().statusCode(409).body("type", containsString("client-closed")));
        as(DemoUsers.COMPLIANCE_ZHAO).get("/api/risk/clients/" + client + "/assessments").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(1));
        // and the audit trail shows every step
        as(DemoUsers.COMPLIANCE_ZHAO).queryParam("clientId", client).get("/api/audit/events").then().statusCode(200)
                .body("items.action", hasItem("CLIENT_CREATED")).body("items.action", hasItem("DATA_EXPORTED"))
                .body("items.action", hasItem("DATA_ERASED"));
    }
}
