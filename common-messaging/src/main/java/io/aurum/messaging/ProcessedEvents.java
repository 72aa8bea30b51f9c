package io.aurum.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Remembers which events a consumer has applied, in the same transaction as their effect, for as long as a redelivery
 * can come: {@code aurum.consumer.dedup-retention} (30 days; Kafka keeps a message 7 days and the outbox keeps a
 * published event 7 days for replays), then the ids are forgotten, so the table does not grow with every event ever
 * consumed.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    private final EntityManager em;
    private final Duration retention;

    public ProcessedEvents(EntityManager em,
                           @ConfigProperty(name = "aurum.consumer.dedup-retention", defaultValue = "P30D") Duration retention) {
        this.em = em;
        this.retention = retention;
    }

    /** @return true the first time this consumer sees the event id; false for a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        int inserted = em.createNativeQuery("INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }

    @Scheduled(every = "1h", delayed = "7m")
    void forgetExpiredHourly() {
        forgetExpired();
    }

    /** Forgets the ids older than the retention (found by a BRIN index on processed_at); returns how many. */
    public int forgetExpired() {
        int forgotten = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "DELETE FROM processed_event WHERE processed_at < ?1")
                .setParameter(1, Instant.now().minus(retention))
                .executeUpdate());
        if (forgotten > 0) {
            LOG.infof("Forgot %d processed-event id(s) older than %s", forgotten, retention);
        }
        return forgotten;
    }
}
