package io.aurum.client.rest;

import io.aurum.client.domain.LifecycleStatus;
import io.aurum.client.service.ClientService;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.testing.DemoUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.aurum.client.rest.TestData.prcId;
import static io.aurum.client.rest.TestData.register;
import static io.aurum.client.rest.TestData.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Profiles against real PostgreSQL and Keycloak: encryption at rest, masking per role, audit, updates, lifecycle, search. */
@QuarkusTest
class ClientProfileTest {

    @Inject
    EntityManager em;

    @Inject
    ClientService clients;

    private static final LocalDate BIRTH = LocalDate.of(1971, 6, 15);
    static final String MERGE = "application/merge-patch+json; charset=UTF-8";

    private String fullProfile(String idNumber, String phone) {
        return """
                {"fullName":"陈思远","latinName":"CHEN Siyuan","birthDate":"1971-06-15","gender":"MALE","nationality":"CN",
                 "identityNumber":"%s","phone":"%s","email":"Chen.SY@example.cn","address":"上海市徐汇区衡山路100号",
                 "occupation":"ENTREPRENEUR","employer":"思远科技","sourceOfWealth":"business sale",
                 "interestTags":["golf","wine"],"preferredChannels":["WECHAT","PHONE"],"quietHoursStart":"22:00",
                 "quietHoursEnd":"08:00","branch":"SH-XUHUI","kycStatus":"VERIFIED","amlRiskRating":"LOW",
                 "prospectSource":"EVENT","prospectSourceDetail":"2026 wine salon","financialAssets":"6200000.00"}"""
                .formatted(idNumber, phone);
    }

    @Test
    void personalDataIsEncryptedAtRestMaskedForStaffAndRevealedOnlyWithAnAuditedPurpose() {
        String idNumber = prcId(BIRTH);
        String id = register(DemoUsers.RM_LI, fullProfile(idNumber, "13800138000"));
        TestData.approvePending(id);

        Object[] raw = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "SELECT id_number_enc, id_number_kid, phone_enc, email_enc, address_enc FROM client WHERE id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult());
        assertThat(new String((byte[]) raw[0], StandardCharsets.ISO_8859_1)).doesNotContain(idNumber).doesNotContain("19710615");
        assertThat(raw[1]).isEqualTo("test1");
        assertThat(new String((byte[]) raw[2], StandardCharsets.ISO_8859_1)).doesNotContain("13800138000");
        assertThat(new String((byte[]) raw[3], StandardCharsets.UTF_8)).doesNotContain("example.cn");
        assertThat(new String((byte[]) raw[4], StandardCharsets.UTF_8)).doesNotContain("衡山路");

        // masked by default for the RM, the team lead, the advisor and compliance
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id).then().statusCode(200)
                .body("identityNumber", equalTo(idNumber.substring(0, 3) + "***********" + idNumber.substring(14)))
                .body("phone", equalTo("138****8000"))
                .body("email", equalTo("c***@example.cn"))
                .body("address", equalTo("上海市徐汇区***"))
                .body("piiMasked", equalTo(true))
                .body("interestTags", equalTo(List.of("golf", "wine")))
                .body("kycStatus", equalTo("VERIFIED"));
        // revealing needs a purpose, is audited, and is not for advisors
        given().auth().oauth2(token(DemoUsers.RM_LI)).queryParam("reveal", "true").get("/api/clients/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("purpose"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).queryParam("reveal", "true").queryParam("purpose", "call about maturity")
                .get("/api/clients/" + id).then().statusCode(200)
                .body("identityNumber", equalTo(idNumber)).body("phone", equalTo("13800138000"))
                .body("email", equalTo("chen.sy@example.cn")).body("piiMasked", equalTo(false));
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).queryParam("reveal", "true").queryParam("purpose", "AML review")
                .get("/api/clients/" + id).then().statusCode(200).body("identityNumber", equalTo(idNumber));

        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).queryParam("clientId", id).queryParam("action", "PII_REVEALED")
                .get("/api/audit/events").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.purpose", hasItem("call about maturity"))
                .body("items.purpose", hasItem("AML review"))
                .body("items.actor", hasItem(DemoUsers.RM_LI_ID.toString()));
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).queryParam("clientId", id).queryParam("action", "CLIENT_CREATED")
                .get("/api/audit/events").then().statusCode(200).body("total", equalTo(1));
        // the trail is for compliance only, and append-only in the database itself
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get("/api/audit/events").then().statusCode(403);
        Throwable tamper = org.assertj.core.api.Assertions.catchThrowable(() -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("UPDATE audit_event SET actor = 'nobody' WHERE client_id = ?1")
                        .setParameter(1, UUID.fromString(id)).executeUpdate()));
        assertThat(tamper).isNotNull();
        assertThat(rootMessage(tamper)).contains("append-only");
    }

    @Test
    void theClientSeesItsOwnDataUnmaskedAndNobodyElsesAndAdvisorsCannotReveal() {
        UUID self = DemoUsers.CLIENT_HUANG_CLIENT_ID;
        QuarkusTransaction.requiringNew().run(() -> {
            if (em.find(io.aurum.client.domain.Client.class, self) == null) {
                clients.register(self, NewClient.minimal("黄婷", "HUANG Ting", LocalDate.of(1979, 11, 3),
                        LifecycleStatus.ACTIVE, DemoUsers.RM_WANG_ID, UUID.fromString("6f1c0a00-0000-4000-8000-000000000004")),
                        new Caller("test", "test", Set.of(Roles.TEAM_LEAD), DemoUsers.TEAM, null));
            }
        });
        String etag = given().auth().oauth2(token(DemoUsers.CLIENT_HUANG)).get("/api/clients/" + self)
                .then().statusCode(200).body("piiMasked", equalTo(false)).extract().header("ETag");
        // the client corrects its phone in the app, but cannot touch KYC fields
        given().auth().oauth2(token(DemoUsers.CLIENT_HUANG)).contentType(MERGE)
                .header("If-Match", etag).body("{\"phone\":\"+86 139 1234 5678\",\"interestTags\":[\"art\"]}")
                .patch("/api/clients/" + self).then().statusCode(200);
        given().auth().oauth2(token(DemoUsers.CLIENT_HUANG)).get("/api/clients/" + self).then().statusCode(200)
                .body("phone", equalTo("+86 139 1234 5678"));
        String etag2 = given().auth().oauth2(token(DemoUsers.CLIENT_HUANG)).get("/api/clients/" + self).then().extract().header("ETag");
        given().auth().oauth2(token(DemoUsers.CLIENT_HUANG)).contentType(MERGE)
                .header("If-Match", etag2).body("{\"kycStatus\":\"VERIFIED\"}")
                .patch("/api/clients/" + self).then().statusCode(403).body("errors[0].field", equalTo("kycStatus"));
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).get("/api/clients/" + self).then().statusCode(404);
        given().auth().oauth2(token(DemoUsers.ADVISOR_CHEN)).get("/api/clients/" + self).then().statusCode(200)
                .body("piiMasked", equalTo(true));
        given().auth().oauth2(token(DemoUsers.ADVISOR_CHEN)).queryParam("reveal", "true").queryParam("purpose", "x")
                .get("/api/clients/" + self).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).queryParam("clientId", self.toString())
                .queryParam("action", "PII_REVEALED").get("/api/audit/events").then().statusCode(200)
                .body("items.purpose", hasItem("SELF_SERVICE"));
    }

    @Test
    void updatesNeedTheCurrentVersionAndNameEveryRefusedField() {
        String id = register(DemoUsers.RM_LI, "{\"fullName\":\"周建华\",\"birthDate\":\"1966-03-02\"}");
        String etag = given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id).then().extract().header("ETag");

        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(MERGE).body("{\"employer\":\"x\"}")
                .patch("/api/clients/" + id).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(MERGE).header("If-Match", "\"999\"")
                .body("{\"employer\":\"x\"}").patch("/api/clients/" + id).then().statusCode(412);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(MERGE).header("If-Match", etag)
                .body("{\"tier\":\"PRIVATE\",\"team\":\"x\"}").patch("/api/clients/" + id)
                .then().statusCode(400).body("errors.field", hasItem("tier")).body("errors.field", hasItem("team"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(MERGE).header("If-Match", etag)
                .body("{\"identityNumber\":\"110105194912310021\"}").patch("/api/clients/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("identityNumber"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(MERGE).header("If-Match", etag)
                .body("{\"gender\":\"ROBOT\"}").patch("/api/clients/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("gender"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(MERGE).header("If-Match", etag)
                .body("{\"financialAssets\":\"-5\"}").patch("/api/clients/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("financialAssets"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(MERGE).header("If-Match", etag)
                .body("{\"identityNumber\":\"" + prcId(LocalDate.of(1966, 3, 3)) + "\"}").patch("/api/clients/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("birthDate"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(MERGE).header("If-Match", etag)
                .body("{\"fullName\":null}").patch("/api/clients/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("fullName"));

        String newEtag = given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(MERGE)
                .header("If-Match", etag).body("{\"employer\":\"华东钢铁\",\"occupation\":\"EXECUTIVE\",\"latinName\":null}")
                .patch("/api/clients/" + id).then().statusCode(200)
                .body("employer", equalTo("华东钢铁")).body("occupation", equalTo("EXECUTIVE"))
                .body("latinName", nullValue()).extract().header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        // the old version is gone: a concurrent writer holding it loses
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(MERGE).header("If-Match", etag)
                .body("{\"employer\":\"late\"}").patch("/api/clients/" + id).then().statusCode(412);
        // another RM, an advisor and compliance cannot change it
        given().auth().oauth2(token(DemoUsers.RM_WANG)).contentType(MERGE).header("If-Match", newEtag)
                .body("{\"employer\":\"x\"}").patch("/api/clients/" + id).then().statusCode(404);
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).contentType(MERGE).header("If-Match", newEtag)
                .body("{\"employer\":\"x\"}").patch("/api/clients/" + id).then().statusCode(403);
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).queryParam("clientId", id).queryParam("action", "CLIENT_UPDATED")
                .get("/api/audit/events").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].detail", org.hamcrest.Matchers.containsString("employer"));
    }

    @Test
    void duplicateIdentityNumbersAreRefused() {
        String idNumber = prcId(BIRTH);
        register(DemoUsers.RM_LI, fullProfile(idNumber, "13900000001"));
        given().auth().oauth2(token(DemoUsers.RM_WANG)).contentType(ContentType.JSON).body(fullProfile(idNumber, "13900000002"))
                .post("/api/clients").then().statusCode(409).body("errors[0].field", equalTo("identityNumber"));
    }

    @Test
    void onlyLegalLifecycleTransitionsAndAProspectConvertsWithWhatKycNeeds() {
        String id = register(DemoUsers.RM_LI, "{\"fullName\":\"孙悦\",\"prospectSource\":\"BRANCH\"}");
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"status\":\"DORMANT\"}")
                .post("/api/clients/" + id + "/lifecycle").then().statusCode(409).body("type", equalTo("https://aurum.bank/problems/illegal-transition"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"status\":\"ACTIVE\"}")
                .post("/api/clients/" + id + "/lifecycle").then().statusCode(409)
                .body("errors.field", hasItem("identityNumber")).body("errors.field", hasItem("phone"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"status\":\"SLEEPING\"}")
                .post("/api/clients/" + id + "/lifecycle").then().statusCode(400).body("errors[0].field", equalTo("status"));
        String etag = given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id).then().extract().header("ETag");
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(MERGE).header("If-Match", etag)
                .body("{\"identityNumber\":\"" + prcId(LocalDate.of(1985, 1, 20)) + "\",\"phone\":\"13700000000\"}")
                .patch("/api/clients/" + id).then().statusCode(200).body("birthDate", equalTo("1985-01-20"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"status\":\"ACTIVE\"}")
                .post("/api/clients/" + id + "/lifecycle").then().statusCode(409)
                .body("errors.field", equalTo(List.of("kycStatus")));
        String etag2 = given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id).then().extract().header("ETag");
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(MERGE).header("If-Match", etag2)
                .body("{\"kycStatus\":\"VERIFIED\"}").patch("/api/clients/" + id).then().statusCode(202);
        TestData.approvePending(id);
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"status\":\"ACTIVE\"}")
                .post("/api/clients/" + id + "/lifecycle").then().statusCode(200)
                .body("lifecycleStatus", equalTo("ACTIVE")).body("convertedAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"status\":\"CLOSED\"}")
                .post("/api/clients/" + id + "/lifecycle").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"status\":\"CLOSED\",\"reason\":\"moved abroad\"}")
                .post("/api/clients/" + id + "/lifecycle").then().statusCode(200).body("lifecycleStatus", equalTo("CLOSED"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON).body("{\"status\":\"ACTIVE\"}")
                .post("/api/clients/" + id + "/lifecycle").then().statusCode(409);
    }

    @Test
    void searchFiltersWithinTheCallersReach() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String a = register(DemoUsers.RM_LI, "{\"fullName\":\"搜索甲\",\"birthDate\":\"1970-09-09\",\"branch\":\"SH-PUDONG\",\"interestTags\":[\"" + tag + "\",\"golf\"]}");
        String b = register(DemoUsers.RM_WANG, "{\"fullName\":\"搜索乙\",\"birthDate\":\"1970-09-10\",\"interestTags\":[\"" + tag + "\"]}");
        given().auth().oauth2(token(DemoUsers.RM_LI)).queryParam("tag", tag).get("/api/clients").then().statusCode(200)
                .body("items.id", hasItem(a)).body("items.id", not(hasItem(b)));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).queryParam("tag", tag).get("/api/clients").then().statusCode(200)
                .body("total", equalTo(2));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).queryParam("tag", tag).queryParam("tag", "golf")
                .queryParam("birthMonth", 9).queryParam("branch", "SH-PUDONG").queryParam("name", "搜索")
                .queryParam("tier", "MASS").queryParam("status", "PROSPECT").queryParam("maxAum", "0")
                .get("/api/clients").then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(a))
                .body("items[0].piiMasked", equalTo(true));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).queryParam("rm", DemoUsers.RM_WANG_ID.toString()).queryParam("tag", tag)
                .get("/api/clients").then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(b));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).queryParam("name", "%").get("/api/clients").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).queryParam("birthMonth", 13).get("/api/clients").then().statusCode(400)
                .body("errors[0].field", equalTo("birthMonth"));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).queryParam("minAum", "lots").get("/api/clients").then().statusCode(400)
                .body("errors[0].field", equalTo("minAum"));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).queryParam("tier", "GOLDEN").get("/api/clients").then().statusCode(400)
                .body("errors[0].field", equalTo("tier"));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).queryParam("tag", "Robert'); DROP TABLE client;--").get("/api/clients")
                .then().statusCode(400).body("errors[0].field", equalTo("tag"));
    }

    private static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
