package io.aurum.engagement.support;

import io.aurum.testing.DemoUsers;
import io.aurum.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Clients enter engagement-service the production way (events on the real Kafka topics); the database is read back. */
@ApplicationScoped
public class EngagementFixtures {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final EntityManager em;
    private KafkaProducer<String, String> producer;

    public EngagementFixtures(EntityManager em) {
        this.em = em;
    }

    public static String envelope(UUID eventId, String type, String source, UUID clientId, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"%s","source":"%s","clientId":"%s",
                 "correlationId":"test","payload":%s}""".formatted(eventId, type, Instant.now(), source, clientId, payload);
    }

    public synchronized void send(String topic, UUID key, String value) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }
        try {
            producer.send(new ProducerRecord<>(topic, key.toString(), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client of rm.li in team-sh-01, registered through client.profile; waits until the card carries this event. */
    public UUID client(UUID id, String tier, LocalDate birthDate, String channels, String quietStart, String quietEnd,
                       String tags) {
        return client(id, tier, birthDate, channels, quietStart, quietEnd, tags, DemoUsers.RM_LI_ID);
    }

    /** As above, in the book of the given RM (same team). */
    public UUID client(UUID id, String tier, LocalDate birthDate, String channels, String quietStart, String quietEnd,
                       String tags, UUID primaryRm) {
        String name = "关怀客户 " + UUID.randomUUID().toString().substring(0, 8);
        send("client.profile", id, envelope(UUID.randomUUID(), "ClientRegistered", "client-service", id, """
                {"clientId":"%s","fullName":"%s","birthDate":%s,"lifecycleStatus":"ACTIVE","tier":"%s","primaryRmId":"%s",
                 "advisorId":"%s","team":"team-sh-01","interestTags":[%s],"preferredChannels":[%s],
                 "quietHoursStart":%s,"quietHoursEnd":%s,"erased":false}""".formatted(id, name,
                birthDate == null ? "null" : "\"" + birthDate + "\"", tier, primaryRm, DemoUsers.ADVISOR_CHEN_ID,
                tags, channels, quietStart == null ? "null" : "\"" + quietStart + "\"",
                quietEnd == null ? "null" : "\"" + quietEnd + "\"")));
        awaitSql("SELECT count(*) FROM client_card WHERE client_id = '" + id + "' AND full_name = '" + name + "'", 1);
        return id;
    }

    public UUID client(String tier) {
        return client(UUID.randomUUID(), tier, null, "", null, null, "");
    }

    public void marketingConsent(UUID client, boolean granted) {
        send("client.consent", client, envelope(UUID.randomUUID(), "ClientConsentChanged", "client-service", client, """
                {"clientId":"%s","purpose":"MARKETING","granted":%s,"channel":"MOBILE","at":"%s"}"""
                .formatted(client, granted, Instant.now())));
        awaitSql("SELECT count(*) FROM client_card WHERE client_id = '" + client + "' AND marketing_consent = " + granted, 1);
    }

    public long sql(String countQuery) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(countQuery).getSingleResult()).longValue());
    }

    /** The first column of the first row, as text (null when there is none). */
    public String text(String query) {
        return QuarkusTransaction.requiringNew().call(() -> {
            java.util.List<?> rows = em.createNativeQuery(query).getResultList();
            return rows.isEmpty() ? null : String.valueOf(rows.get(0));
        });
    }

    public void exec(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    public void awaitSql(String countQuery, long expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> sql(countQuery) == expected);
    }

    public long tasks(UUID client, String type) {
        return sql("SELECT count(*) FROM task WHERE client_id = '" + client + "' AND type = '" + type + "'");
    }

    public long outbox(String type, UUID client) {
        return sql("SELECT count(*) FROM outbox_event WHERE event_type = '" + type + "' AND message_key = '" + client + "'");
    }

    public static String token(String user) {
        return KeycloakTokens.forUser(user);
    }
}
