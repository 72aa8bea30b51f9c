package io.aurum.advisory.support;

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
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Puts clients into advisory-service the way production does: events on the real Kafka topics (client.profile,
 * risk.profile, client.aum), consumed by the service; and reads its outbox to see what it published.
 */
@ApplicationScoped
public class AdviceFixtures {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final EntityManager em;
    private KafkaProducer<String, String> producer;

    public AdviceFixtures(EntityManager em) {
        this.em = em;
    }

    synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }
        return producer;
    }

    public static String envelope(UUID eventId, String type, String source, UUID clientId, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"%s","source":"%s","clientId":"%s",
                 "correlationId":"test","payload":%s}""".formatted(eventId, type, Instant.now(), source, clientId, payload);
    }

    public void send(String topic, UUID key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key.toString(), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client of rm.li, advised by advisor.chen, in team-sh-01. */
    public UUID clientOfLi() {
        UUID client = UUID.randomUUID();
        send("client.profile", client, envelope(UUID.randomUUID(), "ClientRegistered", "client-service", client, """
                {"clientId":"%s","fullName":"投顾客户","lifecycleStatus":"ACTIVE","tier":"PLATINUM","primaryRmId":"%s",
                 "advisorId":"%s","team":"%s","erased":false}""".formatted(client, DemoUsers.RM_LI_ID, DemoUsers.ADVISOR_CHEN_ID,
                DemoUsers.TEAM)));
        awaitSql("SELECT count(*) FROM client_ref WHERE client_id = '" + client + "'", 1);
        return client;
    }

    public void assessed(UUID client, String level, Instant validUntil) {
        UUID assessment = UUID.randomUUID();
        send("risk.profile", client, envelope(UUID.randomUUID(), "RiskProfileAssessed", "risk-service", client, """
                {"clientId":"%s","assessmentId":"%s","level":"%s","score":57,"questionnaire":"CN-STD","questionnaireVersion":1,
                 "channel":"BRANCH","vulnerable":false,"assessedAt":"%s","validUntil":"%s"}"""
                .formatted(client, assessment, level, Instant.now(), validUntil)));
        awaitSql("SELECT count(*) FROM client_ref WHERE client_id = '" + client + "' AND assessment_id = '" + assessment + "'", 1);
        RiskServiceStub.LEVELS.put(client, level.charAt(1) - '0');
    }

    /**
     * Liu, the demo client whose own login is client.liu (rm.li's book, advised by advisor.chen), assessed at a level. Its
     * events may be on the topic from earlier runs; this registration carries a marker, so it is known to come last.
     */
    public UUID demoClientLiu(String level) {
        UUID client = DemoUsers.CLIENT_LIU_CLIENT_ID;
        String marker = "刘洋 " + UUID.randomUUID();
        send("client.profile", client, envelope(UUID.randomUUID(), "ClientRegistered", "client-service", client, """
                {"clientId":"%s","fullName":"%s","lifecycleStatus":"ACTIVE","tier":"PRIVATE","primaryRmId":"%s",
                 "advisorId":"%s","team":"%s"}""".formatted(client, marker, DemoUsers.RM_LI_ID, DemoUsers.ADVISOR_CHEN_ID,
                DemoUsers.TEAM)));
        awaitSql("SELECT count(*) FROM client_ref WHERE client_id = '" + client + "' AND display_name = '" + marker + "'", 1);
        assessed(client, level, Instant.now().plus(Duration.ofDays(365)));
        return client;
    }

    public UUID clientAssessed(String level) {
        UUID client = clientOfLi();
        assessed(client, level, Instant.now().plus(Duration.ofDays(365)));
        return client;
    }

    public long sql(String countQuery) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(countQuery).getSingleResult()).longValue());
    }

    public void exec(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    public void awaitSql(String countQuery, long expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> sql(countQuery) == expected);
    }

    public long outbox(String type, UUID clientId) {
        return sql("SELECT count(*) FROM outbox_event WHERE event_type = '" + type + "' AND message_key = '" + clientId + "'");
    }

    /** Events of one type about one proposal. */
    public long outboxForProposal(String type, String proposalId) {
        return sql("SELECT count(*) FROM outbox_event WHERE event_type = '" + type + "' AND envelope LIKE '%" + proposalId + "%'");
    }

    public static String token(String user) {
        return KeycloakTokens.forUser(user);
    }
}
