package io.aurum.engagement.messaging;

import io.aurum.common.events.EventEnvelope;
import io.aurum.engagement.domain.ClientCard;
import io.aurum.engagement.loyalty.Referrals;
import io.aurum.engagement.performance.History;
import io.aurum.messaging.EventReader;
import io.aurum.messaging.PoisonMessageException;
import io.aurum.messaging.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Set;

/**
 * Keeps {@link ClientCard} current from {@code client.profile}. Idempotent: an event id already applied
 * is skipped; poison messages go to {@code engagement-service.dlq}.
 */
@ApplicationScoped
public class ClientProfileConsumer {

    static final String CONSUMER = "engagement-service/client.profile";
    private static final Logger LOG = Logger.getLogger(ClientProfileConsumer.class);

    private final EventReader reader;
    private final IdempotentConsumer consumer;
    private final History history;
    private final Referrals referrals;

    public ClientProfileConsumer(EventReader reader, IdempotentConsumer consumer, History history, Referrals referrals) {
        this.reader = reader;
        this.consumer = consumer;
        this.history = history;
        this.referrals = referrals;
    }

    @Incoming("client-profile")
    @Blocking
    @Transactional
    public void onEvent(String message) {
        consumer.apply(CONSUMER, message, event -> {
            switch (event.type()) {
                case "ClientRegistered", "ClientProfileUpdated" -> apply(event, reader.payload(event, ClientProfileChanged.class));
                case "ClientClosed" -> closed(event);
                default -> LOG.debugf("Event type %s is not used by engagement-service", event.type());
            }
        });
    }

    /** MARKETING consent decides whether care and campaign contacts (birthdays, festivals, activities) are made. */
    @Incoming("client-consent")
    @Blocking
    @Transactional
    public void onConsent(String message) {
        consumer.apply("engagement-service/client.consent", message, Set.of("ClientConsentChanged"), event -> {
            var p = event.payload();
            if (!"MARKETING".equals(p.path("purpose").asText())) {
                return;
            }
            if (event.clientId() == null) {
                throw new PoisonMessageException("ClientConsentChanged " + event.eventId() + " names no client");
            }
            // consent may come before the profile (another topic): the card starts as a placeholder the profile fills
            ClientCard card = ClientCard.lockOrCreate(event.clientId(), event.eventId(), event.occurredAt());
            card.marketingConsent = p.path("granted").asBoolean(false);
            card.updatedAt = Instant.now();
        });
    }

    /** The relationship ended: the client leaves its RM's book at that moment (a lost client in the month's figures). */
    private void closed(EventEnvelope event) {
        if (event.clientId() == null) {
            throw new PoisonMessageException("ClientClosed " + event.eventId() + " names no client");
        }
        ClientCard card = ClientCard.lockOrCreate(event.clientId(), event.eventId(), event.occurredAt());
        Instant at = event.occurredAt() == null ? Instant.now() : event.occurredAt();
        var p = event.payload();
        if (p != null && p.hasNonNull("closedAt")) {
            try {
                at = Instant.parse(p.get("closedAt").asText());
            } catch (java.time.format.DateTimeParseException e) {
                throw new PoisonMessageException("closedAt is not an instant");
            }
        }
        card.lifecycleStatus = "CLOSED";
        card.closedAt = at;
        card.updatedAt = Instant.now();
    }

    private void apply(EventEnvelope event, ClientProfileChanged change) {
        if (change.clientId() == null || change.fullName() == null) {
            throw new PoisonMessageException(event.type() + " " + event.eventId() + " lacks clientId or fullName");
        }
        ClientCard card = ClientCard.lockOrCreate(change.clientId(), event.eventId(), event.occurredAt());
        card.fullName = change.fullName();
        card.latinName = change.latinName();
        card.birthDate = change.birthDate();
        card.lifecycleStatus = change.lifecycleStatus() == null ? "PROSPECT" : change.lifecycleStatus();
        card.tier = change.tier() == null ? "MASS" : change.tier();
        card.primaryRmId = change.primaryRmId();
        card.advisorId = change.advisorId();
        card.team = change.team();
        card.interestTags = change.interestTags() == null ? new String[0] : change.interestTags().toArray(String[]::new);
        card.preferredChannels = change.preferredChannels() == null ? new String[0]
                : change.preferredChannels().toArray(String[]::new);
        card.quietHoursStart = change.quietHoursStart();
        card.quietHoursEnd = change.quietHoursEnd();
        card.erased = change.erased();
        card.lastEventId = event.eventId();
        card.updatedAt = Instant.now();
        if ("CLOSED".equals(card.lifecycleStatus) && card.closedAt == null) {
            card.closedAt = event.occurredAt();
        }
        if (event.occurredAt() != null) {
            history.coverage(card.clientId, card.primaryRmId, card.team, event.occurredAt(), event.eventId());
        }
        // a referral converts only on a client made ACTIVE through KYC (VERIFIED when the payload says so)
        if ("ACTIVE".equals(card.lifecycleStatus) && (change.kycStatus() == null || "VERIFIED".equals(change.kycStatus()))) {
            referrals.becameActive(card.clientId, event.eventId(), event.occurredAt() == null ? Instant.now() : event.occurredAt());
        }
        LOG.infof("Client card %s updated from %s %s", card.clientId, event.type(), event.eventId());
    }
}
