package io.aurum.client.rest;

import io.aurum.client.pii.IdentityNumbers;
import io.aurum.testing.KeycloakTokens;
import io.restassured.http.ContentType;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Valid PRC identity numbers and quick registrations for the REST tests. */
final class TestData {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 900));

    private TestData() {
    }

    /** A checksum-valid PRC resident ID for a birth date; unique within a run. */
    static String prcId(LocalDate birth) {
        String first17 = "310104" + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", SEQ.incrementAndGet() % 1000);
        return first17 + IdentityNumbers.checkCharacter(first17);
    }

    static String token(String user) {
        return KeycloakTokens.forUser(user);
    }

    /** Compliance approves every pending change request of the client (the maker–checker's second pair of eyes). */
    static void approvePending(String clientId) {
        java.util.List<String> pending = given().auth().oauth2(token(io.aurum.testing.DemoUsers.COMPLIANCE_ZHAO))
                .get("/api/clients/" + clientId + "/change-requests").then().statusCode(200)
                .extract().path("findAll { it.status == 'PENDING' }.id");
        for (String request : pending) {
            given().auth().oauth2(token(io.aurum.testing.DemoUsers.COMPLIANCE_ZHAO)).contentType(ContentType.JSON).body("{}")
                    .post("/api/clients/change-requests/" + request + "/approve").then().statusCode(200);
        }
    }

    static String register(String user, String body) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/clients")
                .then().statusCode(201)
                .extract().path("id");
    }
}
