package io.aurum.client.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.client.domain.LifecycleStatus;
import io.aurum.client.service.ChangeRequests;
import io.aurum.client.service.ClientService;
import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.testing.DemoUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static io.aurum.client.rest.TestData.prcId;
import static io.aurum.client.rest.TestData.register;
import static io.aurum.client.rest.TestData.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Controls a compliance officer signs (issue 27): registration, maker–checker, referral reach, advisors, app consent. */
@QuarkusTest
class ClientControlsTest {

    static final String MERGE = "application/merge-patch+json; charset=UTF-8";
    static final String COMPLIANCE_ZHAO_ID = "6f1c0a00-0000-4000-8000-000000000005";

    @Inject
    ClientService clients;

    @Inject
    ChangeRequests requests;

    @Inject
    EntityManager em;

    private static String prospect(String user) {
        String birth = "1972-03-04";
        return register(user, "{\"fullName\":\"管控测试\",\"birthDate\":\"" + birth + "\",\"identityNumber\":\""
                + prcId(LocalDate.parse(birth)) + "\",\"phone\":\"13512345678\"}");
    }

    private static String etag(String user, String id) {
        return given().auth().oauth2(token(user)).get("/api/clients/" + id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void registrationCreatesOnlyProspectsAndTakesNoControlledFacts() {
        for (String status : new String[]{"ACTIVE", "DORMANT", "CLOSED"}) {
            given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                    .body("{\"fullName\":\"直接激活\",\"lifecycleStatus\":\"" + status + "\"}")
                    .post("/api/clients").then().statusCode(400).body("errors[0].field", equalTo("lifecycleStatus"));
        }
        String header = given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"自带合规\",\"kycStatus\":\"VERIFIED\",\"amlRiskRating\":\"LOW\",\"pep\":false,"
                        + "\"financialAssets\":\"6000000.00\",\"lifecycleStatus\":\"PROSPECT\"}")
                .post("/api/clients").then().statusCode(201)
                .body("lifecycleStatus", equalTo("PROSPECT")).body("kycStatus", equalTo("PENDING"))
                .body("amlRiskRating", org.hamcrest.Matchers.nullValue()).body("financialAssets", org.hamcrest.Matchers.nullValue())
                .extract().header("Aurum-Change-Request");
        assertThat(header).isNotNull();
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).get("/api/clients/change-requests?status=PENDING")
                .then().statusCode(200).body("id", hasItem(header))
                .body("find { it.id == '" + header + "' }.changes.kycStatus.new", equalTo("VERIFIED"))
                .body("find { it.id == '" + header + "' }.changes.pep", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void kycAmlPepAndQualifiedInvestorFactsChangeOnlyWhenComplianceApproves() {
        String id = prospect(DemoUsers.RM_LI);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"status\":\"ACTIVE\"}")
                .post("/api/clients/" + id + "/lifecycle").then().statusCode(409).body("errors.field", hasItem("kycStatus"));

        String request = given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(MERGE).header("If-Match", etag(DemoUsers.RM_LI, id))
                .queryParam("reason", "ID checked at the branch")
                .body("{\"kycStatus\":\"VERIFIED\",\"amlRiskRating\":\"LOW\",\"pep\":true,\"financialAssets\":\"6200000.00\",\"employer\":\"管控公司\"}")
                .patch("/api/clients/" + id).then().statusCode(202)
                .body("status", equalTo("PENDING")).body("maker", equalTo(DemoUsers.RM_LI_ID.toString()))
                .body("reason", equalTo("ID checked at the branch"))
                .body("changes.kycStatus.old", equalTo("PENDING")).body("changes.kycStatus.new", equalTo("VERIFIED"))
                .body("changes.pep.new", equalTo(true)).body("changes.employer", org.hamcrest.Matchers.nullValue())
                .extract().path("id");
        // nothing controlled changed yet; the uncontrolled field of the same patch did
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id).then().statusCode(200)
                .body("kycStatus", equalTo("PENDING")).body("amlRiskRating", org.hamcrest.Matchers.nullValue())
                .body("pep", equalTo(false)).body("financialAssets", org.hamcrest.Matchers.nullValue())
                .body("employer", equalTo("管控公司"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id + "/change-requests").then().statusCode(200)
                .body("[0].id", equalTo(request));
        // an RM outside the book learns nothing; the maker, the team lead and the advisor are no checkers
        given().auth().oauth2(token(DemoUsers.RM_WANG)).get("/api/clients/" + id + "/change-requests").then().statusCode(404);
        for (String user : new String[]{DemoUsers.RM_LI, DemoUsers.LEAD_ZHANG, DemoUsers.ADVISOR_CHEN}) {
            given().auth().oauth2(token(user)).contentType(ContentType.JSON).body("{}")
                    .post("/api/clients/change-requests/" + request + "/approve").then().statusCode(403)
                    .body("type", org.hamcrest.Matchers.endsWith("/checker-role-required"));
        }
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/change-requests").then().statusCode(403);
        // compliance never edits client data itself
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).contentType(MERGE).header("If-Match", etag(DemoUsers.RM_LI, id))
                .body("{\"kycStatus\":\"VERIFIED\"}").patch("/api/clients/" + id).then().statusCode(403);

        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).contentType(ContentType.JSON).body("{\"reason\":\"documents seen\"}")
                .post("/api/clients/change-requests/" + request + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("maker", equalTo(DemoUsers.RM_LI_ID.toString()))
                .body("makerUsername", equalTo(DemoUsers.RM_LI)).body("checker", equalTo(COMPLIANCE_ZHAO_ID))
                .body("checkerUsername", equalTo(DemoUsers.COMPLIANCE_ZHAO)).body("decidedAt", notNullValue());
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id).then().statusCode(200)
                .body("kycStatus", equalTo("VERIFIED")).body("amlRiskRating", equalTo("LOW")).body("pep", equalTo(true))
                .body("financialAssets", equalTo(6200000.0f));
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).contentType(ContentType.JSON).body("{}")
                .post("/api/clients/change-requests/" + request + "/approve").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/change-request-decided"));
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).queryParam("clientId", id).get("/api/audit/events")
                .then().statusCode(200).body("items.action", hasItem("CHANGE_REQUESTED")).body("items.action", hasItem("CHANGE_APPROVED"));
        assertThat(outbox("ClientFinancialFactsUpdated", id)).isEqualTo(1);
        assertThat(outbox("ClientProfileUpdated", id)).isGreaterThanOrEqualTo(2);
        String published = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "SELECT envelope FROM outbox_event WHERE event_type = 'ClientProfileUpdated' AND message_key = ?1"
                                + " ORDER BY seq DESC LIMIT 1").setParameter(1, id).getSingleResult());
        assertThat(published).contains("\"kycStatus\":\"VERIFIED\"").contains("\"amlRiskRating\":\"LOW\"")
                .contains("\"pep\":true");

        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"status\":\"ACTIVE\"}")
                .post("/api/clients/" + id + "/lifecycle").then().statusCode(200).body("lifecycleStatus", equalTo("ACTIVE"));
    }

    @Test
    void aRejectionNeedsAReasonAndChangesNothing() {
        String id = prospect(DemoUsers.RM_LI);
        String request = given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(MERGE).header("If-Match", etag(DemoUsers.RM_LI, id))
                .body("{\"amlRiskRating\":\"LOW\"}").patch("/api/clients/" + id).then().statusCode(202).extract().path("id");
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).contentType(ContentType.JSON).body("{}")
                .post("/api/clients/change-requests/" + request + "/reject").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).contentType(ContentType.JSON).body("{\"reason\":\"adverse media\"}")
                .post("/api/clients/change-requests/" + request + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("decisionReason", equalTo("adverse media"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id).then().statusCode(200)
                .body("amlRiskRating", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).queryParam("clientId", id).queryParam("action", "CHANGE_REJECTED")
                .get("/api/audit/events").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void theMakerNeverChecksEvenWithBothRolesOrUnderAnotherId() throws Exception {
        String id = prospect(DemoUsers.RM_LI);
        Caller both = new Caller(DemoUsers.RM_LI_ID.toString(), DemoUsers.RM_LI,
                Set.of(Roles.RELATIONSHIP_MANAGER, Roles.COMPLIANCE_OFFICER), DemoUsers.TEAM, null);
        long version = ((Number) given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id)
                .then().extract().path("version")).longValue();
        UUID request = QuarkusTransaction.requiringNew().call(() -> clients.update(UUID.fromString(id), version,
                new ObjectMapper().readTree("{\"kycStatus\":\"VERIFIED\"}"), both, null).changeRequest().id());
        // the same user id, with the checker role in the same token
        ApiException same = catchThrowableOfType(ApiException.class,
                () -> QuarkusTransaction.requiringNew().call(() -> requests.approve(request, null, both)));
        assertThat(same.status()).isEqualTo(403);
        assertThat(same.slug()).isEqualTo("maker-cannot-check");
        // the same username under another subject
        Caller alias = new Caller(UUID.randomUUID().toString(), DemoUsers.RM_LI, Set.of(Roles.COMPLIANCE_OFFICER), null, null);
        ApiException aliased = catchThrowableOfType(ApiException.class,
                () -> QuarkusTransaction.requiringNew().call(() -> requests.reject(request, "no", alias)));
        assertThat(aliased.slug()).isEqualTo("maker-cannot-check");
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id).then().body("kycStatus", equalTo("PENDING"));
        // another person with the checker role may
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).contentType(ContentType.JSON).body("{}")
                .post("/api/clients/change-requests/" + request + "/approve").then().statusCode(200);
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id).then().body("kycStatus", equalTo("VERIFIED"));
    }

    @Test
    void enhancedDueDiligenceIsRequestedByTheRmAndApprovedByComplianceAndPublished() {
        String id = prospect(DemoUsers.RM_LI);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{}")
                .post("/api/clients/" + id + "/due-diligence").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(token(DemoUsers.RM_WANG)).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/api/clients/" + id + "/due-diligence").then().statusCode(404);
        String request = given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"reason\":\"source of wealth documented: business sale 2019\"}")
                .post("/api/clients/" + id + "/due-diligence").then().statusCode(202)
                .body("kind", equalTo("ENHANCED_DUE_DILIGENCE")).body("status", equalTo("PENDING")).extract().path("id");
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .post("/api/clients/" + id + "/due-diligence").then().statusCode(409);
        assertThat(lastProfileEvent(id)).contains("\"eddApproved\":false");
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).contentType(ContentType.JSON).body("{}")
                .post("/api/clients/change-requests/" + request + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("makerUsername", equalTo(DemoUsers.RM_LI));
        assertThat(lastProfileEvent(id)).contains("\"eddApproved\":true");
    }

    private String lastProfileEvent(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "SELECT envelope FROM outbox_event WHERE event_type IN ('ClientRegistered', 'ClientProfileUpdated')"
                                + " AND message_key = ?1 ORDER BY seq DESC LIMIT 1").setParameter(1, id).getSingleResult());
    }

    @Test
    void referredByObeysTheReadReachWithOneAnswerForUnknownAndOutOfReach() {
        String wangs = register(DemoUsers.RM_WANG, "{\"fullName\":\"王的客户\"}");
        String outOfReach = given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"越界转介\",\"referredBy\":\"" + wangs + "\"}")
                .post("/api/clients").then().statusCode(400).body("errors[0].field", equalTo("referredBy"))
                .extract().path("detail");
        String unknown = given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"越界转介\",\"referredBy\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/clients").then().statusCode(400).body("errors[0].field", equalTo("referredBy"))
                .extract().path("detail");
        assertThat(outOfReach).isEqualTo(unknown);
        given().auth().oauth2(token(DemoUsers.RM_WANG)).get("/api/clients/" + wangs + "/relationships").then().statusCode(200)
                .body("size()", equalTo(0));
        // the team lead reaches the whole team
        register(DemoUsers.LEAD_ZHANG, "{\"fullName\":\"主管转介\",\"referredBy\":\"" + wangs + "\"}");
    }

    @Test
    void theAdvisorAtRegistrationIsAKnownAdvisorOfTheTeam() {
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"任意顾问\",\"advisorId\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/clients").then().statusCode(400).body("errors[0].field", equalTo("advisorId"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"经理当顾问\",\"advisorId\":\"" + DemoUsers.RM_WANG_ID + "\"}")
                .post("/api/clients").then().statusCode(400).body("errors[0].field", equalTo("advisorId"));
        String id = register(DemoUsers.RM_LI, "{\"fullName\":\"正确顾问\",\"advisorId\":\"" + DemoUsers.ADVISOR_CHEN_ID + "\"}");
        given().auth().oauth2(token(DemoUsers.ADVISOR_CHEN)).get("/api/clients/" + id).then().statusCode(200)
                .body("advisorId", equalTo(DemoUsers.ADVISOR_CHEN_ID.toString()));
    }

    @Test
    void aConsentTheClientGivesInTheAppIsAnAppConsentWhateverTheBodySays() {
        UUID self = DemoUsers.CLIENT_HUANG_CLIENT_ID;
        QuarkusTransaction.requiringNew().run(() -> {
            if (em.find(io.aurum.client.domain.Client.class, self) == null) {
                clients.register(self, NewClient.minimal("黄婷", "HUANG Ting", LocalDate.of(1979, 11, 3),
                                LifecycleStatus.ACTIVE, DemoUsers.RM_WANG_ID, DemoUsers.ADVISOR_CHEN_ID),
                        new Caller("test", "test", Set.of(Roles.TEAM_LEAD), DemoUsers.TEAM, null));
            }
        });
        given().auth().oauth2(token(DemoUsers.CLIENT_HUANG)).contentType(ContentType.JSON)
                .body("{\"purpose\":\"PROFILING\",\"granted\":true,\"channel\":\"PAPER\"}")
                .post("/api/clients/" + self + "/consents").then().statusCode(201).body("channel", equalTo("MOBILE"));
        given().auth().oauth2(token(DemoUsers.RM_WANG)).contentType(ContentType.JSON)
                .body("{\"purpose\":\"PROFILING\",\"granted\":true,\"channel\":\"PAPER\"}")
                .post("/api/clients/" + self + "/consents").then().statusCode(201).body("channel", equalTo("PAPER"));
    }

    private long outbox(String type, String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE event_type = ?1 AND message_key = ?2")
                .setParameter(1, type).setParameter(2, clientId).getSingleResult()).longValue());
    }
}
