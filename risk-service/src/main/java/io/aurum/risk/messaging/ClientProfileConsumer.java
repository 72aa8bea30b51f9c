package io.aurum.risk.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aurum.common.events.EventEnvelope;
import io.aurum.risk.domain.ClientRef;
import io.aurum.messaging.EventReader;
import io.aurum.messaging.PoisonMessageException;
import io.aurum.messaging.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Keeps {@link ClientRef} current from client.profile; idempotent, poison messages to risk-service.dlq. */
@ApplicationScoped
public class ClientProfileConsumer {

    static final String CONSUMER = "risk-service/client.profile";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProfileFacts(UUID clientId, LocalDate birthDate, UUID primaryRmId, UUID advisorId, String team, String tier) {
    }

    private final EventReader reader;
    private final ProcessedEvents processed;

    public ClientProfileConsumer(EventReader reader, ProcessedEvents processed) {
        this.reader = reader;
        this.processed = processed;
    }

    @Incoming("client-profile")
    @Blocking
    @Transactional
    public void onEvent(String message) {
        EventEnvelope event = reader.read(message);
        if (!processed.firstDelivery(CONSUMER, event.eventId())
                || !(event.type().equals("ClientRegistered") || event.type().equals("ClientProfileUpdated"))) {
            return;
        }
        ProfileFacts facts = reader.payload(event, ProfileFacts.class);
        if (facts.clientId() == null) {
            throw new PoisonMessageException(event.type() + " " + event.eventId() + " lacks clientId");
        }
        ClientRef ref = ClientRef.findById(facts.clientId());
        if (ref == null) {
            ref = new ClientRef();
            ref.clientId = facts.clientId();
        }
        ref.birthDate = facts.birthDate();
        ref.primaryRmId = facts.primaryRmId();
        ref.advisorId = facts.advisorId();
        ref.team = facts.team();
        if (facts.tier() != null) {
            ref.tier = facts.tier();
        }
        ref.lastEventId = event.eventId();
        ref.updatedAt = Instant.now();
        ref.persist();
    }
}
