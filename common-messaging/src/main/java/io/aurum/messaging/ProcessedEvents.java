package io.aurum.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
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
    private final TransactionSynchronizationRegistry transactions;
    private final Duration retention;

    public ProcessedEvents(EntityManager em, TransactionSynchronizationRegistry transactions,
                           @ConfigProperty(name = "aurum.consumer.dedup-retention", defaultValue = "P30D") Duration retention) {
        this.em = em;
        this.transactions = transactions;
        this.retention = retention;
    }

    /** The events of a batch marked ahead for one consumer in the current transaction, and those not yet delivered. */
    private record MarkedAhead(Set<UUID> batch, Set<UUID> fresh) {
    }

    /**
     * For a batch whose events are then delivered one by one in this transaction: marks them all as seen by the consumer
     * with one statement instead of one each; {@link #firstDelivery} then answers for them from what this statement
     * found new — true once per new id (an id twice in the batch is delivered once), false for ids seen before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markAhead(String consumer, Collection<UUID> eventIds) {
        Set<UUID> batch = new HashSet<>(eventIds);
        Set<UUID> fresh = new HashSet<>();
        if (!batch.isEmpty()) {
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement ps = connection.prepareStatement("INSERT INTO processed_event (consumer, event_id)"
                        + " SELECT ?, unnest(CAST(? AS uuid[])) ON CONFLICT DO NOTHING RETURNING event_id")) {
                    ps.setString(1, consumer);
                    ps.setArray(2, connection.createArrayOf("uuid", batch.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            fresh.add(rs.getObject(1, UUID.class));
                        }
                    }
                }
            });
        }
        transactions.putResource(key(consumer), new MarkedAhead(batch, fresh));
    }

    private static String key(String consumer) {
        return ProcessedEvents.class.getName() + "/" + consumer;
    }

    /** @return true the first time this consumer sees the event id; false for a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        if (transactions.getResource(key(consumer)) instanceof MarkedAhead ahead && ahead.batch().contains(eventId)) {
            return ahead.fresh().remove(eventId);
        }
        int inserted = em.createNativeQuery("INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }

    @Scheduled(every = "1h", delayed = "7m")
    @RunsAlone("processed-event-retention")
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
