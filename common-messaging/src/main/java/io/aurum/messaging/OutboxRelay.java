package io.aurum.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Relays outbox rows to Kafka in insertion order. A row is marked published only after the broker
 * acknowledged it; on failure the batch stops (so one client's events never overtake each other)
 * and is retried on the next tick.
 * <p>
 * A transaction that wrote outbox rows wakes the relay when it commits ({@link Outbox#relayAfterCommit()}), so an event
 * leaves within milliseconds of its commit instead of waiting for the next poll; the poll stays as the safety net
 * (rows whose wake-up was lost, retries after a broker failure, rows left while another replica held the lock). Runs are
 * serialised: within a process on one thread (wake-ups that arrive while it runs coalesce into one more run), across
 * replicas by a transaction-scoped advisory lock — two relays sending disjoint batches at once could let a client's
 * later event reach Kafka before its earlier one.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock one relay of a database holds while it sends (a constant: each service has its own database). */
    public static final long RELAY_LOCK = 0x4155_5255_4d4f_5554L;

    private final MutinyEmitter<String> emitter;
    private final EntityManager em;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Duration retention;
    private final Counter published;
    private final Counter failures;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "aurum-outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    public OutboxRelay(@Channel("aurum-outbox") MutinyEmitter<String> emitter, EntityManager em, MeterRegistry registry,
                       @ConfigProperty(name = "aurum.outbox.batch-size", defaultValue = "200") int batchSize,
                       @ConfigProperty(name = "aurum.outbox.send-timeout", defaultValue = "PT10S") Duration sendTimeout,
                       @ConfigProperty(name = "aurum.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.emitter = emitter;
        this.em = em;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.retention = retention;
        this.published = registry.counter("aurum.outbox.published");
        this.failures = registry.counter("aurum.outbox.failures");
    }

    @Scheduled(every = "${aurum.outbox.poll-interval:1s}", delayed = "1s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        wake();
    }

    /** Asks for a run on the relay's thread; one asked for while another waits to start is the same run. */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                queued.set(false); // shutting down: the rows wait for the next start
            }
        }
    }

    private void drain() {
        queued.set(false);
        try {
            while (relayBatch() == batchSize) {
                // a full batch: there may be more waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay paused: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }

    /**
     * Sends one batch; returns how many rows were published (0 when another replica's relay holds the lock, -1 when
     * the broker failed part of the batch).
     */
    @Transactional
    public int relayBatch() {
        if (!(Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, RELAY_LOCK)
                .getSingleResult()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, topic, message_key, envelope FROM outbox_event"
                        + " WHERE published_at IS NULL ORDER BY seq LIMIT ?1")
                .setParameter(1, batchSize)
                .getResultList();
        // send the whole batch, then wait for the acknowledgements in order: the idempotent producer keeps the
        // order per partition, and a row counts as published only once it and every row before it are acknowledged
        List<io.smallrye.mutiny.Uni<Void>> sends = new java.util.ArrayList<>(rows.size());
        for (Object[] row : rows) {
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic((String) row[1])
                    .withKey((String) row[2])
                    .build();
            sends.add(emitter.sendMessage(Message.of((String) row[3]).addMetadata(metadata)).memoize().indefinitely());
            sends.get(sends.size() - 1).subscribe().with(ok -> { }, failure -> { });
        }
        List<UUID> acknowledged = new java.util.ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            UUID id = (UUID) rows.get(i)[0];
            try {
                sends.get(i).await().atMost(sendTimeout);
            } catch (RuntimeException e) {
                String reason = e instanceof TimeoutException ? "timed out after " + sendTimeout : String.valueOf(e.getMessage());
                failures.increment();
                em.createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1, last_error = ?2 WHERE id = ?1")
                        .setParameter(1, id)
                        .setParameter(2, reason)
                        .executeUpdate();
                LOG.warnf("Outbox event %s not yet relayed (%s); will retry", id, reason);
                break;
            }
            acknowledged.add(id);
        }
        if (!acknowledged.isEmpty()) {
            em.createNativeQuery("UPDATE outbox_event SET published_at = now(), attempts = attempts + 1 WHERE id IN (?1)")
                    .setParameter(1, acknowledged)
                    .executeUpdate();
            published.increment(acknowledged.size());
        }
        int sent = acknowledged.size();
        return sent == rows.size() ? sent : -1;
    }

    /** Published rows are kept for a while for diagnosis and replay, then removed. */
    @Scheduled(every = "1h", delayed = "5m")
    @Transactional
    void purgePublished() {
        em.createNativeQuery("DELETE FROM outbox_event WHERE published_at < ?1")
                .setParameter(1, Instant.now().minus(retention))
                .executeUpdate();
    }
}
