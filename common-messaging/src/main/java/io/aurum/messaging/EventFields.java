package io.aurum.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurum.common.events.EventEnvelope;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reading fields of an event's payload the same way in every consumer: an absent or null field is null; a field that
 * is present but malformed makes the message poison (it goes to the dead-letter topic) and names the field.
 */
public final class EventFields {

    private EventFields() {
    }

    /** The client an event is about: the envelope's, else the payload's {@code clientId}; none is poison. */
    public static UUID clientId(EventEnvelope event) {
        UUID id = event.clientId() != null ? event.clientId() : uuid(event.payload(), "clientId");
        if (id == null) {
            throw new PoisonMessageException(event.type() + " " + event.eventId() + " names no client");
        }
        return id;
    }

    public static String text(JsonNode p, String field) {
        JsonNode n = p == null ? null : p.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    public static UUID uuid(JsonNode p, String field) {
        String t = text(p, field);
        return t == null || t.isBlank() ? null : parsed(t, field, UUID::fromString, "a UUID");
    }

    public static Instant instant(JsonNode p, String field) {
        String t = text(p, field);
        return t == null ? null : parsed(t, field, Instant::parse, "an ISO instant");
    }

    public static LocalDate date(JsonNode p, String field) {
        String t = text(p, field);
        return t == null ? null : parsed(t, field, LocalDate::parse, "an ISO date");
    }

    /** {@code parse(t)}, or a poison message naming the field when the text is malformed. */
    private static <T> T parsed(String t, String field, Function<String, T> parse, String what) {
        try {
            return parse.apply(t);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new PoisonMessageException(field + " is not " + what + ": " + t);
        }
    }

    public static BigDecimal amount(JsonNode p, String field) {
        String t = text(p, field);
        return t == null ? null : decimal(t, field);
    }

    public static BigDecimal decimal(String t, String field) {
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new PoisonMessageException(field + " is not a decimal: " + t);
        }
    }

    /** Like {@link #date}, but absent is poison too. */
    public static LocalDate requiredDate(JsonNode p, String field) {
        LocalDate d = date(p, field);
        if (d == null) {
            throw new PoisonMessageException(field + " is missing");
        }
        return d;
    }

    /** Like {@link #amount}, but absent is poison too. */
    public static BigDecimal requiredAmount(JsonNode p, String field) {
        BigDecimal a = amount(p, field);
        if (a == null) {
            throw new PoisonMessageException(field + " is missing");
        }
        return a;
    }
}
