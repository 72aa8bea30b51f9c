package io.aurum.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.aurum.common.events.EventEnvelope;
import io.aurum.common.web.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event in the same database transaction as the state change that caused it.
 * {@link OutboxRelay} sends it to Kafka after commit; nothing is sent for a rolled-back change.
 */
@ApplicationScoped
public class Outbox {

    private static final String WAKE_REGISTERED = Outbox.class.getName() + ".relayAfterCommit";

    private final EntityManager em;
    private final ObjectWriter envelopeWriter;
    private final String source;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(EntityManager em, ObjectMapper mapper, OutboxRelay relay, TransactionSynchronizationRegistry transactions,
                  @ConfigProperty(name = "quarkus.application.name") String source) {
        this.em = em;
        this.envelopeWriter = mapper.writerFor(Outgoing.class);
        this.relay = relay;
        this.transactions = transactions;
        this.source = source;
    }

    /**
     * Wakes the relay once the current transaction commits (once per transaction however many events it wrote).
     * {@link #publish} and {@link #publishAll} call it; code that writes outbox rows with its own SQL calls it too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void relayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    try {
                        relay.wake();
                    } catch (RuntimeException e) {
                        // the relay cannot start yet (messaging still starting up): its first poll sends the rows
                    }
                }
            }
        });
    }

    /**
     * @param topic    {@code <context>.<stream>}, e.g. {@code client.profile}
     * @param type     event type, e.g. {@code ClientRegistered}
     * @param clientId the client the event is about; also the Kafka key (may be null for reference data)
     * @param payload  any Jackson-serialisable object
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, int version, UUID clientId, Object payload) {
        return publish(topic, type, version, clientId, clientId == null ? null : clientId.toString(), payload);
    }

    /** As {@link #publish(String, String, int, UUID, Object)} with a Kafka key other than the client; returns the event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, int version, UUID clientId, String key, Object payload) {
        Outgoing envelope = new Outgoing(EventIds.next(), type, version, Instant.now(), source, clientId,
                CorrelationId.current(), payload);
        em.createNativeQuery("INSERT INTO outbox_event (id, topic, message_key, event_type, envelope, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, envelope.eventId())
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, type)
                .setParameter(5, json(envelope))
                .setParameter(6, envelope.occurredAt())
                .executeUpdate();
        relayAfterCommit();
        return envelope.eventId();
    }

    /**
     * Records many events of one type (set-based jobs such as a month-end tier run or an upload), each keyed by its
     * client id, streamed into the outbox with PostgreSQL's COPY: a million events cost one statement instead of a
     * thousand batches. Same transaction rules as {@link #publish}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publishAll(String topic, String type, int version, List<? extends Map.Entry<UUID, ?>> payloads) {
        if (payloads.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        String correlationId = CorrelationId.current();
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (Writer out = PgCopy.writer(connection,
                    "COPY outbox_event (id, topic, message_key, event_type, envelope, created_at) FROM STDIN")) {
                String fixed = "\t" + PgCopy.text(topic) + "\t";
                String tail = "\t" + PgCopy.text(type) + "\t";
                String end = "\t" + now + "\n";
                for (Map.Entry<UUID, ?> entry : payloads) {
                    Outgoing envelope = new Outgoing(EventIds.next(), type, version, now, source, entry.getKey(),
                            correlationId, entry.getValue());
                    String json = json(envelope);
                    out.write(envelope.eventId().toString());
                    out.write(fixed);
                    out.write(entry.getKey() == null ? "\\N" : entry.getKey().toString());
                    out.write(tail);
                    out.write(PgCopy.text(json));
                    out.write(end);
                }
            } catch (IOException e) {
                throw new SQLException("Events " + type + " could not be written to the outbox: " + e.getMessage(), e);
            }
        });
        relayAfterCommit();
        return payloads.size();
    }

    private String json(Outgoing envelope) {
        try {
            return envelopeWriter.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + envelope.type() + " cannot be serialised", e);
        }
    }

    /**
     * An {@link EventEnvelope} on its way out, with the payload as the object itself: written as the same JSON,
     * without building the payload's tree first (a first month-end writes 600,000 of them in one go).
     */
    record Outgoing(UUID eventId, String type, int version, Instant occurredAt, String source, UUID clientId,
                    String correlationId, Object payload) {
    }
}
