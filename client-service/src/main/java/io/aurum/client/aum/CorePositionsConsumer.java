package io.aurum.client.aum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.common.web.InputRules;
import io.aurum.messaging.BatchApply;
import io.aurum.messaging.PoisonMessageException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Daily position snapshots from core banking on {@code core.positions}, one message per client and day:
 * {@code {"clientId", "asOf", "positions": [{productCode, assetClass, currency, amount, riskRating}]}}.
 * A message replaces that client's positions of that day, so a redelivery changes nothing. A message that is
 * not valid (or names an unknown client) goes to {@code client-service.dlq} and consumption continues.
 *
 * <p>Messages come in batches (what one poll returns, per partition consumer): the valid ones are applied in one
 * transaction, in order, and the follow-up (current AUM, ClientAumChanged, outflow, tiering) runs once for the batch,
 * set-based. If that transaction fails, each message is retried in its own, so one bad message never takes the
 * others with it to the dead-letter topic. While the database cannot be reached, the batch waits and is tried again
 * (nothing goes to the dead-letter topic for that).
 */
@ApplicationScoped
public class CorePositionsConsumer {

    private static final Logger LOG = Logger.getLogger(CorePositionsConsumer.class);
    static final int MAX_POSITIONS = 10_000;

    private final ObjectMapper mapper;
    private final FxRates rates;
    private final AumSnapshots snapshots;
    private final MutinyEmitter<String> deadLetters;

    public CorePositionsConsumer(ObjectMapper mapper, FxRates rates, AumSnapshots snapshots,
                                 @Channel("core-positions-dlq") MutinyEmitter<String> deadLetters) {
        this.mapper = mapper;
        this.rates = rates;
        this.snapshots = snapshots;
        this.deadLetters = deadLetters;
    }

    @Incoming("core-positions")
    @Blocking
    public void onBatch(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> valid = new ArrayList<>();
        List<AumSnapshots.Snapshot> snapshotsInOrder = new ArrayList<>();
        Map<LocalDate, FxTable> tables = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                snapshotsInOrder.add(parse(record.value(), tables));
                valid.add(record);
            } catch (PoisonMessageException e) {
                deadLetter(record, e.getMessage());
            }
        }
        try {
            List<AumSnapshots.Snapshot> unknown = BatchApply.untilAvailable(
                    () -> QuarkusTransaction.requiringNew().call(() -> snapshots.replaceAll(snapshotsInOrder)));
            for (int i = 0; i < valid.size(); i++) {
                if (unknown.contains(snapshotsInOrder.get(i))) {
                    deadLetter(valid.get(i), "core.positions message for unknown client " + snapshotsInOrder.get(i).clientId());
                }
            }
            LOG.debugf("%d core.positions snapshots applied", snapshotsInOrder.size() - unknown.size());
        } catch (RuntimeException batchFailure) {
            LOG.warnf("A batch of %d core.positions messages failed (%s); applying them one by one", valid.size(),
                    batchFailure.getMessage());
            for (int i = 0; i < valid.size(); i++) {
                AumSnapshots.Snapshot one = snapshotsInOrder.get(i);
                try {
                    if (!BatchApply.untilAvailable(
                            () -> QuarkusTransaction.requiringNew().call(() -> snapshots.replaceAll(List.of(one)))).isEmpty()) {
                        deadLetter(valid.get(i), "core.positions message for unknown client " + one.clientId());
                    }
                } catch (RuntimeException e) {
                    deadLetter(valid.get(i), String.valueOf(e.getMessage()));
                }
            }
        }
    }

    /** Validates one message and converts its amounts at the day's rates (read once per day per batch). */
    AumSnapshots.Snapshot parse(String message, Map<LocalDate, FxTable> tables) {
        JsonNode node;
        try {
            node = mapper.readTree(message);
        } catch (IOException | RuntimeException e) {
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
            // the day's rates are read before the positions are checked: a year the database cannot hold would fail
            // the whole batch rather than this message
            asOf = InputRules.date(String.valueOf(asOfText));
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("core.positions message needs clientId (UUID) and asOf (a date between "
                    + InputRules.EARLIEST_DATE + " and " + InputRules.LATEST_DATE + ")");
        }
        JsonNode positions = node.get("positions");
        if (positions == null || !positions.isArray() || positions.size() > MAX_POSITIONS) {
            throw new PoisonMessageException("core.positions message needs a positions array (at most " + MAX_POSITIONS + ")");
        }
        FxTable table = tables.computeIfAbsent(asOf,
                day -> BatchApply.untilAvailable(() -> QuarkusTransaction.requiringNew().call(() -> rates.tableFor(day))));
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
        return new AumSnapshots.Snapshot(clientId, asOf, rows);
    }

    private void deadLetter(ConsumerRecord<String, String> record, String reason) {
        BatchApply.deadLetter(deadLetters, record, reason);
    }
}
