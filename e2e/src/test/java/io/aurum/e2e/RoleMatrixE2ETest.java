package io.aurum.e2e;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Every role of the product brief against every route, through the gateway with real Keycloak tokens: the
 * gateway's policy (403 before the service), the services' role checks, and the object-level checks (404 for a
 * client outside one's reach, including RM A reading RM B's client).
 */
class RoleMatrixE2ETest {

    static final String[] ROLES = {"rm.li", "rm.wang", "lead.zhang", "advisor.chen", "compliance.zhao", "ops.sun",
            "client.liu", "partner"};
    static String clientOfLi;
    static final String NO_REQUEST = "00000000-0000-4000-8000-0000000000cc";

    @BeforeAll
    static void aClientInRmLisBook() {
        RestAssured.baseURI = System.getProperty("aurum.gateway.url", "http://127.0.0.1:18080");
        RestAssured.port = -1;
        clientOfLi = ActiveClients.register("rm.li", "{\"fullName\":\"矩阵测试\",\"birthDate\":\"1975-01-01\"}",
                java.time.LocalDate.of(1975, 1, 1));
        // the other services learn about the client from client.profile
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token("rm.li"))
                .get("/api/engagement/clients/" + clientOfLi).statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token("rm.li"))
                .get("/api/risk/clients/" + clientOfLi + "/assessments").statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token("rm.li"))
                .get("/api/advice/clients/" + clientOfLi + "/drift").statusCode() == 200);
    }

    static String token(String who) {
        return "partner".equals(who) ? KeycloakTokens.forDemoPartner()
                : KeycloakTokens.forUser(who);
    }

    /** One route, and the status each role must get, in the order of {@link #ROLES}. */
    record Row(String method, String path, String body, int... expected) {
    }

    static List<Row> rows() {
        String c = clientOfLi;
        return List.of(
                //                                                                  li   wang lead adv  comp ops  cli  partner
                new Row("GET", "/api/clients/" + c, null,                             200, 404, 200, 404, 200, 403, 404, 403),
                new Row("GET", "/api/clients?rm=me", null,                            200, 200, 200, 200, 200, 403, 200, 403),
                new Row("POST", "/api/clients", "{\"fullName\":\"新客户\"}",          201, 201, 201, 403, 403, 403, 403, 403),
                // partners refer prospects (an empty referral reaches client-service and is refused there, 400)
                new Row("POST", "/api/clients/referrals", "{}",                       403, 403, 403, 403, 403, 403, 403, 400),
                new Row("GET", "/api/risk/levels", null,                              200, 200, 200, 200, 200, 200, 200, 200),
                new Row("GET", "/api/risk/clients/" + c + "/assessments", null,       200, 404, 200, 404, 200, 403, 404, 403),
                new Row("GET", "/api/risk/reports/failed-checks", null,               403, 403, 403, 403, 200, 403, 403, 403),
                new Row("POST", "/api/risk/questionnaires", "{}",                     403, 403, 403, 403, 403, 400, 403, 403),
                // staff what-ifs; a client is refused whoever it asks about (its check is advisory-service's, below)
                new Row("POST", "/api/risk/suitability-checks",
                        "{\"clientId\":\"" + c + "\",\"lines\":[{\"productId\":\"x\",\"riskRating\":\"R1\","
                                + "\"amount\":{\"amount\":\"1000\",\"currency\":\"CNY\"}}]}",
                                                                                      200, 404, 200, 404, 200, 403, 403, 403),
                new Row("POST", "/api/advice/suitability-checks",
                        "{\"clientId\":\"" + c + "\",\"lines\":[{\"product\":\"MF-BAL-001\"}]}",
                                                                                      200, 404, 200, 404, 200, 403, 404, 403),
                new Row("GET", "/api/advice/products", null,                          200, 200, 200, 200, 200, 200, 200, 200),
                new Row("GET", "/api/advice/models", null,                            200, 200, 200, 200, 200, 200, 403, 403),
                new Row("PUT", "/api/advice/models/C3", "{}",                         403, 403, 403, 403, 403, 400, 403, 403),
                new Row("GET", "/api/advice/proposals", null,                         200, 200, 200, 200, 200, 403, 200, 403),
                new Row("POST", "/api/advice/proposals", "{\"clientId\":\"" + c
                        + "\",\"amount\":{\"amount\":\"500000.00\",\"currency\":\"CNY\"}}",
                                                                                      409, 404, 409, 404, 403, 403, 403, 403),
                new Row("GET", "/api/advice/clients/" + c + "/drift", null,           200, 404, 200, 404, 200, 403, 404, 403),
                new Row("GET", "/api/advice/clients/" + c + "/goals", null,           200, 404, 200, 404, 200, 403, 404, 403),
                new Row("POST", "/api/advice/drift-runs", null,                       403, 403, 403, 403, 403, 200, 403, 403),
                new Row("POST", "/api/advice/proposals/cooling-off-runs", null,       403, 403, 403, 403, 403, 200, 403, 403),
                new Row("GET", "/api/engagement/clients/" + c, null,                  200, 404, 200, 404, 200, 403, 403, 403),
                new Row("GET", "/api/engagement/workbench", null,                     200, 200, 200, 403, 403, 403, 403, 403),
                new Row("GET", "/api/engagement/complaints", null,                    200, 200, 200, 403, 200, 403, 200, 403),
                new Row("GET", "/api/engagement/clients/" + c + "/attrition", null,   200, 404, 200, 404, 200, 403, 403, 403),
                new Row("POST", "/api/engagement/jobs/daily-care", null,              403, 403, 403, 403, 403, 200, 403, 403),
                new Row("GET", "/api/engagement/loyalty/clients/" + c + "/points", null, 200, 404, 200, 404, 200, 200, 404, 403),
                new Row("GET", "/api/engagement/loyalty/rewards", null,               200, 200, 200, 200, 200, 200, 200, 403),
                new Row("POST", "/api/engagement/loyalty/referrals", "{\"referrerClientId\":\"" + c + "\",\"referredClientId\":\"" + c + "\"}",
                                                                                      400, 404, 400, 403, 403, 403, 403, 403),
                // issue 27: checkers (compliance, the client's team lead) see and decide held points acts; never the RM
                new Row("GET", "/api/engagement/loyalty/approvals?status=PENDING", null, 403, 403, 200, 403, 200, 403, 403, 403),
                new Row("POST", "/api/engagement/loyalty/approvals/" + UUID.randomUUID() + "/approve", "{}",
                                                                                      403, 403, 404, 403, 404, 403, 403, 403),
                new Row("POST", "/api/engagement/loyalty/approvals/" + UUID.randomUUID() + "/reject", "{}",
                                                                                      403, 403, 404, 403, 404, 403, 403, 403),
                // a benefit use dated in another quota year is refused naming `on` (issue 27, part 5)
                new Row("POST", "/api/engagement/loyalty/clients/" + c + "/benefits/AIRPORT-LOUNGE/uses", "{\"on\":\"2031-03-01\"}",
                                                                                      400, 404, 400, 403, 403, 403, 403, 403),
                new Row("GET", "/api/engagement/performance/rms/" + DemoUsers.RM_LI_ID + "?month=2001-01", null,
                                                                                      404, 403, 403, 403, 404, 404, 403, 403),
                new Row("GET", "/api/engagement/performance/teams/team-sh-01?month=2001-01", null,
                                                                                      403, 403, 404, 403, 404, 404, 403, 403),
                new Row("GET", "/api/engagement/contribution/clients/" + c, null,     200, 404, 200, 404, 200, 200, 403, 403),
                new Row("GET", "/api/engagement/contribution/over-budget?month=2001-01", null,
                                                                                      404, 404, 404, 403, 404, 404, 403, 403),
                new Row("POST", "/api/engagement/jobs/points-expiry", null,           403, 403, 403, 403, 403, 200, 403, 403),
                new Row("POST", "/api/engagement/jobs/month-close", null,             403, 403, 403, 403, 403, 200, 403, 403),
                new Row("GET", "/api/clients/" + c + "/household", null,              200, 404, 200, 404, 200, 403, 404, 403),
                new Row("GET", "/api/clients/" + c + "/consents", null,               200, 404, 200, 404, 200, 403, 404, 403),
                new Row("GET", "/api/clients/" + c + "/export", null,                 403, 403, 200, 403, 200, 403, 404, 403),
                new Row("GET", "/api/clients/reports/uncovered", null,                403, 403, 200, 403, 200, 403, 403, 403),
                new Row("GET", "/api/audit/events?clientId=" + c, null,               403, 403, 403, 403, 200, 403, 403, 403),
                new Row("GET", "/api/tiering/policy", null,                           200, 200, 200, 200, 200, 200, 403, 403),
                new Row("POST", "/api/tiering/month-end-runs", "{}",                  403, 403, 403, 403, 403, 400, 403, 403),
                new Row("GET", "/api/aum/fx-rates", null,                             200, 200, 200, 200, 200, 200, 403, 403),
                new Row("POST", "/api/aum/fx-rates", "[]",                            403, 403, 403, 403, 403, 400, 403, 403),
                new Row("POST", "/api/privacy/key-rotations", null,                   403, 403, 403, 403, 403, 200, 403, 403),
                new Row("POST", "/api/clients/replays", null,                         403, 403, 403, 403, 403, 200, 403, 403),
                // maker–checker: a client's requests as a read; the queue and the decisions are the checker's
                new Row("GET", "/api/clients/" + c + "/change-requests", null,        200, 404, 200, 404, 200, 403, 403, 403),
                new Row("GET", "/api/clients/change-requests?status=PENDING", null,   403, 403, 403, 403, 200, 403, 403, 403),
                new Row("POST", "/api/clients/change-requests/" + NO_REQUEST + "/approve", "{}",
                                                                                      403, 403, 403, 403, 404, 403, 403, 403),
                new Row("POST", "/api/clients/change-requests/" + NO_REQUEST + "/reject", "{\"reason\":\"x\"}",
                                                                                      403, 403, 403, 403, 404, 403, 403, 403),
                // enhanced due diligence is requested by the client's RM or team lead (an empty finding is 400)
                new Row("POST", "/api/clients/" + c + "/due-diligence", "{}",         400, 404, 400, 403, 403, 403, 403, 403),
                // registration makes prospects only
                new Row("POST", "/api/clients", "{\"fullName\":\"直接激活\",\"lifecycleStatus\":\"ACTIVE\"}",
                                                                                      400, 400, 400, 403, 403, 403, 403, 403));
    }

    @TestFactory
    List<DynamicTest> everyRoleOnEveryRoute() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : rows()) {
            for (int i = 0; i < ROLES.length; i++) {
                String role = ROLES[i];
                int expected = row.expected()[i];
                tests.add(DynamicTest.dynamicTest(row.method() + " " + row.path().replace(clientOfLi, "{client}")
                        + " as " + role + " → " + expected, () -> {
                    RequestSpecification request = given().auth().oauth2(token(role));
                    if (row.body() != null) {
                        request = request.contentType(ContentType.JSON).body(row.body());
                    }
                    request.request(row.method(), row.path()).then().statusCode(expected);
                }));
            }
        }
        return tests;
    }

}
