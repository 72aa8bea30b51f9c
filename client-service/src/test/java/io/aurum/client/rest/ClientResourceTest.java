package io.aurum.client.rest;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Real Keycloak tokens, real PostgreSQL, real Kafka (started by ./aurum test). */
@QuarkusTest
class ClientResourceTest {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static String token(String user) {
        return KeycloakTokens.forUser(user);
    }

    private String register(String user, String body) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/clients")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", notNullValue())
                .extract().path("id");
    }

    @Test
    void rmRegistersIntoOwnBookAndOnlyAllowedRolesSeeTheClient() {
        String id = register(DemoUsers.RM_LI, """
                {"fullName":"王建国","latinName":"WANG Jianguo","birthDate":"1961-02-03"}""");

        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/" + id)
                .then().statusCode(200)
                .body("fullName", equalTo("王建国"))
                .body("lifecycleStatus", equalTo("PROSPECT"))
                .body("tier", equalTo("MASS"))
                .body("primaryRmId", equalTo(DemoUsers.RM_LI_ID.toString()))
                .body("team", equalTo(DemoUsers.TEAM));
        given().auth().oauth2(token(DemoUsers.LEAD_ZHANG)).get("/api/clients/" + id).then().statusCode(200);
        given().auth().oauth2(token(DemoUsers.COMPLIANCE_ZHAO)).get("/api/clients/" + id).then().statusCode(200);
        // another RM, another client and ops see nothing: 404 (not 403) so ids do not leak
        given().auth().oauth2(token(DemoUsers.RM_WANG)).get("/api/clients/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://aurum.bank/problems/not-found"));
        given().auth().oauth2(token(DemoUsers.CLIENT_LIU)).get("/api/clients/" + id).then().statusCode(404);
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).get("/api/clients/" + id).then().statusCode(403);

        given().auth().oauth2(token(DemoUsers.RM_LI)).queryParam("rm", "me").get("/api/clients")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(token(DemoUsers.RM_WANG)).queryParam("rm", "me").get("/api/clients")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void registrationIsPublishedThroughTheOutboxToKafka() {
        String id = register(DemoUsers.RM_WANG, """
                {"fullName":"赵敏"}""");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                "SELECT count(*) FROM outbox_event WHERE message_key = ?1 AND published_at IS NOT NULL")
                        .setParameter(1, id).getSingleResult()).longValue())).isEqualTo(1));

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "client-service-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of("client.profile"));
            List<ConsumerRecord<String, String>> mine = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (id.equals(r.key())) {
                        mine.add(r);
                    }
                });
                return !mine.isEmpty();
            });
            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).value())
                    .contains("\"type\":\"ClientRegistered\"")
                    .contains("\"clientId\":\"" + id + "\"")
                    .contains("\"source\":\"client-service\"")
                    .contains("赵敏");
        }
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"latinName\":\"NO NAME\",\"birthDate\":\"2100-01-01\"}")
                .post("/api/clients")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://aurum.bank/problems/validation"))
                .body("errors.field", hasItem("fullName"))
                .body("errors.field", hasItem("birthDate"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"x\",\"birthDate\":\"not-a-date\"}")
                .post("/api/clients")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("birthDate"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"fullName\": ")
                .post("/api/clients")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token(DemoUsers.RM_LI)).get("/api/clients/not-a-uuid")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).queryParam("size", 5000).get("/api/clients")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"fullName\":\"x\",\"primaryRmId\":\"" + DemoUsers.RM_WANG_ID + "\"}")
                .post("/api/clients")
                .then().statusCode(400).body("errors[0].field", equalTo("primaryRmId"));
    }

    @Test
    void securityFailuresAreProblems() {
        given().contentType(ContentType.JSON).body("{\"fullName\":\"x\"}").post("/api/clients")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue());
        given().auth().oauth2(token(DemoUsers.RM_LI) + "x").get("/api/clients")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token(DemoUsers.OPS_SUN)).contentType(ContentType.JSON).body("{\"fullName\":\"x\"}")
                .post("/api/clients")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void correlationIdIsKeptOrCreated() {
        given().auth().oauth2(token(DemoUsers.RM_LI)).header("X-Correlation-Id", "abc-123").get("/api/clients")
                .then().statusCode(200).header("X-Correlation-Id", equalTo("abc-123"));
        given().auth().oauth2(token(DemoUsers.RM_LI)).header("X-Correlation-Id", "<script>").get("/api/clients")
                .then().statusCode(200).header("X-Correlation-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void operationsEndpointsAnswer() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Aurum client-service API"))
                // generated clients must not meet a Jackson JsonNode schema (it clashes with Jackson's own class)
                .body("components.schemas.JsonNode", org.hamcrest.Matchers.nullValue())
                .body("paths.'/api/clients/{id}'.patch.requestBody.content.'application/merge-patch+json'.schema.$ref",
                        equalTo("#/components/schemas/NewClient"));
    }
}
