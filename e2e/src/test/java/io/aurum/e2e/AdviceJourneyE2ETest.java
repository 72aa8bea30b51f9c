package io.aurum.e2e;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.not;

/**
 * Advice through the gateway with every service running: the client self-assesses in the app (risk-service), the
 * advisor builds a proposal in advisory-service, which asks the real risk-service about every line with its own
 * service token; an R4 line is refused under STRICT, and without it the proposal is presented and the client accepts
 * it in the app. A partner's product goes through ops' approval onto the shelf, and the partner sees no clients.
 */
class AdviceJourneyE2ETest {

    /** Scores 57 on the shipped questionnaire: C3, horizon 3–5 years. */
    static final String BALANCED = """
            {"answers":{"Q1":"B","Q2":"B","Q3":"C","Q4":"C","Q5":"B","Q6":"C","Q7":"C","Q8":"B","Q9":"C","Q10":"B","Q11":"B","Q12":"B"}}""";
    static final String CSI300 = "a0000000-0000-4000-8000-000000000006"; // R4 equity fund
    static final String BALANCED_FUND = "a0000000-0000-4000-8000-000000000005"; // R3
    static final String FI_180 = "a0000000-0000-4000-8000-000000000003"; // R2

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = System.getProperty("aurum.gateway.url", "http://127.0.0.1:18080");
        RestAssured.port = -1;
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(KeycloakTokens.forUser(user)).contentType(ContentType.JSON);
    }

    static RequestSpecification partner() {
        return given().auth().oauth2(KeycloakTokens.forDemoPartner()).contentType(ContentType.JSON);
    }

    static String lines(String... productAndAmount) {
        StringBuilder b = new StringBuilder("{\"lines\":[");
        for (int i = 0; i < productAndAmount.length; i += 2) {
            b.append(i == 0 ? "" : ",").append("{\"productId\":\"").append(productAndAmount[i])
                    .append("\",\"amount\":{\"amount\":\"").append(productAndAmount[i + 1]).append("\",\"currency\":\"CNY\"}}");
        }
        return b.append("]}").toString();
    }

    @Test
    void anUnsuitableLineIsRefusedByRiskServiceAndTheSuitableProposalIsPresentedAndAccepted() {
        String client = DemoUsers.CLIENT_LIU_CLIENT_ID.toString();
        // the client self-assesses on mobile
        as(DemoUsers.CLIENT_LIU).body(BALANCED).post("/api/risk/clients/" + client + "/assessments").then().statusCode(201)
                .body("level", equalTo("C3"));
        // advisory-service learns the level from risk.profile; then the advisor builds a proposal
        String body = "{\"clientId\":\"" + client + "\",\"amount\":{\"amount\":\"1000000.00\",\"currency\":\"CNY\"},\"maxLockupDays\":365}";
        await().atMost(Duration.ofSeconds(30)).until(() -> as(DemoUsers.ADVISOR_CHEN).get("/api/advice/clients/" + client + "/drift")
                .then().extract().path("riskLevel") != null);
        // issue 27: the client cannot have risk-service take its word for a product ("R1" for an R4 fund); through advice
        // the shelf's rating decides, with the real risk-service
        as(DemoUsers.CLIENT_LIU).body("{\"clientId\":\"" + client + "\",\"lines\":[{\"productId\":\"MF-QDII-SPX\","
                        + "\"riskRating\":\"R1\",\"amount\":{\"amount\":\"100000.00\",\"currency\":\"CNY\"}}]}")
                .post("/api/risk/suitability-checks").then().statusCode(403).contentType("application/problem+json")
                .body("type", containsString("suitability-check-through-advice"))
                .body("detail", containsString("/api/advice/suitability-checks"));
        as(DemoUsers.CLIENT_LIU).body("{\"clientId\":\"" + client + "\",\"lines\":[{\"product\":\"MF-QDII-SPX\","
                        + "\"amount\":{\"amount\":\"100000.00\",\"currency\":\"CNY\"}}]}")
                .post("/api/advice/suitability-checks").then().statusCode(200)
                .body("binding", equalTo(true)).body("lines[0].product.riskRating", equalTo("R4"))
                .body("lines[0].verdict", equalTo("UNSUITABLE")).body("lines[0].reasons.code", hasItem("RISK_ABOVE_LEVEL"));
        Response draft = as(DemoUsers.ADVISOR_CHEN).body(body).post("/api/advice/proposals");
        draft.then().statusCode(201).body("status", equalTo("DRAFT")).body("riskLevel", equalTo("C3"))
                .body("lines.verdict", not(hasItem("UNSUITABLE")))
                .body("lines.product.riskRating", not(hasItem("R4")));
        String id = draft.path("id");
        // the advisor adds an R4 fund: the real risk-service refuses it under STRICT
        Response edited = as(DemoUsers.ADVISOR_CHEN).header("If-Match", draft.header("ETag"))
                .body(lines(FI_180, "600000.00", CSI300, "400000.00")).put("/api/advice/proposals/" + id + "/lines");
        edited.then().statusCode(200).body("lines[1].verdict", equalTo("UNSUITABLE"))
                .body("lines[1].reasons.code", hasItem("RISK_ABOVE_LEVEL"))
                .body("lines[1].reasons.textZh", hasItem(containsString("风险等级")));
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/present").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("lines[1]"))
                .body("errors[0].message", containsString("RISK_ABOVE_LEVEL"));
        // without it the proposal is suitable and can be presented
        Response fixed = as(DemoUsers.ADVISOR_CHEN).header("If-Match", edited.header("ETag"))
                .body(lines(FI_180, "600000.00", BALANCED_FUND, "400000.00")).put("/api/advice/proposals/" + id + "/lines");
        fixed.then().statusCode(200).body("lines.verdict", everyItem(not(equalTo("UNSUITABLE"))));
        as(DemoUsers.ADVISOR_CHEN).post("/api/advice/proposals/" + id + "/present").then().statusCode(200)
                .body("status", equalTo("PRESENTED")).body("riskDisclosure.zh", containsString("R3"));
        // engagement-service holds a follow-up for the RM until the client answers
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(DemoUsers.RM_LI).get("/api/engagement/tasks?clientId=" + client)
                .then().statusCode(200).body("items.findAll { it.type == 'PROPOSAL_FOLLOW_UP' && it.relatedId == '" + id + "' }.status",
                        hasItem("OPEN")));
        // the client sees it in the app and accepts it; another client cannot
        as(DemoUsers.CLIENT_HUANG).post("/api/advice/proposals/" + id + "/accept").then().statusCode(404);
        as(DemoUsers.CLIENT_LIU).get("/api/advice/proposals").then().statusCode(200).body("items.id", hasItem(id));
        // staff cannot accept for the client: a branch capture waits for a second staff member
        as(DemoUsers.RM_LI).post("/api/advice/proposals/" + id + "/accept").then().statusCode(isOneOf(202, 409));
        as(DemoUsers.RM_LI).get("/api/advice/proposals/" + id).then().body("status", equalTo("PRESENTED"));
        // the client acknowledges in the app whatever the real check asks it to, then accepts
        Response shown = as(DemoUsers.CLIENT_LIU).get("/api/advice/proposals/" + id);
        List<Map<String, Object>> shownLines = shown.path("lines");
        for (Map<String, Object> line : shownLines) {
            List<?> codes = (List<?>) line.get("toAcknowledge");
            if (!codes.isEmpty()) {
                as(DemoUsers.CLIENT_LIU).body(Map.of("line", line.get("line"), "reasonCodes", codes,
                                "disclosureVersion", shown.path("riskDisclosure.version")))
                        .post("/api/advice/proposals/" + id + "/acknowledgements").then().statusCode(201)
                        .body("channel", equalTo("APP"));
            }
        }
        as(DemoUsers.CLIENT_LIU).post("/api/advice/proposals/" + id + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo("client.liu"));
        // the answer closes the follow-up by itself
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(DemoUsers.RM_LI).get("/api/engagement/tasks?clientId=" + client)
                .then().statusCode(200).body("items.findAll { it.type == 'PROPOSAL_FOLLOW_UP' && it.relatedId == '" + id + "' }.status",
                        hasItem("DONE")));
        // the RM sees the book's accepted proposal; compliance reads it too
        as(DemoUsers.RM_LI).get("/api/advice/proposals?clientId=" + client + "&status=ACCEPTED").then().statusCode(200)
                .body("items.id", hasItem(id));
        as(DemoUsers.COMPLIANCE_ZHAO).get("/api/advice/proposals/" + id).then().statusCode(200);
    }

    @Test
    void aPartnersProductGoesOnTheShelfAfterOpsApproveItAndThePartnerSeesNoClients() {
        String code = "PF-E2E-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String product = """
                {"code":"%s","nameZh":"伙伴稳健债券","nameEn":"Partner steady bond","type":"MUTUAL_FUND","riskRating":"R2",
                 "assetClass":"FIXED_INCOME","minInvestment":{"amount":"1000.00","currency":"CNY"},"lockupDays":0,
                 "issuer":"Partner Asset Management","qualifiedInvestorOnly":false,"privateProduct":false,
                 "expectedYieldLow":"0.0500","expectedYieldHigh":"0.0600"}""".formatted(code);
        String id = partner().body(product).post("/api/advice/products").then().statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).extract().path("id");
        as(DemoUsers.ADVISOR_CHEN).get("/api/advice/products/" + id).then().statusCode(404);
        as(DemoUsers.OPS_SUN).body("{\"status\":\"ON_SALE\",\"reason\":\"approved\"}").post("/api/advice/products/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("ON_SALE"));
        List<String> codes = as(DemoUsers.ADVISOR_CHEN).get("/api/advice/products?assetClass=FIXED_INCOME&size=200").then()
                .statusCode(200).extract().path("items.code");
        assertThat(codes).contains(code);
        // the partner's product has the best fixed-income yield on the shelf: a new proposal picks it
        String client = DemoUsers.CLIENT_HUANG_CLIENT_ID.toString();
        as(DemoUsers.CLIENT_HUANG).body(BALANCED).post("/api/risk/clients/" + client + "/assessments").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> "C3".equals(as(DemoUsers.ADVISOR_CHEN)
                .get("/api/advice/clients/" + client + "/drift").then().extract().path("riskLevel")));
        Response p = as(DemoUsers.ADVISOR_CHEN).body("{\"clientId\":\"" + client
                + "\",\"amount\":{\"amount\":\"500000.00\",\"currency\":\"CNY\"},\"maxLockupDays\":365}").post("/api/advice/proposals");
        p.then().statusCode(201);
        List<Map<String, Object>> proposed = p.path("lines.product");
        assertThat(proposed).extracting(m -> m.get("code")).contains(code);
        // the partner sees nothing about clients or proposals
        partner().get("/api/advice/proposals").then().statusCode(403);
        partner().get("/api/clients/" + client).then().statusCode(403);
        partner().get("/api/advice/clients/" + client + "/drift").then().statusCode(403);
    }
}
