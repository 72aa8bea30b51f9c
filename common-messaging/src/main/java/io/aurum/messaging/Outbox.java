package io.aurum.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.common.events.EventEnvelope;
import io.aurum.common.web.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * Records an event in the same database transaction as the state change that caused it.
 * {@link OutboxRelay} sends it to Kafka after commit; nothing is sent for a rolled-back change.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final String source;

    public Outbox(EntityManager em, ObjectMapper mapper,
                  @ConfigProperty(name = "quarkus.application.name") String source) {
        this.em = em;
        this.mapper = mapper;
        this.source = source;
    }

    /**
     * @param topic    {@code <context>.<stream>}, e.g. {@code client.profile}
     * @param type     event type, e.g. {@code ClientRegistered}
     * @param clientId the client the event is about; also the Kafka key (may be null for reference data)
     * @param payload  any Jackson-serialisable object
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String topic, String type, int version, UUID clientId, Object payload) {
        return publish(topic, type, version, clientId, clientId == null ? null : clientId.toString(), payload);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String topic, String type, int version, UUID clientId, String key, Object payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, version, Instant.now(), source, clientId,
                CorrelationId.current(), mapper.valueToTree(payload));
        String json;
        try {
            json = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + type + " cannot be serialised", e);
        }
        em.createNativeQuery("INSERT INTO outbox_event (id, topic, message_key, event_type, envelope, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, envelope.eventId())
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, type)
                .setParameter(5, json)
                .setParameter(6, envelope.occurredAt())
                .executeUpdate();
        return envelope;
    }
}
