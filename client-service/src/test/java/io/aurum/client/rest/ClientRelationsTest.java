package io.aurum.client.rest;

import io.aurum.testing.DemoUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static io.aurum.client.rest.TestData.register;
import static io.aurum.client.rest.TestData.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Households, referrals, coverage, consent and the data-subject rights, on real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
class ClientRelationsTest {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private void setAum(String clientId, String aum) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE client_standing SET aum_cny = ?2 WHERE client_id = ?1")
                .setParameter(1, UUID.fromString(clientId)).setParameter(2, new BigDecimal(aum)).executeUpdate());
    }

    @Test
    void familyLinksMakeAHouseholdWithCombinedAumAndReferralsAreKept() {
        String husband = register(DemoUsers.RM_LI, "{\"fullName\":\"王大山\"}");
        String wife = register(DemoUsers.RM_LI, "{\"fullName\":\"李小梅\"}");
        String son = register(DemoUsers.RM_WANG, "{\"fullName\":\"王小山\"}");
        setAum(husband, "3000000.00");
        setAum(wife, "1500000.50");
        setAum(son, "200000.00");

        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"relatedClientId\":\"" + wife + "\",\"kind\":\"SPOUSE\"}")
                .post("/api/clients/" + husband + "/relationships").then().statusCode(201);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"relatedClientId\":\"" + wife + "\",\"kind\":\"SPOUSE\"}")
                .post("/api/clients/" + husband + "/relationships").then().statusCode(409);
        // rm.li cannot link a client outside the book; the team lead can
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"relatedClientId\":\"" + son + "\",\"kind\":\"CHILD\"}")
                .post("/api/clients/" + husband + "/relationships").then().statusCode(400)
                .body("errors[0].field", equalTo("relatedClientId"));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON)
                .body("{\"relatedClientId\":\"" + son + "\",\"kind\":\"CHILD\"}")
                .post("/api/clients/" + husband + "/relationships").then().statusCode(201);
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON)
                .body("{\"relatedClientId\":\"" + son + "\",\"kind\":\"COUSIN\"}")
                .post("/api/clients/" + husband + "/relationships").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));

        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get("/api/clients/" + wife + "/household").then().statusCode(200)
                .body("members", hasSize(3)).body("combinedAumCny", equalTo(4700000.50f));
        // rm.li sees the son (another RM's client) as an id only
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + husband + "/household").then().statusCode(200)
                .body("members.find { it.clientId == '" + son + "' }.fullName", nullValue())
                .body("members.find { it.clientId == '" + son + "' }.visible", equalTo(false));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get("/api/clients/" + son + "/relationships").then().statusCode(200)
                .body("[0].kind", equalTo("PARENT")).body("[0].clientId", equalTo(husband));

        // a referral at registration
        String referred = register(DemoUsers.RM_LI, "{\"fullName\":\"转介绍客户\",\"referredBy\":\"" + husband + "\"}");
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + referred).then().statusCode(200)
                .body("referredBy", equalTo(husband)).body("prospectSource", equalTo("REFERRAL"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + husband + "/relationships").then().statusCode(200)
                .body("kind", hasItem("REFERRED")).body("kind", hasItem("SPOUSE"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"x\",\"referredBy\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/clients").then().statusCode(400).body("errors[0].field", equalTo("referredBy"));
    }

    @Test
    void onlyTheTeamLeadReassignsCoverageWithHistoryAndUncoveredPlatinumClientsAreReported() {
        String id = register(DemoUsers.LEAD_ZHANG, "{\"fullName\":\"无人负责\"}");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE client_standing SET tier = 'PLATINUM' WHERE client_id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get("/api/clients/reports/uncovered").then().statusCode(200)
                .body("items.clientId", hasItem(id));
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/reports/uncovered").then().statusCode(403);

        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"primaryRmId\":\"" + DemoUsers.RM_LI_ID + "\",\"reason\":\"mine\"}")
                .put("/api/clients/" + id + "/coverage").then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON)
                .body("{\"primaryRmId\":\"" + DemoUsers.RM_LI_ID + "\"}")
                .put("/api/clients/" + id + "/coverage").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON)
                .body("{\"privateBankerId\":\"" + DemoUsers.RM_WANG_ID + "\",\"reason\":\"x\"}")
                .put("/api/clients/" + id + "/coverage").then().statusCode(400).body("errors[0].field", equalTo("privateBankerId"));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON)
                .body("{\"primaryRmId\":\"" + DemoUsers.RM_LI_ID + "\",\"reason\":\"platinum needs an RM\"}")
                .put("/api/clients/" + id + "/coverage").then().statusCode(200).body("primaryRmId", equalTo(DemoUsers.RM_LI_ID.toString()));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON)
                .body("{\"primaryRmId\":\"" + DemoUsers.RM_WANG_ID + "\",\"reason\":\"rm.li on leave\"}")
                .put("/api/clients/" + id + "/coverage").then().statusCode(200);
        given().auth().oauth2(token(DemoUsers.RM_WANG)).get("/api/clients/" + id + "/coverage").then().statusCode(200)
                .body("findAll { it.role == 'PRIMARY_RM' }", hasSize(2))
                .body("find { it.userId == '" + DemoUsers.RM_LI_ID + "' }.endedAt", org.hamcrest.Matchers.notNullValue())
                .body("find { it.userId == '" + DemoUsers.RM_WANG_ID + "' }.reason", equalTo("rm.li on leave"));
        // rm.li lost the client
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id).then().statusCode(404);
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get("/api/clients/reports/uncovered").then().statusCode(200)
                .body("items.clientId", not(hasItem(id)));
        KafkaProbe.awaitEvent(bootstrap, "client.profile", id, "ClientCoverageAssigned");
    }

    private long outbox(String type, String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE event_type = ?1 AND message_key = ?2")
                .setParameter(1, type).setParameter(2, clientId).getSingleResult()).longValue());
    }

    /** The RM records a marketing consent at the branch, then its withdrawal by phone (both 201). */
    private void grantThenWithdrawMarketing(String id) {
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"purpose\":\"MARKETING\",\"granted\":true,\"channel\":\"BRANCH\"}")
                .post("/api/clients/" + id + "/consents").then().statusCode(201);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"purpose\":\"MARKETING\",\"granted\":false,\"channel\":\"PHONE\"}")
                .post("/api/clients/" + id + "/consents").then().statusCode(201);
    }

    @Test
    void aReplayPublishesEveryClientsCurrentStateAgainForReadModelsThatStartLate() {
        String id = register(DemoUsers.RM_LI, "{\"fullName\":\"重放测试\"}");
        grantThenWithdrawMarketing(id);
        long profiles = outbox("ClientProfileUpdated", id);
        long consents = outbox("ClientConsentChanged", id);
        given().auth().oauth2(token(DemoUsers.RM_LI)).post("/api/clients/replays").then().statusCode(403);
        long clients = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM client")
                .getSingleResult()).longValue());
        int replayed = given().auth().oauth2(token(DemoUsers.OPS_SUN)).post("/api/clients/replays").then().statusCode(200)
                .extract().path("clients");
        assertThat((long) replayed).isGreaterThanOrEqualTo(clients);
        // not again right away (aurum.replay.min-interval)
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).post("/api/clients/replays").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.containsString("replay-too-soon"));
        // one profile event per client, and the latest decision per consent purpose only (the withdrawal)
        assertThat(outbox("ClientProfileUpdated", id)).isEqualTo(profiles + 1);
        assertThat(outbox("ClientConsentChanged", id)).isEqualTo(consents + 1);
        String replayedConsent = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT envelope FROM outbox_event WHERE event_type = 'ClientConsentChanged' AND message_key = ?1 ORDER BY seq DESC LIMIT 1")
                .setParameter(1, id).getSingleResult());
        assertThat(replayedConsent).contains("\"granted\":false").contains("\"channel\":\"PHONE\"");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM audit_event WHERE action = 'READ_MODELS_REPLAYED'").getSingleResult()).longValue()))
                .isPositive();
    }

    @Test
    void consentDecisionsAreKeptAndWithdrawalsReachKafka() {
        String id = register(DemoUsers.RM_LI, "{\"fullName\":\"同意测试\"}");
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"purpose\":\"MARKETING\",\"granted\":true}")
                .post("/api/clients/" + id + "/consents").then().statusCode(400).body("errors[0].field", equalTo("channel"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"purpose\":\"SPAM\",\"granted\":true,\"channel\":\"BRANCH\"}")
                .post("/api/clients/" + id + "/consents").then().statusCode(400).body("errors[0].field", equalTo("purpose"));
        grantThenWithdrawMarketing(id);
        given().auth().oauth2(token(DemoUsers.ADVISOR_CHEN)).contentType(ContentType.JSON)
                .body("{\"purpose\":\"PROFILING\",\"granted\":true,\"channel\":\"PHONE\"}")
                .post("/api/clients/" + id + "/consents").then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id + "/consents").then().statusCode(200)
                .body("current.MARKETING.granted", equalTo(false)).body("history", hasSize(2));
        String event = KafkaProbe.awaitEvent(bootstrap, "client.consent", id, "\"granted\":false");
        assertThat(event).contains("\"purpose\":\"MARKETING\"").contains("\"channel\":\"PHONE\"");
    }

    @Test
    void exportGivesEverythingAndErasurePseudonymisesButKeepsRegulatoryRecords() {
        String id = register(DemoUsers.RM_LI, """
                {"fullName":"擦除测试","latinName":"ERASE Me","birthDate":"1980-02-02","phone":"13600000000",
                 "email":"erase@example.cn","interestTags":["art"],"sourceOfWealth":"salary","amlRiskRating":"MEDIUM"}""");
        TestData.approvePending(id);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"purpose\":\"MARKETING\",\"granted\":true,\"channel\":\"BRANCH\"}")
                .post("/api/clients/" + id + "/consents").then().statusCode(201);

        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id + "/export").then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get("/api/clients/" + id + "/export").then().statusCode(200)
                .body("profile.phone", equalTo("13600000000")).body("profile.piiMasked", equalTo(false))
                .body("consents.history", hasSize(1)).body("auditTrail.action", hasItem("CLIENT_CREATED"));

        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{}")
                .post("/api/clients/" + id + "/erasure").then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ContentType.JSON).body("{\"reason\":\"client letter 2026-11-20\"}")
                .post("/api/clients/" + id + "/erasure").then().statusCode(200)
                .body("lifecycleStatus", equalTo("CLOSED")).body("erasedAt", org.hamcrest.Matchers.notNullValue());

        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).queryParam("reveal", "true").queryParam("purpose", "check")
                .get("/api/clients/" + id).then().statusCode(200)
                .body("fullName", org.hamcrest.Matchers.startsWith("已删除客户"))
                .body("latinName", nullValue()).body("birthDate", nullValue()).body("phone", nullValue())
                .body("email", nullValue()).body("interestTags", hasSize(0))
                .body("sourceOfWealth", equalTo("salary")).body("amlRiskRating", equalTo("MEDIUM"));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get("/api/clients/" + id + "/consents").then().statusCode(200)
                .body("current.MARKETING.granted", equalTo(false)).body("current.PROFILING.granted", equalTo(false));
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).queryParam("clientId", id).get("/api/audit/events")
                .then().statusCode(200).body("items.action", hasItem("DATA_ERASED")).body("items.action", hasItem("DATA_EXPORTED"))
                .body("items.action", hasItem("CLIENT_CREATED"));
        Object[] raw = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT phone_enc, email_enc, id_number_hash FROM client WHERE id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult());
        assertThat(raw).containsOnlyNulls();
        String etag = given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get("/api/clients/" + id).then().extract().header("ETag");
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).contentType(ClientProfileTest.MERGE).header("If-Match", etag)
                .body("{\"phone\":\"13600000000\"}").patch("/api/clients/" + id).then().statusCode(409);
        KafkaProbe.awaitEvent(bootstrap, "client.profile", id, "\"erased\":true");
    }
}
