package io.aurum.messaging;

import io.aurum.common.events.EventEnvelope;
import io.aurum.common.web.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The common shape of an Aurum consumer: parse the envelope (poison → DLQ), carry its correlation id into the logs,
 * and apply it only the first time this consumer sees its event id — in the caller's transaction, so the effect
 * and the "seen" mark commit together.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    /** The envelopes {@link #markAhead} read, by message instance, for the batch's deliveries in the same transaction. */
    private static final String READ_AHEAD = IdempotentConsumer.class.getName() + ".readAhead";

    private final EventReader reader;
    private final ProcessedEvents processed;
    private final TransactionSynchronizationRegistry transactions;

    public IdempotentConsumer(EventReader reader, ProcessedEvents processed, TransactionSynchronizationRegistry transactions) {
        this.reader = reader;
        this.processed = processed;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String consumer, String message, Consumer<EventEnvelope> effect) {
        apply(consumer, message, null, effect);
    }

    /**
     * As {@link #apply(String, String, Consumer)} for a consumer that acts on some of its topic's event types only:
     * an event of another type is not applied and not remembered (a row per ignored event in {@code processed_event}
     * would be a statement per event for nothing; a redelivery of it is ignored again).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String consumer, String message, Set<String> types, Consumer<EventEnvelope> effect) {
        EventEnvelope event = read(message);
        if (types != null && !types.contains(event.type())) {
            LOG.debugf("Event %s (%s) is not for %s; ignored", event.eventId(), event.type(), consumer);
            return;
        }
        CorrelationId.set(event.correlationId());
        try {
            if (!processed.firstDelivery(consumer, event.eventId())) {
                LOG.debugf("Event %s already applied by %s; skipped", event.eventId(), consumer);
                return;
            }
            effect.accept(event);
        } finally {
            CorrelationId.set(null);
        }
    }

    /**
     * For a batch consumed in one transaction ({@link BatchApply}): marks the events of {@code messages} that this
     * consumer acts on (all, or those of {@code types}) as seen with one statement, before they are applied; each must
     * then go through {@link #apply(String, String, Set, Consumer)} with the same consumer and types in this transaction,
     * which applies it only if the mark was new, and which takes the envelope read here instead of parsing the message
     * again. Messages that cannot be read are left to {@code apply} (poison).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markAhead(String consumer, Set<String> types, Iterable<String> messages) {
        List<UUID> ids = new ArrayList<>();
        Map<String, EventEnvelope> read = new IdentityHashMap<>();
        for (String message : messages) {
            EventEnvelope event;
            try {
                event = reader.read(message);
            } catch (RuntimeException unreadable) {
                continue;
            }
            read.put(message, event);
            if (types == null || types.contains(event.type())) {
                ids.add(event.eventId());
            }
        }
        transactions.putResource(READ_AHEAD, read);
        processed.markAhead(consumer, ids);
    }

    /** The envelope of a message: the one {@link #markAhead} read in this transaction, else parsed now. */
    private EventEnvelope read(String message) {
        if (transactions.getResource(READ_AHEAD) instanceof Map<?, ?> ahead && ahead.get(message) instanceof EventEnvelope event) {
            return event;
        }
        return reader.read(message);
    }
}
