package io.aurum.advisory.drift;

import io.aurum.advisory.support.AdviceFixtures;
import io.aurum.advisory.support.RiskServiceStub;
import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(RiskServiceStub.class)
class GoalsTest {

    @Inject
    AdviceFixtures fixtures;

    static String goal(String type, String target, String date, String funded) {
        return """
                {"type":"%s","name":"女儿留学","targetAmount":{"amount":"%s","currency":"CNY"},"targetDate":"%s",
                 "fundedAmount":{"amount":"%s","currency":"CNY"}}""".formatted(type, target, date, funded);
    }

    @Test
    void aGoalShowsItsShortfallAndTheMonthlySavingAtTheModelsReturn() {
        UUID client = fixtures.clientAssessed("C3");
        String date = LocalDate.now().plusYears(6).withDayOfMonth(1).toString();
        var created = given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON)
                .body(goal("EDUCATION", "1500000.00", date, "300000.00")).post("/api/advice/clients/" + client + "/goals");
        created.then().statusCode(201)
                .body("assumedAnnualReturn", equalTo("0.0440"))
                .body("basis", containsString("model C3 v1"))
                .body("onTrack", equalTo(false))
                .body("monthlySaving.currency", equalTo("CNY"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).get("/api/advice/clients/" + client + "/goals").then()
                .statusCode(200).body("", hasSize(1));
        // a new funded amount that covers it
        String id = created.path("id");
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag")).body(goal("EDUCATION", "1500000.00", date, "1500000.00"))
                .put("/api/advice/clients/" + client + "/goals/" + id).then().statusCode(200)
                .body("onTrack", equalTo(true)).body("monthlySaving.amount", equalTo("0.00"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_WANG)).get("/api/advice/clients/" + client + "/goals").then().statusCode(404);
    }

    @Test
    void badGoalsAreProblemsNamingTheField() {
        UUID client = fixtures.clientAssessed("C2");
        var advisor = given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON);
        advisor.body(goal("YACHT", "100.00", "2040-01-01", "0")).post("/api/advice/clients/" + client + "/goals").then()
                .statusCode(400).body("errors[0].field", equalTo("type"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON)
                .body(goal("HOME", "100.00", "2001-01-01", "0")).post("/api/advice/clients/" + client + "/goals").then()
                .statusCode(400).body("errors[0].field", equalTo("targetDate"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON)
                .body(goal("HOME", "0.00", "2040-01-01", "0")).post("/api/advice/clients/" + client + "/goals").then()
                .statusCode(400).body("errors[0].field", equalTo("targetAmount.amount"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON)
                .body(goal("HOME", "100.00", "2040-13-01", "0")).post("/api/advice/clients/" + client + "/goals").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.CLIENT_HUANG)).contentType(ContentType.JSON)
                .body(goal("HOME", "100.00", "2040-01-01", "0")).post("/api/advice/clients/" + client + "/goals").then()
                .statusCode(404);
    }

    @Test
    void hostileGoalsAreRefusedNamingTheFieldInBankWords() {
        UUID client = fixtures.clientAssessed("C2");
        String base = goal("HOME", "100.00", "2040-01-01", "0");
        String[][] cases = {
                {base.replace("女儿留学", "女儿\\u0000留学"), "name", "must not contain the NUL character (U+0000)"},
                {base.replace("女儿留学", "\u202E学留儿女"), "name", "must not contain invisible direction or zero-width characters (found U+202E)"},
                {base.replace("2040-01-01", "+999999999-12-31"), "targetDate", "must be a date (YYYY-MM-DD) between 1900-01-01 and 2200-12-31"},
                {base.replace("2040-01-01", "2201-01-01"), "targetDate", "must be a date (YYYY-MM-DD) between 1900-01-01 and 2200-12-31"},
                {base.replace("\"100.00\"", "1e-2000000"), "targetAmount.amount",
                        "must be a decimal number with at most 18 digits before and 8 after the point"},
                {base.replace("\"100.00\"", "\"1e400\""), "targetAmount.amount",
                        "must be a decimal number with at most 18 digits before and 8 after the point"},
                {base.replace("{\"type\":\"HOME\",", "{\"type\":\"HOME\",\"type\":\"OTHER\","), "type", "appears twice; send each field once"},
        };
        for (String[] c : cases) {
            given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON)
                    .body(c[0].getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/advice/clients/" + client + "/goals").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[1])).body("errors[0].message", equalTo(c[2]))
                    .body("detail", equalTo(c[1] + " " + c[2]));
        }
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).get("/api/advice/clients/" + client + "/goals").then()
                .statusCode(200).body("", hasSize(0));
    }
}
