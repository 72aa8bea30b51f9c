package io.aurum.advisory.drift;

import io.aurum.advisory.support.AdviceFixtures;
import io.aurum.advisory.support.RiskServiceStub;
import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Holdings from client.aum (real Kafka), drift against the model, RebalanceSuggested once per picture; poison to the DLQ. */
@QuarkusTest
@QuarkusTestResource(RiskServiceStub.class)
class HoldingsAndDriftTest {

    @Inject
    AdviceFixtures fixtures;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String aum(UUID client, String asOf, String total, String highRisk, String byClass) {
        return """
                {"clientId":"%s","aumCny":"%s","highRiskHoldingsCny":"%s","asOf":"%s","byAssetClass":%s}"""
                .formatted(client, total, highRisk, asOf, byClass);
    }

    UUID sendAum(UUID client, UUID eventId, String asOf, String total, String highRisk, String byClass) {
        fixtures.send("client.aum", client, AdviceFixtures.envelope(eventId, "ClientAumChanged", "client-service", client,
                aum(client, asOf, total, highRisk, byClass)));
        return eventId;
    }

    @Test
    void anEntrepreneursBookOutsideItsBandsRaisesOneSuggestionWithTradesThatRestoreTheModel() {
        UUID client = fixtures.clientAssessed("C3");
        String book = """
                {"CASH":"100000.00","FIXED_INCOME":"300000.00","EQUITY":"600000.00","ALTERNATIVE":"1800000.00","INSURANCE":"200000.00"}""";
        UUID event = sendAum(client, UUID.randomUUID(), "2026-11-20", "3000000.00", "1500000.00", book);
        fixtures.awaitSql("SELECT count(*) FROM holding WHERE client_id = '" + client + "'", 5);
        fixtures.awaitSql("SELECT count(*) FROM outbox_event WHERE event_type = 'RebalanceSuggested' AND message_key = '" + client + "'", 1);
        var drift = given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).get("/api/advice/clients/" + client + "/drift");
        drift.then().statusCode(200)
                .body("riskLevel", equalTo("C3"))
                .body("report.rebalanceNeeded", equalTo(true))
                .body("report.warnings", hasItem(containsString("OFFENSIVE_CONCENTRATION")))
                .body("report.warnings", hasItem(containsString("HIGH_RISK_CONCENTRATION")));
        List<Map<String, Object>> trades = drift.path("report.trades");
        BigDecimal sum = trades.stream().map(t -> new BigDecimal(t.get("amount").toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo("0");
        assertThat(trades).anySatisfy(t -> {
            assertThat(t.get("assetClass")).isEqualTo("ALTERNATIVE");
            assertThat(new BigDecimal(t.get("amount").toString())).isEqualByComparingTo("-1650000.00");
        });
        // the same event again, and a new snapshot with the same picture: still one suggestion
        sendAum(client, event, "2026-11-20", "3000000.00", "1500000.00", book);
        sendAum(client, UUID.randomUUID(), "2026-11-21", "3000000.00", "1500000.00", book);
        fixtures.awaitSql("SELECT count(*) FROM client_ref WHERE client_id = '" + client + "' AND holdings_as_of = '2026-11-21'", 1);
        assertThat(fixtures.outbox("RebalanceSuggested", client)).isOne();
        // an older snapshot arriving late changes nothing
        sendAum(client, UUID.randomUUID(), "2026-11-01", "100.00", "0.00", "{\"CASH\":\"100.00\"}");
        // back within the bands: no suggestion; then out again: a new one
        sendAum(client, UUID.randomUUID(), "2026-11-22", "1000000.00", "0.00", """
                {"CASH":"100000.00","FIXED_INCOME":"450000.00","EQUITY":"300000.00","ALTERNATIVE":"50000.00","INSURANCE":"100000.00"}""");
        fixtures.awaitSql("SELECT count(*) FROM drift_state WHERE client_id = '" + client + "' AND NOT rebalance", 1);
        assertThat(fixtures.sql("SELECT count(*) FROM holding WHERE client_id = '" + client + "' AND asset_class = 'CASH' AND amount_cny = 100000")).isOne();
        sendAum(client, UUID.randomUUID(), "2026-11-23", "1000000.00", "0.00", "{\"CASH\":\"1000000.00\"}");
        fixtures.awaitSql("SELECT count(*) FROM outbox_event WHERE event_type = 'RebalanceSuggested' AND message_key = '" + client + "'", 2);
        // other books stay hidden
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_WANG)).get("/api/advice/clients/" + client + "/drift").then().statusCode(404);
    }

    @Test
    void theNightlyRunEvaluatesEveryClientAndRaisesOnlyNewPictures() {
        UUID client = fixtures.clientAssessed("C2");
        fixtures.exec("INSERT INTO holding (client_id, asset_class, amount_cny) VALUES ('" + client + "', 'EQUITY', 500000)");
        fixtures.exec("UPDATE client_ref SET holdings_as_of = DATE '2026-11-20', aum_cny = 500000 WHERE client_id = '" + client + "'");
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.OPS_SUN)).post("/api/advice/drift-runs?batchSize=10").then().statusCode(200)
                .body("clients", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        assertThat(fixtures.outbox("RebalanceSuggested", client)).isOne();
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.OPS_SUN)).post("/api/advice/drift-runs").then().statusCode(200);
        assertThat(fixtures.outbox("RebalanceSuggested", client)).isOne();
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.ADVISOR_CHEN)).post("/api/advice/drift-runs").then().statusCode(403);
    }

    @Test
    void aPoisonMessageGoesToTheDlqAndLaterMessagesAreStillApplied() {
        UUID client = fixtures.clientAssessed("C4");
        fixtures.send("client.aum", client, "this is not an event");
        fixtures.send("client.aum", client, AdviceFixtures.envelope(UUID.randomUUID(), "ClientAumChanged", "client-service", client,
                aum(client, "2026-11-20", "100.00", "0.00", "{\"GOLD_BARS\":\"100.00\"}")));
        sendAum(client, UUID.randomUUID(), "2026-11-24", "800000.00", "0.00", "{\"CASH\":\"800000.00\"}");
        fixtures.awaitSql("SELECT count(*) FROM holding WHERE client_id = '" + client + "' AND amount_cny = 800000", 1);
        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "advisory-dlq-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            dlq.subscribe(List.of("advisory-service.dlq"));
            java.util.Set<String> seen = new java.util.HashSet<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(500))) {
                    if (client.toString().equals(r.key())) {
                        seen.add(r.value().contains("GOLD_BARS") ? "unknown-class" : r.value());
                    }
                }
                return seen.contains("this is not an event") && seen.contains("unknown-class");
            });
        }
    }
}
