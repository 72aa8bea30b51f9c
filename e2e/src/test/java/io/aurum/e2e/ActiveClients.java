package io.aurum.e2e;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.restassured.http.ContentType;

import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;

/**
 * An ACTIVE client the way the bank makes one: the RM registers a PROSPECT with what KYC needs and asks for KYC
 * VERIFIED (a change request), compliance approves it, the RM converts the prospect through the lifecycle.
 */
final class ActiveClients {

    private ActiveClients() {
    }

    /** Registers {@code json} (an object with a birthDate; no lifecycleStatus) as rm, then makes it ACTIVE; its id. */
    static String register(String rm, String json, LocalDate birth) {
        StringBuilder extra = new StringBuilder(",\"identityNumber\":\"" + JourneysE2ETest.prcId(birth) + "\",\"kycStatus\":\"VERIFIED\"");
        if (!json.contains("\"phone\"")) {
            extra.append(",\"phone\":\"13800").append(String.format("%06d", (int) (Math.random() * 1_000_000))).append('"');
        }
        String body = json.substring(0, json.lastIndexOf('}')) + extra + "}";
        String id = given().auth().oauth2(KeycloakTokens.forUser(rm)).contentType(ContentType.JSON).body(body)
                .post("/api/clients").then().statusCode(201).extract().path("id");
        approvePending(id);
        given().auth().oauth2(KeycloakTokens.forUser(rm)).contentType(ContentType.JSON).body("{\"status\":\"ACTIVE\"}")
                .post("/api/clients/" + id + "/lifecycle").then().statusCode(200);
        return id;
    }

    /** Compliance approves every pending change request of the client. */
    static void approvePending(String clientId) {
        String compliance = KeycloakTokens.forUser(DemoUsers.COMPLIANCE_ZHAO);
        List<String> pending = given().auth().oauth2(compliance).get("/api/clients/" + clientId + "/change-requests")
                .then().statusCode(200).extract().path("findAll { it.status == 'PENDING' }.id");
        for (String request : pending) {
            given().auth().oauth2(compliance).contentType(ContentType.JSON).body("{}")
                    .post("/api/clients/change-requests/" + request + "/approve").then().statusCode(200);
        }
    }
}
