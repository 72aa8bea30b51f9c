package io.aurum.common.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The one envelope every Aurum event travels in (see docs/events.md).
 * Consumers remember {@code eventId} to stay idempotent; {@code clientId} is also the Kafka key,
 * so one client's events stay in order on one partition.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String source,
        UUID clientId,
        String correlationId,
        JsonNode payload) {
}
