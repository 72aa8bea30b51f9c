package io.aurum.advisory.rest;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;
import static io.restassured.config.RestAssuredConfig.config;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.isOneOf;

@QuarkusTest
class ProductResourceTest {

    @Test
    void theSeededShelfIsOnSaleAndFilterable() {
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).get("/api/advice/products?size=100")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(12))
                .body("items.status", everyItem(equalTo("ON_SALE")));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.CLIENT_LIU)).get("/api/advice/products?maxRisk=2")
                .then().statusCode(200)
                .body("items.riskRating", everyItem(isOneOf("R1", "R2")));
    }

    @Test
    void moneyIsADecimalStringWithCurrency() {
        given().config(config().jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN))
                .get("/api/advice/products?assetClass=CASH")
                .then().statusCode(200)
                .body("items.find { it.code == 'DEP-3M-CNY' }.minInvestment.amount", equalTo("50000.00"))
                .body("items.find { it.code == 'DEP-3M-CNY' }.minInvestment.currency", equalTo("CNY"));
    }

    @Test
    void badFiltersAndWrongRolesAreProblems() {
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).get("/api/advice/products?maxRisk=9")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("maxRisk"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).get("/api/advice/products?assetClass=SHARES")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("assetClass"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).get("/api/advice/products?status=ON_HOLD")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        // hostile parameters are 400s naming the parameter, never a 404 or a 500 (issue 28)
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).urlEncodingEnabled(false).get("/api/advice/products?maxRisk=1e400")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("maxRisk")).body("errors[0].message", equalTo("must be a whole number"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).urlEncodingEnabled(false).get("/api/advice/products?page=9223372036854775808")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).urlEncodingEnabled(false).get("/api/advice/products?status=%00")
                .then().statusCode(400).body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must not contain the NUL character (U+0000)"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).urlEncodingEnabled(false).get("/api/advice/products/%E2%80%AEx")
                .then().statusCode(400).body("errors[0].field", equalTo("id")).body("errors[0].message", containsString("U+202E"));
    }
}
