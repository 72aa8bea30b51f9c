package io.aurum.risk.rest;

import io.aurum.risk.domain.ClientRef;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Makes a client known to risk-service the real way: a ClientRegistered event on client.profile. */
final class TestClients {

    private TestClients() {
    }

    static UUID register(String bootstrap, UUID rm, String birthDate, String tier) throws Exception {
        UUID clientId = UUID.randomUUID();
        String event = """
                {"eventId":"%s","type":"ClientRegistered","version":1,"occurredAt":"2026-11-25T10:00:00Z",
                 "source":"client-service","clientId":"%s","correlationId":"risk-test",
                 "payload":{"clientId":"%s","fullName":"测试客户","birthDate":"%s","primaryRmId":"%s",
                            "advisorId":"6f1c0a00-0000-4000-8000-000000000004","team":"team-sh-01","tier":"%s"}}"""
                .formatted(UUID.randomUUID(), clientId, clientId, birthDate, rm, tier);
        send(bootstrap, "client.profile", clientId, event);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> ClientRef.findById(clientId) != null));
        return clientId;
    }

    /** An event as client-service would publish it: envelope around the payload, keyed by client id. */
    static void sendEvent(String bootstrap, String topic, String type, UUID clientId, String payload) throws Exception {
        send(bootstrap, topic, clientId, ("{\"eventId\":\"%s\",\"type\":\"%s\",\"version\":1,"
                + "\"occurredAt\":\"2026-11-25T10:00:00Z\",\"source\":\"client-service\",\"clientId\":\"%s\","
                + "\"correlationId\":\"risk-test\",\"payload\":%s}").formatted(UUID.randomUUID(), type, clientId, payload));
    }

    private static void send(String bootstrap, String topic, UUID key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, key.toString(), value)).get();
        }
    }
}
