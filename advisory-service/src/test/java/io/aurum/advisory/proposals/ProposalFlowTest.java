package io.aurum.advisory.proposals;

import io.aurum.advisory.support.AdviceFixtures;
import io.aurum.advisory.support.RiskServiceStub;
import io.aurum.testing.DemoUsers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.aurum.advisory.support.AdviceFixtures.token;
import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;
import static io.restassured.config.RestAssuredConfig.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Proposals on real PostgreSQL, Kafka (client and risk events build the read model) and Keycloak (user tokens and
 * advisory-service's own service token), against a stand-in for risk-service's suitability contract (the real
 * risk-service is in the e2e tests).
 */
@QuarkusTest
@QuarkusTestResource(RiskServiceStub.class)
class ProposalFlowTest {

    private static final String CSI300 = "a0000000-0000-4000-8000-000000000006"; // R4 equity
    private static final String BALANCED_FUND = "a0000000-0000-4000-8000-000000000005"; // R3 equity, min 1,000
    private static final String FI_180 = "a0000000-0000-4000-8000-000000000003"; // R2 fixed income, min 10,000
    private static final String USD_BOND = "a0000000-0000-4000-8000-000000000012"; // USD
    private static final String CLOSED_WMP = "a0000000-0000-4000-8000-000000000032";

    @Inject
    AdviceFixtures fixtures;

    @AfterEach
    void riskServiceBack() {
        RiskServiceStub.mode = RiskServiceStub.Mode.ANSWER;
    }

    static io.restassured.specification.RequestSpecification as(String user) {
        return given().config(config().jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    static String newProposal(UUID client, String amount) {
        return """
                {"clientId":"%s","amount":{"amount":"%s","currency":"CNY"}}""".formatted(client, amount);
    }

    Response draft(UUID client, String amount) {
        return as(DemoUsers.ADVISOR_CHEN).body(newProposal(client, amount)).post("/api/advice/proposals");
    }

    @Test
    void aDraftFollowsTheModelWithProductsThatFitAndEveryLineChecked() throws Exception {
        UUID client = fixtures.clientAssessed("C3");
        Response r = draft(client, "2000000.00");
        r.then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString("/api/advice/proposals/"))
                .body("status", equalTo("DRAFT"))
                .body("riskLevel", equalTo("C3"))
                .body("modelVersion", equalTo(1))
                .body("lines.product.riskRating", everyItem(isOneOf("R1", "R2", "R3")))
                .body("lines.verdict", everyItem(equalTo("SUITABLE")))
                .body("suitability", equalTo("SUITABLE"))
                .body("riskDisclosure.zh", containsString("理财非存款"))
                .body("riskDisclosure.en", containsString("not deposits"))
                .body("expectedReturn", notNullValue())
                .body("expectedVolatility", notNullValue());
        List<String> amounts = r.path("lines.amount.amount");
        BigDecimal placed = amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unplaced = new BigDecimal(r.<String>path("unplacedAmount.amount"));
        assertThat(placed.add(unplaced)).isEqualByComparingTo("2000000.00");
        // the C3 model holds 45% fixed income: the fixed-income lines add up to 900,000.00
        List<Map<String, Object>> lines = r.path("lines");
        BigDecimal fixedIncome = lines.stream().filter(l -> "FIXED_INCOME".equals(((Map<?, ?>) l.get("product")).get("assetClass")))
                .map(l -> new BigDecimal((String) ((Map<?, ?>) l.get("amount")).get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(fixedIncome).isEqualByComparingTo("900000.00");
        // advisory-service called risk-service with its own Keycloak service token
        assertThat(RiskServiceStub.lastTokenClaims().path("azp").asText()).isEqualTo("advisory-service");
        assertThat(RiskServiceStub.lastTokenClaims().path("realm_access").path("roles").toString()).contains("internal-service");
    }

    @Test
    void anUnsuitableLineBlocksPresentingAndRemovingItLetsTheClientAccept() {
        UUID client = fixtures.clientAssessed("C3");
        Response d = draft(client, "1000000.00");
        String id = d.path("id");
        String etag = d.header("ETag");
        Response edited = as(DemoUsers.ADVISOR_CHEN).header("If-Match", etag).body("""
                {"lines":[{"productId":"%s","amount":{"amount":"600000.00","currency":"CNY"}},
                          {"productId":"%s","amount":{"amount":"400000.00","currency":"CNY"}}]}""".formatted(FI_180, CSI300))
                .put("/api/advice/proposals/" + id + "/lines");
        edited.then().statusCode(200)
                .body("lines[1].verdict", equalTo("UNSUITABLE"))
                .body("lines[1].reasons[0].code", equalTo("RISK_ABOVE_LEVEL"))
                .body("suitability", equalTo("UNSUITABLE"))
                .body("riskDisclosure.zh", containsString("R4"));
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/present").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("proposal-unsuitable"))
                .body("errors[0].field", equalTo("lines[1]"))
                .body("errors[0].message", containsString("RISK_ABOVE_LEVEL"));
        as(DemoUsers.ADVISOR_CHEN).get("/api/advice/proposals/" + id).then().body("status", equalTo("DRAFT"));
        assertThat(fixtures.outbox("ProposalPresented", client)).isZero();

        String etag2 = as(DemoUsers.ADVISOR_CHEN).get("/api/advice/proposals/" + id).header("ETag");
        as(DemoUsers.ADVISOR_CHEN).header("If-Match", etag2).body("""
                {"lines":[{"productId":"%s","amount":{"amount":"600000.00","currency":"CNY"}},
                          {"productId":"%s","amount":{"amount":"400000.00","currency":"CNY"}}]}""".formatted(FI_180, BALANCED_FUND))
                .put("/api/advice/proposals/" + id + "/lines").then().statusCode(200).body("suitability", equalTo("SUITABLE"));
        // the client cannot see a draft
        as(DemoUsers.CLIENT_LIU).get("/api/advice/proposals/" + id).then().statusCode(404);
        Response presented = as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/present");
        presented.then().statusCode(200).body("status", equalTo("PRESENTED"));
        Instant expires = Instant.parse(presented.path("expiresAt"));
        assertThat(Duration.between(Instant.now(), expires).toDays()).isBetween(29L, 30L);
        assertThat(fixtures.outbox("ProposalPresented", client)).isOne();
        // the RM sees it in the book, a colleague does not
        as(DemoUsers.RM_LI).get("/api/advice/proposals?clientId=" + client).then().statusCode(200).body("total", equalTo(1));
        as(DemoUsers.RM_WANG).get("/api/advice/proposals?clientId=" + client).then().statusCode(200).body("total", equalTo(0));
        as(DemoUsers.RM_WANG).get("/api/advice/proposals/" + id).then().statusCode(404);
        // presented proposals cannot be edited
        as(DemoUsers.ADVISOR_CHEN).header("If-Match", presented.header("ETag")).body("""
                {"lines":[{"productId":"%s","amount":{"amount":"1000000.00","currency":"CNY"}}]}""".formatted(FI_180))
                .put("/api/advice/proposals/" + id + "/lines").then().statusCode(409);
        // at the branch the RM captures the client's acceptance; it is the client's only once a colleague confirms it
        as(DemoUsers.RM_LI).post("/api/advice/proposals/" + id + "/accept").then().statusCode(202).body("status", equalTo("PRESENTED"));
        assertThat(fixtures.outbox("ProposalAccepted", client)).isZero();
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/accept/confirmation").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo("rm.li"))
                .body("evidence[0].confirmedBy", equalTo("advisor.chen"));
        as(DemoUsers.RM_LI).post("/api/advice/proposals/" + id + "/accept").then().statusCode(409);
        assertThat(fixtures.outbox("ProposalAccepted", client)).isOne();
    }

    @Test
    void theClientSeesAndAnswersItsOwnPresentedProposalsOnly() {
        UUID client = fixtures.demoClientLiu("C4");
        String id = draft(client, "500000.00").then().statusCode(201).extract().path("id");
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/present").then().statusCode(200);
        as(DemoUsers.CLIENT_LIU).get("/api/advice/proposals").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.status", everyItem(isOneOf("PRESENTED", "COOLING_OFF", "ACCEPTED", "REJECTED", "EXPIRED",
                        "CANCELLED")));
        as(DemoUsers.CLIENT_HUANG).get("/api/advice/proposals/" + id).then().statusCode(404);
        as(DemoUsers.CLIENT_HUANG).post("/api/advice/proposals/" + id + "/accept").then().statusCode(404);
        as(DemoUsers.CLIENT_LIU).body("{\"reason\":\"想再考虑一下 — want to think about it\"}")
                .post("/api/advice/proposals/" + id + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decidedBy", equalTo("client.liu"))
                .body("rejectionReason", containsString("think"));
        assertThat(fixtures.outbox("ProposalRejected", client)).isPositive();
        // a client cannot build proposals
        as(DemoUsers.CLIENT_LIU).body(newProposal(client, "500000.00")).post("/api/advice/proposals").then().statusCode(403);
    }

    @Test
    void withoutAValidRiskProfileThereIsNoProposal() {
        UUID never = fixtures.clientOfLi();
        draft(never, "500000.00").then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("risk-profile-missing"));
        UUID expired = fixtures.clientOfLi();
        fixtures.assessed(expired, "C3", Instant.now().minus(Duration.ofDays(1)));
        draft(expired, "500000.00").then().statusCode(409).body("type", containsString("risk-profile-expired"));
        assertThat(fixtures.sql("SELECT count(*) FROM proposal WHERE client_id IN ('" + never + "','" + expired + "')")).isZero();
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        UUID client = fixtures.clientAssessed("C3");
        as(DemoUsers.ADVISOR_CHEN).body("""
                {"clientId":"%s","amount":{"amount":"500000.00","currency":"USD"}}""".formatted(client))
                .post("/api/advice/proposals").then().statusCode(400).body("errors[0].field", equalTo("amount.currency"));
        as(DemoUsers.ADVISOR_CHEN).body("""
                {"clientId":"%s","amount":{"amount":"-5","currency":"CNY"}}""".formatted(client))
                .post("/api/advice/proposals").then().statusCode(400).body("errors.field", hasItem(containsString("amount")));
        as(DemoUsers.ADVISOR_CHEN).body("""
                {"clientId":"%s","amount":{"amount":"500000.00","currency":"CNY"},"goalIds":["%s"]}""".formatted(client, UUID.randomUUID()))
                .post("/api/advice/proposals").then().statusCode(400).body("errors[0].field", equalTo("goalIds[0]"));
        Response d = draft(client, "500000.00");
        String id = d.path("id");
        String etag = d.header("ETag");
        String path = "/api/advice/proposals/" + id + "/lines";
        as(DemoUsers.ADVISOR_CHEN).body("{\"lines\":[{\"productId\":\"%s\",\"amount\":{\"amount\":\"500.00\",\"currency\":\"CNY\"}}]}"
                .formatted(FI_180)).put(path).then().statusCode(428);
        as(DemoUsers.ADVISOR_CHEN).header("If-Match", "\"99\"").body("{\"lines\":[{\"productId\":\"%s\",\"amount\":{\"amount\":\"50000.00\",\"currency\":\"CNY\"}}]}"
                .formatted(FI_180)).put(path).then().statusCode(412);
        as(DemoUsers.ADVISOR_CHEN).header("If-Match", etag).body("{\"lines\":[{\"productId\":\"%s\",\"amount\":{\"amount\":\"500.00\",\"currency\":\"CNY\"}}]}"
                .formatted(FI_180)).put(path).then().statusCode(400).body("errors[0].field", equalTo("lines[0].amount"))
                .body("errors[0].message", containsString("minimum investment"));
        as(DemoUsers.ADVISOR_CHEN).header("If-Match", etag).body("{\"lines\":[{\"productId\":\"%s\",\"amount\":{\"amount\":\"50000.00\",\"currency\":\"CNY\"}}]}"
                .formatted(UUID.randomUUID())).put(path).then().statusCode(400).body("errors[0].field", equalTo("lines[0].productId"));
        as(DemoUsers.ADVISOR_CHEN).header("If-Match", etag).body("{\"lines\":[{\"productId\":\"%s\",\"amount\":{\"amount\":\"50000.00\",\"currency\":\"CNY\"}}]}"
                .formatted(USD_BOND)).put(path).then().statusCode(400).body("errors[0].message", containsString("USD"));
        as(DemoUsers.ADVISOR_CHEN).header("If-Match", etag).body("{\"lines\":[{\"productId\":\"%s\",\"amount\":{\"amount\":\"50000.00\",\"currency\":\"CNY\"}}]}"
                .formatted(CLOSED_WMP)).put(path).then().statusCode(400).body("errors[0].message", containsString("CLOSED"));
        as(DemoUsers.ADVISOR_CHEN).header("If-Match", etag).body("{\"lines\":[]}").put(path).then().statusCode(400);
        as(DemoUsers.ADVISOR_CHEN).get("/api/advice/proposals/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("id"));
        as(DemoUsers.ADVISOR_CHEN).get("/api/advice/proposals?status=MAYBE").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void objectLevelChecksHideOtherBooksAndComplianceOnlyReads() {
        UUID client = fixtures.clientAssessed("C2");
        as(DemoUsers.RM_WANG).body(newProposal(client, "500000.00")).post("/api/advice/proposals").then().statusCode(404);
        as(DemoUsers.COMPLIANCE_ZHAO).body(newProposal(client, "500000.00")).post("/api/advice/proposals").then().statusCode(403);
        String id = draft(client, "500000.00").then().statusCode(201).extract().path("id");
        as(DemoUsers.COMPLIANCE_ZHAO).get("/api/advice/proposals/" + id).then().statusCode(200);
        as(DemoUsers.LEAD_ZHANG).get("/api/advice/proposals/" + id).then().statusCode(200);
        as(DemoUsers.COMPLIANCE_ZHAO).post("/api/advice/proposals/" + id + "/present").then().statusCode(403);
    }

    @Test
    void whileRiskServiceIsDownNothingIsSavedAndTheAnswerSaysWhy() {
        UUID client = fixtures.clientAssessed("C3");
        String id = draft(client, "800000.00").then().statusCode(201).extract().path("id");
        RiskServiceStub.mode = RiskServiceStub.Mode.FAIL;
        int before = RiskServiceStub.CALLS.get();
        draft(client, "300000.00").then().statusCode(503).contentType("application/problem+json")
                .body("type", containsString("risk-service-unavailable"))
                .body("detail", containsString("Nothing was saved"));
        assertThat(RiskServiceStub.CALLS.get() - before).as("one call and two retries").isEqualTo(3);
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/present").then().statusCode(503);
        as(DemoUsers.ADVISOR_CHEN).get("/api/advice/proposals/" + id).then().body("status", equalTo("DRAFT"));
        assertThat(fixtures.sql("SELECT count(*) FROM proposal WHERE client_id = '" + client + "'")).isOne();
        assertThat(fixtures.outbox("ProposalPresented", client)).isZero();
        // a hanging risk-service is cut off by the timeout, not waited for
        RiskServiceStub.mode = RiskServiceStub.Mode.HANG;
        long t0 = System.nanoTime();
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/present").then().statusCode(503);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
        // back up: the breaker closes again after its delay and the draft can be presented
        RiskServiceStub.mode = RiskServiceStub.Mode.ANSWER;
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/present").statusCode() == 200);
        assertThat(fixtures.outbox("ProposalPresented", client)).isOne();
    }

    @Test
    void presentedProposalsExpireAfterTheirValidity() {
        UUID client = fixtures.clientAssessed("C2");
        String id = draft(client, "300000.00").then().statusCode(201).extract().path("id");
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/present").then().statusCode(200);
        as(DemoUsers.OPS_SUN).post("/api/advice/proposals/expiry-runs").then().statusCode(200);
        as(DemoUsers.ADVISOR_CHEN).get("/api/advice/proposals/" + id).then().body("status", equalTo("PRESENTED"));
        // 30 days pass
        fixtures.exec("UPDATE proposal SET expires_at = now() - interval '1 minute' WHERE id = '" + id + "'");
        as(DemoUsers.OPS_SUN).post("/api/advice/proposals/expiry-runs").then().statusCode(200);
        as(DemoUsers.ADVISOR_CHEN).get("/api/advice/proposals/" + id).then().body("status", equalTo("EXPIRED"));
        assertThat(fixtures.outbox("ProposalExpired", client)).isOne();
        as(DemoUsers.OPS_SUN).post("/api/advice/proposals/expiry-runs").then().statusCode(200);
        assertThat(fixtures.outbox("ProposalExpired", client)).isOne();
        as(DemoUsers.RM_LI).post("/api/advice/proposals/" + id + "/accept").then().statusCode(409);
        as(DemoUsers.OPS_SUN).post("/api/advice/proposals/expiry-runs?asOf=2099-01-01T00:00:00Z").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/expiry-runs").then().statusCode(403);
    }
}
