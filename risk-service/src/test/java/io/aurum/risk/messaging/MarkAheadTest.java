package io.aurum.risk.messaging;

import io.aurum.messaging.IdempotentConsumer;
import io.aurum.messaging.ProcessedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch's processed-event marks written ahead with one statement (IdempotentConsumer.markAhead) decide as the
 * per-event marks do: a new event applies once even if the batch holds it twice, one seen before does not apply,
 * one of a type the consumer ignores is neither applied nor remembered, and the marks roll back with the batch.
 */
@QuarkusTest
class MarkAheadTest {

    static final String CONSUMER = "mark-ahead-test";
    static final Set<String> TYPES = Set.of("ClientAumChanged");

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    EntityManager em;

    static String envelope(UUID eventId, String type) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"2026-11-26T10:00:00Z","source":"client-service",
                 "clientId":"%s","correlationId":"test","payload":{}}""".formatted(eventId, type, UUID.randomUUID());
    }

    @Test
    void aBatchMarkedAheadAppliesEachNewEventOnce() {
        UUID fresh = UUID.randomUUID();
        UUID seen = UUID.randomUUID();
        UUID ignored = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> processedEvents.firstDelivery(CONSUMER, seen));
        List<String> batch = List.of(envelope(fresh, "ClientAumChanged"), envelope(ignored, "LargeOutflowDetected"),
                envelope(fresh, "ClientAumChanged"), envelope(seen, "ClientAumChanged"), "not an envelope");
        List<UUID> applied = new ArrayList<>();

        QuarkusTransaction.requiringNew().run(() -> {
            consumer.markAhead(CONSUMER, TYPES, batch);
            for (String message : batch.subList(0, 4)) {
                consumer.apply(CONSUMER, message, TYPES, event -> applied.add(event.eventId()));
            }
        });

        assertThat(applied).containsExactly(fresh);
        assertThat(remembered(fresh)).isTrue();
        assertThat(remembered(ignored)).isFalse();
        // a redelivery in a later batch is recognised
        List<UUID> again = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            consumer.markAhead(CONSUMER, TYPES, batch.subList(0, 1));
            consumer.apply(CONSUMER, batch.get(0), TYPES, event -> again.add(event.eventId()));
        });
        assertThat(again).isEmpty();
    }

    @Test
    void marksOfAFailedBatchRollBack() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            consumer.markAhead(CONSUMER, TYPES, List.of(envelope(id, "ClientAumChanged")));
            throw new IllegalStateException("the batch fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(remembered(id)).isFalse();
        // applied one by one afterwards (no marks ahead), it applies
        List<UUID> applied = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() ->
                consumer.apply(CONSUMER, envelope(id, "ClientAumChanged"), TYPES, event -> applied.add(event.eventId())));
        assertThat(applied).containsExactly(id);
    }

    private boolean remembered(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer = ?1 AND event_id = ?2")
                .setParameter(1, CONSUMER).setParameter(2, eventId).getSingleResult()).intValue() == 1);
    }
}
