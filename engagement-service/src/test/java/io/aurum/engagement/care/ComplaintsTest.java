package io.aurum.engagement.care;

import io.aurum.engagement.support.EngagementFixtures;
import io.aurum.testing.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.aurum.engagement.support.EngagementFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Complaints from the app, deadlines on a controllable clock, escalation to the team lead, resolution back to the client. */
@QuarkusTest
class ComplaintsTest {

    @Inject
    EngagementFixtures fixtures;

    static void deadlines(Instant asOf) {
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).post("/api/engagement/jobs/complaint-deadlines?asOf=" + asOf)
                .then().statusCode(200);
    }

    @Test
    void aComplaintFromTheAppIsEscalatedWhenItsDeadlinesPassAndTheResolutionGoesBackToTheClient() {
        UUID liu = fixtures.client(DemoUsers.CLIENT_LIU_CLIENT_ID, "PLATINUM", LocalDate.of(1968, 4, 12), "", null, null, "");
        String id = given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON)
                .body("{\"category\":\"FEES\",\"severity\":\"HIGH\",\"subject\":\"Unexpected fee\",\"description\":\"1.5% on redemption\"}")
                .post("/api/engagement/complaints").then().statusCode(201)
                .body("channel", equalTo("APP")).body("status", equalTo("OPEN")).body("clientId", equalTo(liu.toString()))
                .extract().path("id");
        UUID complaint = UUID.fromString(id);
        assertThat(fixtures.outbox("ComplaintOpened", liu)).isPositive();
        // only the client's RM, its team lead, compliance and the client see it
        given().auth().oauth2(token(DemoUsers.RM_WANG)).get("/api/engagement/complaints/" + id).then().statusCode(404);
        given().auth().oauth2(token(DemoUsers.CLIENT_HUANG)).get("/api/engagement/complaints/" + id).then().statusCode(404);
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).get("/api/engagement/complaints/" + id).then().statusCode(200);
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).get("/api/engagement/complaints").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.clientId", not(hasItem(DemoUsers.CLIENT_HUANG_CLIENT_ID.toString())));

        Instant filed = Instant.now();
        deadlines(filed.plus(Duration.ofHours(23)));
        assertThat(fixtures.sql("SELECT escalation_level FROM complaint WHERE id = '" + complaint + "'")).isZero();
        deadlines(filed.plus(Duration.ofHours(25)));
        deadlines(filed.plus(Duration.ofHours(26)));
        assertThat(fixtures.sql("SELECT escalation_level FROM complaint WHERE id = '" + complaint + "'")).isOne();
        assertThat(fixtures.sql("SELECT count(*) FROM outbox_event WHERE event_type = 'ComplaintEscalated' AND envelope LIKE '%"
                + complaint + "%'")).isOne();
        // the team lead finds the escalation in the team's tasks and the team view
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).queryParam("scope", "team").queryParam("clientId", liu.toString())
                .get("/api/engagement/tasks").then().statusCode(200).body("items.type", hasItem("COMPLAINT_ESCALATION"));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get("/api/engagement/complaints/report").then().statusCode(200)
                .body("breached", greaterThanOrEqualTo(1)).body("breachedComplaints.id", hasItem(id));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get("/api/engagement/workbench/team").then().statusCode(200)
                .body("breachedComplaints.id", hasItem(id));
        deadlines(filed.plus(Duration.ofDays(16)));
        assertThat(fixtures.sql("SELECT escalation_level FROM complaint WHERE id = '" + complaint + "'")).isEqualTo(2);
        assertThat(fixtures.sql("SELECT count(*) FROM task WHERE related_id = '" + complaint + "' AND type = 'COMPLAINT_ESCALATION'")).isEqualTo(2);

        // resolved by the RM: the escalation tasks close, the client reads the resolution and answers
        given().auth().oauth2(token(DemoUsers.RM_WANG)).contentType(ContentType.JSON).body("{\"resolution\":\"x\"}")
                .post("/api/engagement/complaints/" + id + "/resolve").then().statusCode(404);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"resolution\":\"The fee was waived and refunded; the disclosure will be shown before redemption.\"}")
                .post("/api/engagement/complaints/" + id + "/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"));
        assertThat(fixtures.outbox("ComplaintResolved", liu)).isPositive();
        assertThat(fixtures.sql("SELECT count(*) FROM task WHERE related_id = '" + complaint + "' AND status = 'DONE'")).isEqualTo(2);
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).get("/api/engagement/complaints/" + id).then().statusCode(200)
                .body("resolution", equalTo("The fee was waived and refunded; the disclosure will be shown before redemption."));
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON).body("{\"satisfied\":true,\"comment\":\"thanks\"}")
                .post("/api/engagement/complaints/" + id + "/feedback").then().statusCode(200).body("clientSatisfied", equalTo(true));
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON).body("{\"satisfied\":false}")
                .post("/api/engagement/complaints/" + id + "/feedback").then().statusCode(409);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"resolution\":\"again\"}")
                .post("/api/engagement/complaints/" + id + "/resolve").then().statusCode(409);
    }

    @Test
    void badComplaintsAreProblemsNamingTheField() {
        fixtures.client(DemoUsers.CLIENT_LIU_CLIENT_ID, "PLATINUM", LocalDate.of(1968, 4, 12), "", null, null, "");
        var client = given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON);
        client.body("{\"category\":\"WEATHER\",\"subject\":\"s\",\"description\":\"d\"}").post("/api/engagement/complaints")
                .then().statusCode(400).body("errors[0].field", equalTo("category"));
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON)
                .body("{\"category\":\"SERVICE\",\"subject\":\"s\",\"description\":\"" + "长".repeat(4001) + "\"}")
                .post("/api/engagement/complaints").then().statusCode(400).body("errors[0].field", equalTo("description"));
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + DemoUsers.CLIENT_HUANG_CLIENT_ID + "\",\"category\":\"SERVICE\",\"subject\":\"s\",\"description\":\"d\"}")
                .post("/api/engagement/complaints").then().statusCode(400).body("errors[0].field", equalTo("clientId"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + UUID.randomUUID() + "\",\"category\":\"SERVICE\",\"subject\":\"s\",\"description\":\"d\"}")
                .post("/api/engagement/complaints").then().statusCode(404);
        // a subject that reads differently from what is stored (bidi override, zero-width) is refused, not kept
        for (String subject : new String[]{"\u202Egnp.exe", "refund\u200Bnow", "\u2066x\u2069", "\uFEFFfee", "s\\u0000"}) {
            given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).contentType(ContentType.JSON)
                    .body(("{\"category\":\"SERVICE\",\"subject\":\"" + subject + "\",\"description\":\"d\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/engagement/complaints").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("subject"));
        }
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).queryParam("status", "OPEN\u0000")
                .get("/api/engagement/complaints").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }
}
