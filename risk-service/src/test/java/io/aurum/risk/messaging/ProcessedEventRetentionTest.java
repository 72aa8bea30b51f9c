package io.aurum.risk.messaging;

import io.aurum.messaging.ProcessedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Remembered event ids are forgotten after the retention (30 days), not before, on real PostgreSQL. */
@QuarkusTest
class ProcessedEventRetentionTest {

    @Inject
    EntityManager em;

    @Inject
    ProcessedEvents processedEvents;

    @Test
    void idsOlderThanTheRetentionAreForgottenAndRecentOnesKept() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO processed_event (consumer, event_id, processed_at)"
                    + " VALUES ('retention-test', ?1, now() - interval '31 days'), ('retention-test', ?2, now() - interval '29 days')")
                    .setParameter(1, old).setParameter(2, recent).executeUpdate();
        });

        assertThat(processedEvents.forgetExpired()).isGreaterThanOrEqualTo(1);

        assertThat(remembered(old)).isFalse();
        assertThat(remembered(recent)).isTrue();
        // a redelivery of the recent one is still recognised
        assertThat(QuarkusTransaction.requiringNew().call(() -> processedEvents.firstDelivery("retention-test", recent))).isFalse();
    }

    private boolean remembered(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer = 'retention-test' AND event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).intValue() == 1);
    }
}
