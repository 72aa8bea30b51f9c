package io.aurum.client.rest;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The partner API's referrals, with the demo partner's real client-credentials token. */
@QuarkusTest
class PartnerReferralTest {

    @Inject
    EntityManager em;

    private static String partner() {
        return KeycloakTokens.forDemoPartner();
    }

    private static String body(String reference, String name, String consent) {
        return "{\"partnerReference\":\"" + reference + "\",\"fullName\":\"" + name + "\",\"phone\":\"+86 139 0000 1234\","
                + "\"email\":\"referral@example.cn\",\"contactConsent\":" + consent + "}";
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> prospects(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT c.id, c.lifecycle_status, c.prospect_source, c.team, c.primary_rm_id, c.phone_enc IS NOT NULL
                        FROM partner_referral r JOIN client c ON c.id = r.client_id
                        WHERE r.partner_id = 'partner-demo' AND r.partner_reference = ?1""")
                .setParameter(1, reference).getResultList());
    }

    @Test
    void aReferralBecomesAProspectOfTheIntakeTeamAndAResendRegistersNobody() {
        String reference = "PA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String receivedAt = given().auth().oauth2(partner()).contentType(ContentType.JSON).body(body(reference, "周明", "true"))
                .post("/api/clients/referrals").then().statusCode(201)
                .body("partnerReference", equalTo(reference)).body("status", equalTo("RECEIVED"))
                .body("receivedAt", notNullValue()).body("$", not(hasKey("id")))
                .extract().path("receivedAt");
        // a retry after a timeout: the first receipt, no second prospect
        given().auth().oauth2(partner()).contentType(ContentType.JSON).body(body(reference, "周明", "true"))
                .post("/api/clients/referrals").then().statusCode(200)
                .body("partnerReference", equalTo(reference)).body("receivedAt", equalTo(receivedAt));

        List<Object[]> rows = prospects(reference);
        assertThat(rows).hasSize(1);
        Object[] p = rows.get(0);
        assertThat(p[1]).isEqualTo("PROSPECT");
        assertThat(p[2]).isEqualTo("PARTNER");
        assertThat(p[3]).isEqualTo("team-sh-01");
        assertThat(p[4]).isNull(); // the team lead assigns the RM
        assertThat(p[5]).isEqualTo(true); // the phone is stored encrypted
        // the intake team's lead sees the prospect, with where it came from; the partner sees nothing of it
        String id = p[0].toString();
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.LEAD_ZHANG)).get("/api/clients/" + id).then().statusCode(200)
                .body("fullName", equalTo("周明")).body("prospectSource", equalTo("PARTNER"))
                .body("prospectSourceDetail", equalTo("partner partner-demo, reference " + reference));
        given().auth().oauth2(partner()).get("/api/clients/" + id).then().statusCode(403);
    }

    @Test
    void badReferralsNameTheFieldAndOnlyPartnersRefer() {
        given().auth().oauth2(partner()).contentType(ContentType.JSON).body(body("PA-NO-CONSENT", "吴芳", "false"))
                .post("/api/clients/referrals").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("contactConsent"));
        given().auth().oauth2(partner()).contentType(ContentType.JSON).body(body("PA NO SPACES", "吴芳", "true"))
                .post("/api/clients/referrals").then().statusCode(400).body("errors[0].field", equalTo("partnerReference"));
        given().auth().oauth2(partner()).contentType(ContentType.JSON)
                .body("{\"partnerReference\":\"PA-NO-NAME\",\"contactConsent\":true}")
                .post("/api/clients/referrals").then().statusCode(400).body("errors[0].field", equalTo("fullName"));
        assertThat(prospects("PA-NO-CONSENT")).isEmpty();
        // staff register prospects with POST /api/clients
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body(body("PA-RM", "吴芳", "true")).post("/api/clients/referrals").then().statusCode(403);
    }
}
