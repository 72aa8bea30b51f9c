package io.aurum.risk.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aurum.common.events.EventEnvelope;
import io.aurum.risk.domain.ClientRef;
import io.aurum.messaging.BatchApply;
import io.aurum.messaging.EventReader;
import io.aurum.messaging.IdempotentConsumer;
import io.aurum.messaging.PoisonMessageException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Keeps {@link ClientRef} current from client-service's events: profile facts (birth date, coverage team, tier)
 * and financial facts (qualified-investor bar) on client.profile, AUM on client.aum, consents on client.consent. Idempotent; poison messages
 * go to risk-service.dlq. The suitability check therefore never calls client-service.
 */
@ApplicationScoped
public class ClientProfileConsumer {

    static final String CONSUMER = "risk-service/client.profile";
    static final String CONSUMER_AUM = "risk-service/client.aum";
    static final String CONSUMER_CONSENT = "risk-service/client.consent";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProfileFacts(UUID clientId, LocalDate birthDate, UUID primaryRmId, UUID advisorId, String team, String tier) {
    }

    /** client.aum's events risk-service acts on (LargeOutflowDetected is engagement-service's). */
    private static final Set<String> AUM_TYPES = Set.of("ClientAumChanged");

    private final IdempotentConsumer consumer;
    private final EventReader reader;
    private final MutinyEmitter<String> deadLetters;

    public ClientProfileConsumer(IdempotentConsumer consumer, EventReader reader,
                                 @Channel("risk-dlq") MutinyEmitter<String> deadLetters) {
        this.consumer = consumer;
        this.reader = reader;
        this.deadLetters = deadLetters;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FinancialFacts(UUID clientId, BigDecimal householdNetFinancialAssets, BigDecimal financialAssets,
                          BigDecimal averageIncome3y) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AumFacts(UUID clientId, BigDecimal aumCny, BigDecimal highRiskHoldingsCny) {
    }

    @Incoming("client-profile")
    @Blocking
    @Transactional
    public void onEvent(String message) {
        consumer.apply(CONSUMER, message, event -> {
            switch (event.type()) {
                case "ClientRegistered", "ClientProfileUpdated" -> applyProfile(event, reader.payload(event, ProfileFacts.class));
                case "ClientFinancialFactsUpdated" -> {
                    FinancialFacts facts = reader.payload(event, FinancialFacts.class);
                    ClientRef ref = refFor(event, facts.clientId());
                    ref.householdNetFinancialAssets = facts.householdNetFinancialAssets();
                    ref.financialAssets = facts.financialAssets();
                    ref.averageIncome3y = facts.averageIncome3y();
                    touch(ref, event);
                }
                default -> {
                    // other profile events carry nothing risk-service uses
                }
            }
        });
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConsentChange(UUID clientId, String purpose, Boolean granted) {
    }

    @Incoming("client-consent")
    @Blocking
    @Transactional
    public void onConsentEvent(String message) {
        consumer.apply(CONSUMER_CONSENT, message, Set.of("ClientConsentChanged"), event -> {
            ConsentChange change = reader.payload(event, ConsentChange.class);
            if (change.purpose() == null || change.granted() == null) {
                throw new PoisonMessageException("ClientConsentChanged " + event.eventId() + " lacks purpose or granted");
            }
            ClientRef ref = refFor(event, change.clientId());
            Map<String, Boolean> consents = new HashMap<>(ref.consents == null ? Map.of() : ref.consents);
            consents.put(change.purpose(), change.granted());
            ref.consents = consents;
            touch(ref, event);
        });
    }

    /**
     * client.aum carries an event per client and snapshot — hundreds per second while positions arrive — so it is
     * consumed a poll's batch per transaction ({@link BatchApply}); each event still applies once (idempotent on its id).
     */
    @Incoming("client-aum")
    @Blocking
    public void onAumBatch(ConsumerRecords<String, String> records) {
        BatchApply.apply(records, deadLetters, batch -> consumer.markAhead(CONSUMER_AUM, AUM_TYPES, batch), this::onAumEvent);
    }

    /** One client.aum event, in the batch's transaction. */
    void onAumEvent(String message) {
        consumer.apply(CONSUMER_AUM, message, AUM_TYPES, event -> {
            AumFacts facts = reader.payload(event, AumFacts.class);
            ClientRef ref = refFor(event, facts.clientId());
            ref.aumCny = facts.aumCny();
            ref.highRiskHoldingsCny = facts.highRiskHoldingsCny();
            touch(ref, event);
        });
    }

    private ClientRef refFor(EventEnvelope event, UUID clientId) {
        if (clientId == null) {
            throw new PoisonMessageException(event.type() + " " + event.eventId() + " lacks clientId");
        }
        // client.profile, client.aum and client.consent are consumed concurrently: create the row race-free, then hold
        // its lock, so two events about one client never both insert it or overwrite each other's columns
        ClientRef.getEntityManager().createNativeQuery("INSERT INTO client_ref (client_id, last_event_id, updated_at)"
                        + " VALUES (?1, ?2, now()) ON CONFLICT (client_id) DO NOTHING")
                .setParameter(1, clientId).setParameter(2, event.eventId()).executeUpdate();
        return ClientRef.findById(clientId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    private static void touch(ClientRef ref, EventEnvelope event) {
        ref.lastEventId = event.eventId();
        ref.updatedAt = Instant.now();
        ref.persist();
    }

    private void applyProfile(EventEnvelope event, ProfileFacts facts) {
        ClientRef ref = refFor(event, facts.clientId());
        ref.birthDate = facts.birthDate();
        ref.primaryRmId = facts.primaryRmId();
        ref.advisorId = facts.advisorId();
        ref.team = facts.team();
        if (facts.tier() != null) {
            ref.tier = facts.tier();
        }
        touch(ref, event);
    }
}
