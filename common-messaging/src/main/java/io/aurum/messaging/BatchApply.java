package io.aurum.messaging;

import io.aurum.common.problem.ProblemMappers;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Consuming a Kafka batch (what one poll returned, in partition order) in one transaction instead of one per message:
 * the commit — the costly part of a small message — is paid once. If the batch's transaction fails, every message is
 * applied again in a transaction of its own and only those that still fail go to the service's dead-letter topic,
 * with the headers the connector's own dead-letter queue writes; consumption continues. The per-message effect must
 * be idempotent (an {@link IdempotentConsumer}): the retry may see messages a failed attempt had begun. While the
 * database cannot be reached nothing goes to the dead-letter topic: the batch waits and is tried again.
 */
public final class BatchApply {

    private static final Logger LOG = Logger.getLogger(BatchApply.class);

    private BatchApply() {
    }

    public static void apply(ConsumerRecords<String, String> records, MutinyEmitter<String> deadLetters,
                             Consumer<List<String>> ahead, Consumer<String> effect) {
        apply(records, deadLetters, ahead, (message, collected) -> effect.accept(message), collected -> {
        });
    }

    /**
     * As {@link #apply(ConsumerRecords, MutinyEmitter, Consumer, Consumer)}, for work that is cheaper once per batch than
     * once per message: each message's effect may collect keys (e.g. the clients it touched, each once), and {@code then}
     * gets them at the end of the same transaction — the batch's, or each message's own when they are applied one by one.
     * {@code ahead} gets the batch's messages at the start of its transaction, before any effect (typically
     * {@link IdempotentConsumer#markAhead}: the processed-event marks of the whole batch in one statement); it is not
     * called when the messages are applied one by one.
     */
    public static <T> void apply(ConsumerRecords<String, String> records, MutinyEmitter<String> deadLetters,
                                 Consumer<List<String>> ahead, BiConsumer<String, Collection<T>> effect,
                                 Consumer<Collection<T>> then) {
        if (records.isEmpty()) {
            return;
        }
        try {
            untilAvailable(() -> QuarkusTransaction.requiringNew().run(() -> {
                EntityManager em = Arc.container().instance(EntityManager.class).get();
                List<String> messages = new ArrayList<>(records.count());
                records.forEach(r -> messages.add(r.value()));
                ahead.accept(messages);
                Set<T> collected = new LinkedHashSet<>();
                for (ConsumerRecord<String, String> r : records) {
                    effect.accept(r.value(), collected);
                    // write this message's changes and forget them: a persistence context holding the whole batch
                    // would make every later flush (each native query triggers one) dirty-check all of it
                    em.flush();
                    em.clear();
                }
                finish(collected, then);
            }));
            return;
        } catch (RuntimeException batchFailure) {
            LOG.infof("A batch of %d messages failed (%s); applying them one by one", records.count(), batchFailure.getMessage());
        }
        for (ConsumerRecord<String, String> record : records) {
            try {
                untilAvailable(() -> QuarkusTransaction.requiringNew().run(() -> {
                    Set<T> collected = new LinkedHashSet<>();
                    effect.accept(record.value(), collected);
                    finish(collected, then);
                }));
            } catch (RuntimeException e) {
                deadLetter(deadLetters, record, e.getMessage());
            }
        }
    }

    private static <T> void finish(Set<T> collected, Consumer<Collection<T>> then) {
        if (!collected.isEmpty()) {
            then.accept(collected);
        }
    }

    /**
     * Runs the action; while it fails because the database (or another server it needs) cannot be reached, waits and
     * runs it again — 1 s, then doubling up to 30 s — instead of sending good messages to the dead-letter topic. The
     * consumer thread waits meanwhile; if the broker revokes the partitions, the records come again (idempotent).
     */
    public static void untilAvailable(Runnable action) {
        untilAvailable(() -> {
            action.run();
            return null;
        });
    }

    /** {@link #untilAvailable(Runnable)} for an action with a result. */
    public static <T> T untilAvailable(Supplier<T> action) {
        long waitMs = 1000;
        while (true) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (!ProblemMappers.dependencyUnavailable(e)) {
                    throw e;
                }
                LOG.warnf("A dependency is unavailable (%s); retrying in %d ms", e.getMessage(), waitMs);
                try {
                    Thread.sleep(waitMs);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                waitMs = Math.min(30_000, waitMs * 2);
            }
        }
    }

    /** Sends the record to the dead-letter topic the emitter's channel names, and waits for the broker's ack. */
    public static void deadLetter(MutinyEmitter<String> deadLetters, ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("Message %s-%d@%d to the dead-letter topic: %s", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build();
        deadLetters.sendMessageAndAwait(Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata));
    }
}
