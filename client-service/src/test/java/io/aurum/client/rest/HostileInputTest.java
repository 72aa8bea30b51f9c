package io.aurum.client.rest;

import io.aurum.testing.DemoUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.aurum.client.rest.TestData.register;
import static io.aurum.client.rest.TestData.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * Hostile input on the real stack (issue 28): each value is a fast 400 problem+json naming the field in the bank's
 * words — never a 500, a Java type or seconds of work for the JDBC driver.
 */
@QuarkusTest
class HostileInputTest {

    static final String DATE_RULE = "must be a date (YYYY-MM-DD) between 1900-01-01 and 2200-12-31";
    static final String DECIMAL_RULE = "must be a decimal number with at most 18 digits before and 8 after the point";

    /** A 400 problem naming one field, answered quickly, that leaks nothing of the implementation. */
    static ValidatableResponse refused(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType("application/problem+json").time(lessThan(3000L))
                .body("errors[0].field", equalTo(field))
                .body("detail", startsWith(field))
                .body(not(containsString("java."))).body(not(containsString("io.aurum"))).body(not(containsString("Cannot deserialize")))
                .body(not(containsString("jackson")));
    }

    static ValidatableResponse search(String param, String value) {
        return given().auth().oauth2(token(DemoUsers.RM_LI)).urlEncodingEnabled(false).queryParam(param, value)
                .get("/api/clients").then();
    }

    @Test
    void hostileSearchParametersAreRefusedNamingTheParameter() {
        refused(search("minAum", "1e-2000000"), "minAum")
                .body("errors[0].message", equalTo("must be a non-negative amount with at most 18 digits before and 8 after the point"));
        refused(search("maxAum", "1e400"), "maxAum");
        refused(search("minAum", "1234567890123456789012345678901234567890"), "minAum");
        refused(search("name", "%00"), "name").body("errors[0].message", equalTo("must not contain the NUL character (U+0000)"));
        refused(search("name", "Li%E2%80%AEWei"), "name").body("errors[0].message", containsString("U+202E"));
        refused(search("branch", "SH%E2%80%8B"), "branch");
        refused(search("tag", "golf%00"), "tag");
        refused(search("page", "1e400"), "page").body("errors[0].message", equalTo("must be a whole number"));
        refused(search("size", "9223372036854775808"), "size");
        // ordinary searches still answer
        search("name", "%E9%99%88").statusCode(200);
        search("minAum", "1e5").statusCode(200);
    }

    @Test
    void hostileRegistrationBodiesAreRefusedNamingTheFieldInBankWords() {
        refused(post("{\"fullName\":\"陈思远\",\"birthDate\":\"+999999999-12-31\"}"), "birthDate")
                .body("errors[0].message", equalTo(DATE_RULE)).body("detail", equalTo("birthDate " + DATE_RULE));
        refused(post("{\"fullName\":\"陈思远\",\"birthDate\":\"1899-12-31\"}"), "birthDate");
        refused(post("{\"fullName\":\"陈思远\",\"kycReviewDate\":\"2201-01-01\"}"), "kycReviewDate");
        refused(post("{\"fullName\":\"陈思远\",\"kycReviewDate\":\"2026-02-30\"}"), "kycReviewDate");
        refused(post("{\"fullName\":\"陈思远\",\"gender\":\"ZZZ_UNKNOWN_ENUM\"}"), "gender")
                .body("errors[0].message", equalTo("must be one of MALE, FEMALE, UNDISCLOSED"));
        refused(post("{\"fullName\":\"陈\\u0000思远\"}"), "fullName");
        refused(post("{\"fullName\":\"\\uD800\"}"), "fullName").body("errors[0].message", containsString("valid Unicode"));
        refused(post("{\"fullName\":\"\u202Egnp.exe\"}"), "fullName").body("errors[0].message", containsString("U+202E"));
        refused(post("{\"fullName\":\"Li\u200BWei\"}"), "fullName");
        refused(post("{\"fullName\":\"陈思远\",\"interestTags\":[\"golf\",\"\\u0000\"]}"), "interestTags[1]");
        refused(post("{\"fullName\":\"陈思远\",\"financialAssets\":1e-2000000}"), "financialAssets")
                .body("errors[0].message", equalTo(DECIMAL_RULE));
        refused(post("{\"fullName\":\"陈思远\",\"financialAssets\":\"1e-2000000\"}"), "financialAssets");
        refused(post("{\"fullName\":\"陈思远\",\"financialAssets\":1e400}"), "financialAssets");
        refused(post("{\"fullName\":\"陈思远\",\"financialAssets\":9223372036854775808123456789}"), "financialAssets");
        refused(post("{\"fullName\":\"陈思远\",\"fullName\":\"刘洋\"}"), "fullName")
                .body("errors[0].message", equalTo("appears twice; send each field once"));
        refused(post("{\"fullName\":\"陈思远\",\"extra\":" + "[".repeat(5000) + "]".repeat(5000) + "}"), "body");
        refused(post("{\"fullName\":\"" + "B".repeat(1_000_001) + "\"}"), "body");
    }

    @Test
    void hostilePatchesAreRefusedNamingTheFieldAndChangeNothing() {
        String id = register(DemoUsers.RM_LI, "{\"fullName\":\"补丁测试\",\"branch\":\"SH-XUHUI\"}");
        String etag = given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id).then().statusCode(200)
                .extract().header("ETag");
        refused(patch(id, etag, "{\"branch\":\"SH\\u0000X\"}"), "branch");
        refused(patch(id, etag, "{\"birthDate\":\"+999999999-01-01\"}"), "birthDate").body("errors[0].message", equalTo(DATE_RULE));
        refused(patch(id, etag, "{\"kycReviewDate\":\"-999999999-01-01\"}"), "kycReviewDate");
        refused(patch(id, etag, "{\"gender\":\"NOT_A_GENDER\"}"), "gender").body("errors[0].message", containsString("MALE"));
        refused(patch(id, etag, "{\"financialAssets\":\"1e-2000000\"}"), "financialAssets");
        refused(patch(id, etag, "{\"branch\":\"a\",\"branch\":\"b\"}"), "branch");
        refused(patch(id, etag, "{\"latinName\":\"\u2066LI\u2069\"}"), "latinName");
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id).then().statusCode(200)
                .header("ETag", equalTo(etag)).body("branch", equalTo("SH-XUHUI"));
    }

    @Test
    void hostileRatesAndRateQueriesAreRefused() {
        refused(given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body("[{\"date\":\"+999999999-01-01\",\"currency\":\"USD\",\"rateToCny\":\"7.1\"}]")
                .post("/api/aum/fx-rates").then(), "[0].date");
        refused(given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON)
                .body("[{\"date\":\"2025-01-02\",\"currency\":\"USD\",\"rateToCny\":1e-2000000}]")
                .post("/api/aum/fx-rates").then(), "[0].rateToCny");
        refused(given().auth().oauth2(token(DemoUsers.OPS_SUN)).queryParam("from", "1899-12-31").get("/api/aum/fx-rates").then(), "from")
                .body("errors[0].message", equalTo(DATE_RULE));
        refused(given().auth().oauth2(token(DemoUsers.OPS_SUN)).queryParam("to", "+999999999-12-31").get("/api/aum/fx-rates").then(), "to");
        refused(given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).queryParam("from", "-999999999-01-01T00:00:00Z")
                .get("/api/audit/events").then(), "from");
    }

    private static ValidatableResponse post(String json) {
        return given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body(json.getBytes(StandardCharsets.UTF_8)).post("/api/clients").then();
    }

    private static ValidatableResponse patch(String id, String etag, String json) {
        return given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ClientProfileTest.MERGE).header("If-Match", etag)
                .body(json.getBytes(StandardCharsets.UTF_8)).patch("/api/clients/" + id).then();
    }
}
