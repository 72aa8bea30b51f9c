package io.aurum.engagement.tasks;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Real Kafka and PostgreSQL: each trigger creates exactly one task even when its event arrives twice. */
@QuarkusTest
class TaskTriggersTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    @AfterEach
    void close() {
        producer.close();
    }

    static String envelope(UUID eventId, String type, String source, UUID clientId, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"%s","source":"%s","clientId":"%s",
                 "correlationId":"test","payload":%s}""".formatted(eventId, type, Instant.now(), source, clientId, payload);
    }

    void send(String topic, UUID key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key.toString(), value)).get();
    }

    UUID registeredClientOfLi() throws Exception {
        UUID client = UUID.randomUUID();
        send("client.profile", client, envelope(UUID.randomUUID(), "ClientRegistered", "client-service", client, """
                {"clientId":"%s","fullName":"任务客户","lifecycleStatus":"ACTIVE","tier":"GOLD",
                 "primaryRmId":"%s","team":"team-sh-01"}""".formatted(client, DemoUsers.RM_LI_ID)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI))
                .get("/api/engagement/clients/" + client).then().statusCode(200));
        return client;
    }

    List<Map<String, Object>> tasksOf(String user, UUID client, int expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(KeycloakTokens.forUser(user))
                .queryParam("clientId", client.toString()).queryParam("scope", "team")
                .get("/api/engagement/tasks").then().statusCode(200).body("items", hasSize(expected)));
        return given().auth().oauth2(KeycloakTokens.forUser(user)).queryParam("clientId", client.toString())
                .queryParam("scope", "team").get("/api/engagement/tasks").then().extract().path("items");
    }

    @Test
    void aTierUpgradeDeliveredTwiceMakesOneWelcomeCallAndAnUncoveredPlatinumAnAssignmentTask() throws Exception {
        UUID client = registeredClientOfLi();
        UUID event = UUID.randomUUID();
        String upgrade = envelope(event, "ClientTierChanged", "client-service", client, """
                {"clientId":"%s","fromTier":"GOLD","toTier":"PLATINUM","direction":"UPGRADE","rule":"UPGRADE",
                 "averageAumCny":"1200000.00","thresholdCny":"1000000.00","asOf":"2026-11-24","primaryRmId":null,
                 "team":"team-sh-01"}""".formatted(client));
        send("client.tier", client, upgrade);
        send("client.tier", client, upgrade);
        List<Map<String, Object>> tasks = tasksOf(DemoUsers.LEAD_ZHANG, client, 2);
        Thread.sleep(1500); // a second delivery would have landed by now
        tasksOf(DemoUsers.LEAD_ZHANG, client, 2);
        org.assertj.core.api.Assertions.assertThat(tasks).extracting(t -> t.get("type"))
                .containsExactlyInAnyOrder("WELCOME_CALL", "ASSIGN_RM");
        // the welcome call falls to the client's RM from the card (the event names none)
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).queryParam("clientId", client.toString())
                .get("/api/engagement/tasks").then().statusCode(200).body("items.type", hasItem("WELCOME_CALL"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_WANG)).queryParam("clientId", client.toString())
                .get("/api/engagement/tasks").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aLargeOutflowMakesAnUrgentSameDayRetentionCallThatTheRmWorks() throws Exception {
        UUID client = registeredClientOfLi();
        String outflow = envelope(UUID.randomUUID(), "LargeOutflowDetected", "client-service", client, """
                {"clientId":"%s","fromAumCny":"2000000.00","toAumCny":"1200000.00","outflowCny":"800000.00",
                 "outflowRatio":"0.4000","windowStart":"2026-11-17","asOf":"2026-11-24","primaryRmId":"%s",
                 "team":"team-sh-01","tier":"PLATINUM"}""".formatted(client, DemoUsers.RM_LI_ID));
        send("client.aum", client, outflow);
        send("client.aum", client, outflow);
        Map<String, Object> task = tasksOf(DemoUsers.RM_LI, client, 1).get(0);
        org.assertj.core.api.Assertions.assertThat(task).containsEntry("type", "RETENTION_CALL")
                .containsEntry("priority", "URGENT").containsEntry("ownerId", DemoUsers.RM_LI_ID.toString());
        org.assertj.core.api.Assertions.assertThat(Instant.parse((String) task.get("dueAt")))
                .isBefore(Instant.now().plus(Duration.ofDays(1)));
        String id = (String) task.get("id");
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_WANG)).contentType(ContentType.JSON)
                .body("{\"status\":\"DONE\"}").post("/api/engagement/tasks/" + id + "/status").then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"status\":\"IN_PROGRESS\",\"note\":\"called, client moving funds for a property\"}")
                .post("/api/engagement/tasks/" + id + "/status").then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"status\":\"DONE\"}").post("/api/engagement/tasks/" + id + "/status").then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"status\":\"OPEN\"}").post("/api/engagement/tasks/" + id + "/status").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"status\":\"FINISHED\"}").post("/api/engagement/tasks/" + id + "/status").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void anExpiringProfileMakesAReassessmentTaskThatANewAssessmentCloses() throws Exception {
        UUID client = registeredClientOfLi();
        String validUntil = Instant.now().plus(Duration.ofDays(30)).toString();
        send("risk.profile", client, envelope(UUID.randomUUID(), "RiskProfileExpiring", "risk-service", client, """
                {"clientId":"%s","level":"C3","validUntil":"%s"}""".formatted(client, validUntil)));
        Map<String, Object> task = tasksOf(DemoUsers.RM_LI, client, 1).get(0);
        org.assertj.core.api.Assertions.assertThat(task).containsEntry("type", "REASSESS_RISK").containsEntry("status", "OPEN");
        send("risk.profile", client, envelope(UUID.randomUUID(), "RiskProfileAssessed", "risk-service", client, """
                {"clientId":"%s","level":"C4","validUntil":"2027-11-25T00:00:00Z"}""".formatted(client)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI))
                .queryParam("clientId", client.toString()).get("/api/engagement/tasks").then().statusCode(200)
                .body("items[0].status", equalTo("DONE"))
                .body("items[0].closedReason", equalTo("closed automatically: the risk profile was reassessed")));
    }

    @Test
    void byHandTasksNeedAClientInTheBookAndADueDateAhead() throws Exception {
        UUID client = registeredClientOfLi();
        String due = Instant.now().plus(Duration.ofDays(2)).toString();
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + client + "\",\"title\":\"Send the fund factsheet\",\"dueAt\":\"" + due + "\"}")
                .post("/api/engagement/tasks").then().statusCode(201).body("type", equalTo("MANUAL"))
                .body("ownerId", equalTo(DemoUsers.RM_LI_ID.toString()));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_WANG)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + client + "\",\"title\":\"x\",\"dueAt\":\"" + due + "\"}")
                .post("/api/engagement/tasks").then().statusCode(400).body("errors[0].field", equalTo("clientId"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + client + "\",\"title\":\"x\",\"dueAt\":\"2020-01-01T00:00:00Z\"}")
                .post("/api/engagement/tasks").then().statusCode(400).body("errors[0].field", equalTo("dueAt"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + client + "\",\"title\":\"x\",\"dueAt\":\"" + due + "\",\"notes\":\"" + "n".repeat(4001) + "\"}")
                .post("/api/engagement/tasks").then().statusCode(400).body("errors[0].field", equalTo("notes"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.CLIENT_LIU)).get("/api/engagement/tasks").then().statusCode(403);
    }
}
