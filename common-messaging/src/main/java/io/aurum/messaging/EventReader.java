package io.aurum.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.common.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;

/** Parses incoming envelopes; a message that is not a valid envelope is poison and goes to the DLQ. */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper mapper;

    public EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public EventEnvelope read(String json) {
        try {
            EventEnvelope envelope = mapper.readValue(json, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.type() == null) {
                throw new PoisonMessageException("Event without eventId or type");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Not an Aurum event envelope: " + e.getOriginalMessage());
        }
    }

    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Payload of " + envelope.type() + " " + envelope.eventId()
                    + " does not match " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }
}
