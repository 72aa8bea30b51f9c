package io.aurum.e2e;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** client-service through the gateway with the other services running: concurrent updates, AUM uploads and tiers. */
class ClientJourneyE2ETest {

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = System.getProperty("aurum.gateway.url", "http://127.0.0.1:18080");
        RestAssured.port = -1;
    }

    static String register(String body) {
        return given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType(ContentType.JSON).body(body)
                .post("/api/clients").then().statusCode(201).extract().path("id");
    }

    @Test
    void concurrentUpdatesWithTheSameIfMatchHaveExactlyOneWinner() throws Exception {
        String id = register("{\"fullName\":\"并发更新\"}");
        String token = KeycloakTokens.forUser(DemoUsers.RM_LI);
        String etag = given().auth().oauth2(token).get("/api/clients/" + id).then().statusCode(200).extract().header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String employer = "writer-" + i;
                writers.add(() -> given().auth().oauth2(token).contentType("application/merge-patch+json; charset=UTF-8")
                        .header("If-Match", etag).body("{\"employer\":\"" + employer + "\"}")
                        .patch("/api/clients/" + id).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(writers)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 412).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUploadThroughTheGatewayRaisesTheTierAndRiskServiceLearnsTheAum() {
        String id = ActiveClients.register(DemoUsers.RM_LI, "{\"fullName\":\"上传升级\",\"birthDate\":\"1965-05-05\"}",
                LocalDate.of(1965, 5, 5));
        String ops = KeycloakTokens.forUser(DemoUsers.OPS_SUN);
        LocalDate day = LocalDate.now().minusDays(1);
        String csv = "as_of,client_id,product_code,asset_class,currency,amount,risk_rating\n"
                + day.minusMonths(3) + "," + id + ",WMP-1,FIXED_INCOME,CNY,6500000,2\n"
                + day + "," + id + ",WMP-1,FIXED_INCOME,CNY,6500000,2\n"
                + day + "," + id + ",PF-1,ALTERNATIVE,CNY,500000,5\n";
        String location = given().auth().oauth2(ops).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/aum/uploads").then().statusCode(202).extract().header("Location");
        String jobPath = location.substring(location.indexOf("/api/"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(given().auth().oauth2(ops).get(jobPath)
                .then().statusCode(200).extract().path("status")));
        JsonPath profile = given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).get("/api/clients/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(profile.getString("tier")).isEqualTo("DIAMOND");
        assertThat(profile.getFloat("aumCny")).isEqualTo(7000000f);
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).get("/api/clients/" + id + "/tier-history")
                .then().statusCode(200).body("[0].toTier", equalTo("DIAMOND")).body("[0].rule", equalTo("UPGRADE"));
        // a suitability check in risk-service now knows the client's AUM: no AUM_UNKNOWN
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given()
                .auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + id + "\",\"lines\":[{\"productId\":\"x\",\"riskRating\":\"R1\","
                        + "\"amount\":{\"amount\":\"1000\",\"currency\":\"CNY\"}}]}")
                .post("/api/risk/suitability-checks").then().statusCode(200).extract().asString())
                .doesNotContain("AUM_UNKNOWN"));
        // a CSV with a bad row through the gateway: the row is named, the rest loads
        String bad = "as_of,client_id,product_code,asset_class,currency,amount\n" + day + "," + id + ",X,EQUITY,CNY,-1\n";
        String badJob = given().auth().oauth2(ops).contentType("text/csv").body(bad.getBytes(StandardCharsets.UTF_8))
                .post("/api/aum/uploads").then().statusCode(202).extract().header("Location");
        String badPath = badJob.substring(badJob.indexOf("/api/"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(given().auth().oauth2(ops).get(badPath)
                .then().extract().path("status")));
        given().auth().oauth2(ops).get(badPath).then().body("rowsRejected", equalTo(1))
                .body("errors[0].row", equalTo(1)).body("errors[0].field", equalTo("amount"));
    }

    @Test
    void aPartnersReferralSentFourTimesAtOnceIsOneProspectForTheIntakeTeamsLead() throws Exception {
        String partner = KeycloakTokens.forDemoPartner();
        String reference = "E2E-" + System.nanoTime();
        String name = "转介绍" + reference.substring(reference.length() - 6);
        String body = "{\"partnerReference\":\"" + reference + "\",\"fullName\":\"" + name + "\","
                + "\"phone\":\"+86 139 0000 5678\",\"contactConsent\":true}";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                senders.add(() -> given().auth().oauth2(partner).contentType(ContentType.JSON).body(body)
                        .post("/api/clients/referrals").then().body("partnerReference", equalTo(reference))
                        .extract().statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(senders)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 200, 200, 200);
        // the intake team's lead finds one prospect, referred by the partner; the partner may not search clients
        String lead = KeycloakTokens.forUser(DemoUsers.LEAD_ZHANG);
        JsonPath found = given().auth().oauth2(lead).queryParam("name", name).get("/api/clients")
                .then().statusCode(200).extract().jsonPath();
        assertThat(found.getList("items")).hasSize(1);
        given().auth().oauth2(lead).get("/api/clients/" + found.getString("items[0].id")).then().statusCode(200)
                .body("lifecycleStatus", equalTo("PROSPECT")).body("prospectSource", equalTo("PARTNER"))
                .body("phone", org.hamcrest.Matchers.not(equalTo("+86 139 0000 5678")));
        given().auth().oauth2(partner).queryParam("name", name).get("/api/clients").then().statusCode(403);
    }
}
