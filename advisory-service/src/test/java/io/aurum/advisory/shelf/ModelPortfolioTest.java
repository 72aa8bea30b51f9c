package io.aurum.advisory.shelf;

import io.aurum.advisory.support.AdviceFixtures;
import io.aurum.advisory.support.RiskServiceStub;
import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(RiskServiceStub.class)
class ModelPortfolioTest {

    @Inject
    AdviceFixtures fixtures;

    static String weights(String cash, String fi, String eq, String alt) {
        return """
                {"name":"进取型 v2","weights":[{"assetClass":"CASH","targetPercent":"%s","bandPercent":"5"},
                 {"assetClass":"FIXED_INCOME","targetPercent":"%s","bandPercent":"10"},
                 {"assetClass":"EQUITY","targetPercent":"%s","bandPercent":"10"},
                 {"assetClass":"ALTERNATIVE","targetPercent":"%s","bandPercent":"10"}]}""".formatted(cash, fi, eq, alt);
    }

    @Test
    void everyLevelHasAnActiveModelAndANewVersionRetiresTheOld() {
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).get("/api/advice/models").then().statusCode(200)
                .body("", hasSize(5)).body("riskLevel", equalTo(java.util.List.of("C1", "C2", "C3", "C4", "C5")))
                .body("find { it.riskLevel == 'C3' }.expectedReturn", equalTo("0.0440"));
        int before = given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.OPS_SUN)).get("/api/advice/models/C5").then()
                .extract().path("size()");
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body(weights("5", "20", "50", "25")).put("/api/advice/models/C5").then().statusCode(200)
                .body("version", equalTo(before + 1)).body("status", equalTo("ACTIVE"))
                .body("weights.find { it.assetClass == 'INSURANCE' }.targetPercent", equalTo("0.00"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.OPS_SUN)).get("/api/advice/models/C5").then()
                .body("", hasSize(before + 1)).body("[0].status", equalTo("ACTIVE")).body("[1].status", equalTo("RETIRED"));
        // a written version never changes (database trigger), not even by a direct UPDATE
        assertThatThrownBy(() -> fixtures.exec("UPDATE model_weight SET target_percent = 90 WHERE asset_class = 'CASH'"))
                .hasStackTraceContaining("model portfolio weights are immutable: write a new version");
        assertThatThrownBy(() -> fixtures.exec("UPDATE model_portfolio SET name = 'changed' WHERE risk_level = 'C1'"))
                .hasStackTraceContaining("model portfolios are immutable: write a new version");
        assertThatThrownBy(() -> fixtures.exec("DELETE FROM model_portfolio WHERE risk_level = 'C2'"))
                .hasStackTraceContaining("model portfolios are immutable");
    }

    @Test
    void weightsMustAddUpToAHundredAndNameKnownClasses() {
        var ops = given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.OPS_SUN)).contentType(ContentType.JSON);
        ops.body(weights("5", "20", "50", "20")).put("/api/advice/models/C4").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("weights"))
                .body("errors[0].message", containsString("95"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body(weights("5", "20", "50", "25").replace("ALTERNATIVE", "CRYPTO")).put("/api/advice/models/C4").then()
                .statusCode(400).body("errors[0].field", equalTo("weights[3].assetClass"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body(weights("5", "20", "50", "25").replace("\"FIXED_INCOME\"", "\"CASH\"")).put("/api/advice/models/C4").then()
                .statusCode(400).body("errors[0].message", containsString("twice"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body(weights("5.555", "20", "50", "24.445")).put("/api/advice/models/C4").then().statusCode(400)
                .body("errors[0].field", equalTo("weights[0].targetPercent"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body(weights("5", "20", "50", "25")).put("/api/advice/models/C9").then().statusCode(400)
                .body("errors[0].field", equalTo("level"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON)
                .body(weights("5", "20", "50", "25")).put("/api/advice/models/C4").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.CLIENT_LIU)).get("/api/advice/models").then().statusCode(403);
    }
}
