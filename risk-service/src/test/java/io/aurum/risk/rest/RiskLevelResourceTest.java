package io.aurum.risk.rest;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RiskLevelResourceTest {

    @Test
    void levelsWithWhatEachMayBuy() {
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.CLIENT_LIU)).get("/api/risk/levels")
                .then().statusCode(200)
                .body("level", contains("C1", "C2", "C3", "C4", "C5"))
                .body("[2].mayBuy", equalTo("R1–R3"))
                .body("[0].nameZh", equalTo("保守型"));
    }

    @Test
    void anonymousCallersGetAProblem() {
        given().get("/api/risk/levels").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void openApiHasTitle() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("Aurum risk-service API"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
