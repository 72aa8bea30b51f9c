package io.aurum.engagement.messaging;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Real Kafka: events are produced onto client.profile exactly as client-service's outbox relay sends them. */
@QuarkusTest
class ClientProfileConsumerTest {

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

    static String registered(UUID eventId, UUID clientId, String name, UUID rm) {
        return """
                {"eventId":"%s","type":"ClientRegistered","version":1,"occurredAt":"2026-11-25T10:00:00Z",
                 "source":"client-service","clientId":"%s","correlationId":"test-%s",
                 "payload":{"clientId":"%s","fullName":"%s","lifecycleStatus":"ACTIVE","tier":"GOLD",
                            "primaryRmId":"%s","team":"team-sh-01","birthDate":"1970-05-06"}}"""
                .formatted(eventId, clientId, eventId, clientId, name, rm);
    }

    void send(UUID key, String value) throws Exception {
        producer.send(new ProducerRecord<>("client.profile", key.toString(), value)).get();
    }

    void awaitName(UUID clientId, String expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.COMPLIANCE_ZHAO))
                        .get("/api/engagement/clients/" + clientId)
                        .then().statusCode(200).body("fullName", equalTo(expected)));
    }

    @Test
    void aRegisteredClientBecomesVisibleToItsRmOnly() throws Exception {
        UUID clientId = UUID.randomUUID();
        send(clientId, registered(UUID.randomUUID(), clientId, "钱多多", DemoUsers.RM_LI_ID));
        awaitName(clientId, "钱多多");

        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_LI)).get("/api/engagement/clients/" + clientId)
                .then().statusCode(200).body("tier", equalTo("GOLD")).body("birthDate", equalTo("1970-05-06"));
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.RM_WANG)).get("/api/engagement/clients/" + clientId)
                .then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.forUser(DemoUsers.CLIENT_LIU)).get("/api/engagement/clients/" + clientId)
                .then().statusCode(403);
        given().get("/api/engagement/clients/" + clientId).then().statusCode(401);
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        UUID clientId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        String firstEvent = registered(first, clientId, "First Name", DemoUsers.RM_LI_ID);
        send(clientId, firstEvent);
        awaitName(clientId, "First Name");
        send(clientId, registered(UUID.randomUUID(), clientId, "Second Name", DemoUsers.RM_LI_ID));
        awaitName(clientId, "Second Name");

        // the first event again (a redelivery): were it applied, the card would go back to "First Name"
        send(clientId, firstEvent);
        UUID marker = UUID.randomUUID();
        send(marker, registered(UUID.randomUUID(), marker, "Marker", DemoUsers.RM_LI_ID));
        awaitName(marker, "Marker"); // same partition order is per key; the marker proves the consumer moved on
        awaitName(clientId, "Second Name");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndConsumptionContinues() throws Exception {
        UUID key = UUID.randomUUID();
        String poison = "{ this is not an event " + key;
        send(key, poison);
        send(key, registered(UUID.randomUUID(), key, "After Poison", DemoUsers.RM_LI_ID));
        awaitName(key, "After Poison");

        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            dlq.subscribe(List.of("engagement-service.dlq"));
            AtomicBoolean found = new AtomicBoolean();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlq.poll(Duration.ofMillis(500)).forEach(r -> found.compareAndSet(false, poison.equals(r.value())));
                return found.get();
            });
        }
    }
}
