package io.aurum.risk.messaging;

import io.agroal.api.AgroalDataSource;
import io.aurum.messaging.Outbox;
import io.aurum.messaging.OutboxRelay;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox relay runs when a transaction that wrote events commits, not only on its poll, and only one relay of a
 * database sends at a time (two sending disjoint batches at once could reorder a client's events on its partition).
 * The profile switches the scheduler off, so nothing here is relayed by the poll.
 */
@QuarkusTest
@TestProfile(OutboxRelayTest.NoPoll.class)
class OutboxRelayTest {

    public static class NoPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    UUID publishProbe() {
        return QuarkusTransaction.requiringNew().call(() -> outbox.publish(RiskTopics.PROFILE, "RelayProbe", 1,
                UUID.randomUUID(), Map.of("probe", true)));
    }

    boolean published(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                "SELECT published_at IS NOT NULL FROM outbox_event WHERE id = ?1").setParameter(1, eventId).getSingleResult());
    }

    @Test
    void aCommittedEventIsRelayedWithoutAPoll() {
        UUID eventId = publishProbe();

        await().atMost(Duration.ofSeconds(30)).until(() -> published(eventId));
    }

    @Test
    void aRelaySendsNothingWhileAnotherHoldsTheDatabasesRelayLock() throws Exception {
        UUID eventId;
        try (Connection other = dataSource.getConnection(); Statement st = other.createStatement()) {
            other.setAutoCommit(false);
            st.execute("SELECT pg_advisory_xact_lock(" + OutboxRelay.RELAY_LOCK + ")");
            eventId = publishProbe();

            // the run the commit woke and this one both find the lock taken
            assertThat(relay.relayBatch()).isZero();
            assertThat(published(eventId)).isFalse();
            other.rollback();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> relay.relayBatch() >= 0 && published(eventId));
    }
}
