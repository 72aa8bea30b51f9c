package io.aurum.advisory.shelf;

import io.aurum.advisory.support.AdviceFixtures;
import io.aurum.advisory.support.RiskServiceStub;
import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The open product platform: partners publish their own products, ops approve them, everyone else sees what is on sale. */
@QuarkusTest
@QuarkusTestResource(RiskServiceStub.class)
class PartnerPlatformTest {

    private static final String BANK_PRODUCT = "a0000000-0000-4000-8000-000000000001";

    @Inject
    AdviceFixtures fixtures;

    static RequestSpecification partner() {
        return given().auth().oauth2(KeycloakTokens.forDemoPartner()).contentType(ContentType.JSON);
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(KeycloakTokens.forUser(user)).contentType(ContentType.JSON);
    }

    static String product(String code, String rating, String yieldLow, String yieldHigh) {
        return """
                {"code":"%s","nameZh":"常青稳健债券","nameEn":"Evergreen steady bond","type":"PRIVATE_FUND","riskRating":"%s",
                 "assetClass":"FIXED_INCOME","minInvestment":{"amount":"1000000.00","currency":"CNY"},"lockupDays":180,
                 "issuer":"Evergreen Asset Management","qualifiedInvestorOnly":true,"privateProduct":true,
                 "expectedYieldLow":%s,"expectedYieldHigh":%s}""".formatted(code, rating, yieldLow, yieldHigh);
    }

    @Test
    void aPartnersProductWaitsForOpsThenGoesOnSale() {
        String code = "PF-EVG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response created = partner().body(product(code, "R3", "\"0.0350\"", "\"0.0500\"")).post("/api/advice/products");
        created.then().statusCode(201).body("status", equalTo("PENDING_APPROVAL")).body("partnerId", equalTo("partner-demo"));
        String id = created.path("id");
        UUID productKey = UUID.fromString(id);
        assertThat(fixtures.sql("SELECT count(*) FROM outbox_event WHERE event_type = 'ProductPublished' AND message_key = '" + productKey + "'")).isOne();
        // not on the shelf yet
        as(DemoUsers.ADVISOR_CHEN).get("/api/advice/products/" + id).then().statusCode(404);
        // the partner sees its own products only, in every status
        partner().get("/api/advice/products?size=200").then().statusCode(200)
                .body("items.code", hasItem(code)).body("items.partnerId", everyItem(equalTo("partner-demo")));
        partner().get("/api/advice/products/" + BANK_PRODUCT).then().statusCode(404);
        partner().header("If-Match", "\"0\"").body(product("DEP-3M-CNY", "R1", "null", "null"))
                .put("/api/advice/products/" + BANK_PRODUCT).then().statusCode(404);
        // a partner cannot approve its own product
        partner().body("{\"status\":\"ON_SALE\"}").post("/api/advice/products/" + id + "/status").then().statusCode(409);
        as(DemoUsers.OPS_SUN).body("{\"status\":\"ON_SALE\",\"reason\":\"terms checked\"}").post("/api/advice/products/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("ON_SALE"));
        assertThat(fixtures.sql("SELECT count(*) FROM outbox_event WHERE event_type = 'ProductApproved' AND message_key = '" + productKey + "'")).isOne();
        as(DemoUsers.ADVISOR_CHEN).get("/api/advice/products/" + id).then().statusCode(200).body("code", equalTo(code));
        // a change by the partner goes back to approval
        String etag = partner().get("/api/advice/products/" + id).header("ETag");
        partner().header("If-Match", etag).body(product(code, "R3", "\"0.0300\"", "\"0.0450\"")).put("/api/advice/products/" + id)
                .then().statusCode(200).body("status", equalTo("PENDING_APPROVAL")).body("expectedYieldLow", equalTo("0.0300"));
        partner().header("If-Match", etag).body(product(code, "R3", "\"0.0300\"", "\"0.0450\"")).put("/api/advice/products/" + id)
                .then().statusCode(412);
        as(DemoUsers.ADVISOR_CHEN).get("/api/advice/products?size=200").then().body("items.code", not(hasItem(code)));
        // the partner withdraws it
        partner().body("{\"status\":\"CLOSED\",\"reason\":\"fund closed early\"}").post("/api/advice/products/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        as(DemoUsers.OPS_SUN).body("{\"status\":\"ON_SALE\"}").post("/api/advice/products/" + id + "/status").then().statusCode(409)
                .body("type", containsString("illegal-product-transition"));
    }

    @Test
    void badProductsAreProblemsNamingTheField() {
        partner().body(product("PF-BAD-1", "R9", "null", "null")).post("/api/advice/products").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("riskRating"));
        partner().body(product("PF-BAD-2", "R3", "\"0.06\"", "\"0.04\"")).post("/api/advice/products").then().statusCode(400)
                .body("errors[0].field", equalTo("expectedYieldLow"));
        partner().body(product("PF-BAD-3", "R3", "\"0.06\"", "null")).post("/api/advice/products").then().statusCode(400)
                .body("errors[0].field", equalTo("expectedYieldHigh"));
        partner().body(product("pf bad", "R3", "null", "null")).post("/api/advice/products").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        partner().body(product("PF-BAD-4", "R3", "null", "null").replace("FIXED_INCOME", "CRYPTO")).post("/api/advice/products")
                .then().statusCode(400).body("errors[0].field", equalTo("assetClass"));
        partner().body(product("PF-BAD-5", "R3", "null", "null").replace("\"CNY\"", "\"yuan\"")).post("/api/advice/products")
                .then().statusCode(400).body("errors[0].field", equalTo("minInvestment.currency"));
        partner().body(product("DEP-3M-CNY", "R1", "null", "null")).post("/api/advice/products").then().statusCode(409)
                .body("type", containsString("duplicate-product-code"));
        as(DemoUsers.ADVISOR_CHEN).body(product("PF-BAD-6", "R3", "null", "null")).post("/api/advice/products").then().statusCode(403);
        as(DemoUsers.CLIENT_LIU).body("{\"status\":\"SUSPENDED\"}").post("/api/advice/products/" + BANK_PRODUCT + "/status").then().statusCode(403);
    }

    @Test
    void opsManageTheBanksOwnShelf() {
        String code = "DEP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String id = as(DemoUsers.OPS_SUN).body(product(code, "R1", "null", "null").replace("PRIVATE_FUND", "DEPOSIT"))
                .post("/api/advice/products").then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        as(DemoUsers.OPS_SUN).body("{\"status\":\"ON_SALE\"}").post("/api/advice/products/" + id + "/status").then().statusCode(409);
        as(DemoUsers.OPS_SUN).body("{\"status\":\"PENDING_APPROVAL\"}").post("/api/advice/products/" + id + "/status").then().statusCode(200);
        as(DemoUsers.OPS_SUN).body("{\"status\":\"ON_SALE\"}").post("/api/advice/products/" + id + "/status").then().statusCode(200);
        as(DemoUsers.OPS_SUN).body("{\"status\":\"SUSPENDED\",\"reason\":\"issuer review\"}").post("/api/advice/products/" + id + "/status")
                .then().statusCode(200).body("statusReason", equalTo("issuer review"));
        as(DemoUsers.CLIENT_LIU).get("/api/advice/products/" + id).then().statusCode(404);
        as(DemoUsers.COMPLIANCE_ZHAO).get("/api/advice/products?status=SUSPENDED").then().statusCode(200).body("items.code", hasItem(code));
    }
}
