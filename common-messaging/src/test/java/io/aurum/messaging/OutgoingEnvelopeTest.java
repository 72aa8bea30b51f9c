package io.aurum.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.aurum.common.events.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox writes the payload object straight into the envelope instead of building its tree first: consumers must
 * read the same envelope as before ({@link EventEnvelope} with the payload's tree, the mapper configured as Quarkus
 * does), and amounts now keep their scale as the HTTP API writes them (the tree wrote 100.00 as 1E+2).
 */
class OutgoingEnvelopeTest {

    record Line(String productCode, BigDecimal weight) {
    }

    record Payload(UUID clientId, String fromTier, String toTier, BigDecimal averageAumCny, BigDecimal threshold,
                   LocalDate asOf, Instant decidedAt, String team, List<Line> lines, Map<String, BigDecimal> byClass) {
    }

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void sameJsonAsTheEnvelopeWithThePayloadsTree() throws Exception {
        UUID eventId = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-26T23:59:59.123456Z");
        Payload payload = new Payload(clientId, "MASS", "GOLD", new BigDecimal("1234567.50"), new BigDecimal("1E+6"),
                LocalDate.of(2026, 9, 30), now, null, List.of(new Line("FND-001", new BigDecimal("0.25"))),
                Map.of("EQUITY", new BigDecimal("100.00")));

        String viaTree = mapper.writeValueAsString(new EventEnvelope(eventId, "ClientTierChanged", 1, now, "client-service",
                clientId, "cid-1", mapper.valueToTree(payload)));
        String direct = mapper.writerFor(Outbox.Outgoing.class).writeValueAsString(new Outbox.Outgoing(eventId,
                "ClientTierChanged", 1, now, "client-service", clientId, "cid-1", payload));

        assertThat(mapper.readTree(direct)).isEqualTo(mapper.readTree(viaTree));
        assertThat(direct).contains("\"averageAumCny\":1234567.50", "\"byClass\":{\"EQUITY\":100.00}", "\"team\":null")
                .startsWith("{\"eventId\":\"" + eventId + "\",\"type\":\"ClientTierChanged\",\"version\":1,"
                        + "\"occurredAt\":\"2026-11-26T23:59:59.123456Z\"");
        assertThat(mapper.readValue(direct, EventEnvelope.class).payload().get("asOf").asText()).isEqualTo("2026-09-30");
    }
}
