package io.aurum.engagement.care;

import io.aurum.engagement.support.EngagementFixtures;
import io.aurum.testing.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static io.aurum.engagement.support.EngagementFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The daily care job on a controllable clock (asOf), real PostgreSQL and Kafka. */
@QuarkusTest
class CareAndCadenceTest {

    static final ZoneId BANK = ZoneId.of("Asia/Shanghai");

    @Inject
    EngagementFixtures fixtures;

    static void dailyCare(Instant asOf) {
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).post("/api/engagement/jobs/daily-care?asOf=" + asOf).then().statusCode(200);
    }

    @Test
    void aLapsedCadenceMakesOneContactTaskAndAConversationCompletesItAndResetsTheClock() {
        UUID client = fixtures.client("GOLD");
        Instant now = Instant.now();
        dailyCare(now.plus(Duration.ofDays(89)));
        assertThat(fixtures.tasks(client, "CONTACT_DUE")).isZero();
        dailyCare(now.plus(Duration.ofDays(91)));
        dailyCare(now.plus(Duration.ofDays(91)).plusSeconds(3600));
        assertThat(fixtures.tasks(client, "CONTACT_DUE")).as("once per lapse, however often the job runs").isOne();
        // an e-mail is not a conversation: the task stays open
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + client + "\",\"channel\":\"EMAIL\",\"notes\":\"sent the monthly letter\"}")
                .post("/api/engagement/interactions").then().statusCode(201).body("completedTasks", hasSize(0));
        Response call = given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + client + "\",\"channel\":\"CALL\",\"notes\":\"quarterly review\",\"outcome\":\"happy\"}")
                .post("/api/engagement/interactions");
        call.then().statusCode(201).body("completedTasks", hasSize(1)).body("interaction.meaningful", equalTo(true));
        assertThat(fixtures.sql("SELECT count(*) FROM task WHERE client_id = '" + client + "' AND type = 'CONTACT_DUE' AND status = 'DONE'")).isOne();
        assertThat(fixtures.outbox("TaskCompleted", client)).isOne();
        assertThat(fixtures.sql("SELECT count(*) FROM client_card WHERE client_id = '" + client + "' AND last_contact_at IS NOT NULL")).isOne();
        // the clock restarted at the call: 30 days later nothing is due
        dailyCare(now.plus(Duration.ofDays(30)));
        assertThat(fixtures.tasks(client, "CONTACT_DUE")).isOne();
        // a survey went to the client after the call
        assertThat(fixtures.sql("SELECT count(*) FROM survey WHERE client_id = '" + client + "'")).isOne();
    }

    @Test
    void birthdaysBecomeCareTasksOnThePreferredChannelOutsideQuietHoursOnlyWithMarketingConsent() {
        LocalDate today = LocalDate.now(BANK);
        LocalDate birthday = today.plusDays(5).withYear(1970);
        if (birthday.getMonthValue() == 2 && birthday.getDayOfMonth() == 29) {
            birthday = birthday.plusDays(1);
        }
        UUID withConsent = fixtures.client(UUID.randomUUID(), "PLATINUM", birthday, "\"WECHAT\",\"PHONE\"", "09:00:00", "11:30:00", "");
        fixtures.marketingConsent(withConsent, true);
        UUID without = fixtures.client(UUID.randomUUID(), "PLATINUM", birthday, "\"WECHAT\"", null, null, "");
        dailyCare(Instant.now());
        dailyCare(Instant.now());
        assertThat(fixtures.tasks(withConsent, "BIRTHDAY_CARE")).isOne();
        assertThat(fixtures.tasks(without, "BIRTHDAY_CARE")).isZero();
        List<Object> task = given().auth().oauth2(token(DemoUsers.RM_LI)).queryParam("clientId", withConsent.toString())
                .get("/api/engagement/tasks").then().statusCode(200).extract().path("items.findAll { it.type == 'BIRTHDAY_CARE' }");
        assertThat(task).hasSize(1);
        given().auth().oauth2(token(DemoUsers.RM_LI)).queryParam("clientId", withConsent.toString()).get("/api/engagement/tasks")
                .then().body("items.find { it.type == 'BIRTHDAY_CARE' }.channel", equalTo("WECHAT"));
        String due = given().auth().oauth2(token(DemoUsers.RM_LI)).queryParam("clientId", withConsent.toString())
                .get("/api/engagement/tasks").then().extract().path("items.find { it.type == 'BIRTHDAY_CARE' }.dueAt");
        ZonedDateTime at = ZonedDateTime.ofInstant(Instant.parse(due), BANK);
        assertThat(at.toLocalDate()).isEqualTo(today.plusDays(5));
        assertThat(at.toLocalTime()).as("after the quiet hours (09:00–11:30)").isEqualTo(LocalTime.of(11, 30));
        // withdrawing consent stops care contacts next year's run
        fixtures.marketingConsent(withConsent, false);
    }

    @Test
    void careDaysReachConsentingClientsOfCadenceTiersOnce() {
        UUID vip = fixtures.client(UUID.randomUUID(), "VIP", null, "\"SMS\"", null, null, "");
        fixtures.marketingConsent(vip, true);
        UUID mass = fixtures.client(UUID.randomUUID(), "MASS", null, "", null, null, "");
        fixtures.marketingConsent(mass, true);
        // Spring Festival 2027 is on 6 February: a week ahead
        Instant asOf = Instant.parse("2027-02-01T00:00:00Z");
        dailyCare(asOf);
        dailyCare(asOf.plus(Duration.ofDays(1)));
        assertThat(fixtures.tasks(vip, "FESTIVAL_CARE")).isOne();
        assertThat(fixtures.tasks(mass, "FESTIVAL_CARE")).isZero();
        assertThat(fixtures.sql("SELECT count(*) FROM task WHERE client_id = '" + vip + "' AND type = 'FESTIVAL_CARE' AND channel = 'SMS'"
                + " AND title LIKE '%spring-festival%'")).isOne();
    }

    @Test
    void theControllableClockIsRefusedWhereItIsNotAllowedAndTheJobIsOpsOnly() {
        given().auth().oauth2(token(DemoUsers.RM_LI)).post("/api/engagement/jobs/daily-care").then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).post("/api/engagement/jobs/daily-care?asOf=tomorrow").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void badInteractionsAreProblemsNamingTheField() {
        UUID client = fixtures.client("GOLD");
        var rm = given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON);
        rm.body("{\"clientId\":\"" + client + "\",\"channel\":\"TELEPATHY\"}").post("/api/engagement/interactions").then()
                .statusCode(400).body("errors[0].field", equalTo("channel"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + client + "\",\"channel\":\"CALL\",\"occurredAt\":\"2099-01-01T00:00:00Z\"}")
                .post("/api/engagement/interactions").then().statusCode(400).body("errors[0].field", equalTo("occurredAt"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + client + "\",\"channel\":\"CALL\",\"notes\":\"" + "x".repeat(4001) + "\"}")
                .post("/api/engagement/interactions").then().statusCode(400).body("errors[0].field", equalTo("notes"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + client + "\",\"channel\":\"CALL\",\"taskIds\":[\"" + UUID.randomUUID() + "\"]}")
                .post("/api/engagement/interactions").then().statusCode(400).body("errors[0].field", equalTo("taskIds[0]"));
        given().auth().oauth2(token(DemoUsers.RM_WANG)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + client + "\",\"channel\":\"CALL\"}")
                .post("/api/engagement/interactions").then().statusCode(404);
    }
}
