package io.aurum.client.aum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.messaging.PoisonMessageException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Daily position snapshots from core banking on {@code core.positions}, one message per client and day:
 * {@code {"clientId", "asOf", "positions": [{productCode, assetClass, currency, amount, riskRating}]}}.
 * A message replaces that client's positions of that day, so a redelivery changes nothing. A message that is
 * not valid (or names an unknown client) goes to {@code client-service.dlq} and consumption continues.
 */
@ApplicationScoped
public class CorePositionsConsumer {

    private static final Logger LOG = Logger.getLogger(CorePositionsConsumer.class);
    static final int MAX_POSITIONS = 10_000;

    private final ObjectMapper mapper;
    private final FxRates rates;
    private final AumSnapshots snapshots;

    public CorePositionsConsumer(ObjectMapper mapper, FxRates rates, AumSnapshots snapshots) {
        this.mapper = mapper;
        this.rates = rates;
        this.snapshots = snapshots;
    }

    @Incoming("core-positions")
    @Blocking
    @Transactional
    public void onMessage(String message) {
        JsonNode node;
        try {
            node = mapper.readTree(message);
        } catch (IOException e) {
            throw new PoisonMessageException("core.positions message is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new PoisonMessageException("core.positions message is not a JSON object");
        }
        String clientText = AumUploads.text(node, "clientId");
        String asOfText = AumUploads.text(node, "asOf");
        UUID clientId;
        LocalDate asOf;
        try {
            clientId = UUID.fromString(String.valueOf(clientText));
            asOf = LocalDate.parse(String.valueOf(asOfText));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new PoisonMessageException("core.positions message needs clientId (UUID) and asOf (date)");
        }
        JsonNode positions = node.get("positions");
        if (positions == null || !positions.isArray() || positions.size() > MAX_POSITIONS) {
            throw new PoisonMessageException("core.positions message needs a positions array (at most " + MAX_POSITIONS + ")");
        }
        FxTable table = rates.tableFor(asOf); // this day's rates only: one small query per message
        List<PositionRow> rows = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            JsonNode p = positions.get(i);
            if (!p.isObject()) {
                throw new PoisonMessageException("positions[" + i + "] is not an object");
            }
            try {
                rows.add(AumUploads.fromJson(p, asOfText, clientText, table));
            } catch (PositionRow.Invalid e) {
                throw new PoisonMessageException("positions[" + i + "]." + e.field() + " " + e.getMessage());
            }
        }
        if (!snapshots.replace(clientId, asOf, rows)) {
            throw new PoisonMessageException("core.positions message for unknown client " + clientId);
        }
        LOG.debugf("Snapshot of %s on %s applied (%d positions)", clientId, asOf, rows.size());
    }
}
