package io.aurum.engagement.performance;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurum.messaging.EventFields;
import io.aurum.messaging.PoisonMessageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The history engagement keeps from other services' events so that monthly figures can be computed without reaching
 * into their tables: AUM per client and day ({@code ClientAumChanged}), tier changes ({@code ClientTierChanged}) and
 * who covered a client from when ({@code client.profile}). Each write runs in the consumer's transaction, next to its
 * processed-event mark, and is itself idempotent (keyed by day, event or moment).
 */
@ApplicationScoped
public class History {

    private final EntityManager em;

    public History(EntityManager em) {
        this.em = em;
    }

    /** The asset classes kept as columns; anything else counts as other. */
    static final java.util.List<String> CLASSES = java.util.List.of("CASH", "FIXED_INCOME", "EQUITY", "ALTERNATIVE", "INSURANCE");

    /** A client's total and per-class holdings on a day, as one ClientAumChanged reported them. */
    public record AumDay(UUID clientId, LocalDate asOf, BigDecimal total, List<BigDecimal> byClass, BigDecimal other,
                         UUID eventId) {
    }

    /** Reads a ClientAumChanged payload; a payload without a day or an amount, or with a malformed one, is poison. */
    public static AumDay aumDay(UUID clientId, JsonNode payload, UUID eventId) {
        LocalDate asOf = EventFields.requiredDate(payload, "asOf");
        BigDecimal total = EventFields.requiredAmount(payload, "aumCny");
        JsonNode classes = payload.path("byAssetClass");
        if (!classes.isMissingNode() && !classes.isNull() && !classes.isObject()) {
            throw new PoisonMessageException("byAssetClass is not an object");
        }
        BigDecimal[] byClass = new BigDecimal[CLASSES.size()];
        java.util.Arrays.fill(byClass, BigDecimal.ZERO);
        BigDecimal placed = BigDecimal.ZERO;
        if (classes.isObject()) {
            for (var it = classes.fields(); it.hasNext(); ) {
                var e = it.next();
                BigDecimal v = EventFields.requiredAmount(classes, e.getKey());
                int i = CLASSES.indexOf(e.getKey());
                if (i >= 0) {
                    byClass[i] = byClass[i].add(v);
                    placed = placed.add(v);
                }
            }
        }
        return new AumDay(clientId, asOf, total, List.of(byClass), total.subtract(placed).max(BigDecimal.ZERO), eventId);
    }

    /**
     * Stores the days of a batch of ClientAumChanged (in the order they were consumed) with one statement; a later event
     * for the same client and day replaces an earlier one, in the batch as across batches.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void aum(Collection<AumDay> days) {
        Map<List<Object>, AumDay> last = new LinkedHashMap<>();
        for (AumDay day : days) {
            last.put(List.of(day.clientId(), day.asOf()), day);
        }
        int n = last.size();
        String[][] columns = new String[10][n];
        int r = 0;
        for (AumDay day : last.values()) {
            columns[0][r] = day.clientId().toString();
            columns[1][r] = day.asOf().toString();
            columns[2][r] = day.total().toPlainString();
            for (int i = 0; i < CLASSES.size(); i++) {
                columns[3 + i][r] = day.byClass().get(i).toPlainString();
            }
            columns[8][r] = day.other().toPlainString();
            columns[9][r++] = day.eventId().toString();
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO aum_daily (client_id, as_of, aum_cny, cash_cny, fixed_income_cny, equity_cny, alternative_cny,
                                           insurance_cny, other_cny, event_id)
                    SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS date[]), CAST(? AS numeric[]), CAST(? AS numeric[]),
                                         CAST(? AS numeric[]), CAST(? AS numeric[]), CAST(? AS numeric[]), CAST(? AS numeric[]),
                                         CAST(? AS numeric[]), CAST(? AS uuid[]))
                    ON CONFLICT (client_id, as_of) DO UPDATE
                        SET aum_cny = EXCLUDED.aum_cny, cash_cny = EXCLUDED.cash_cny, fixed_income_cny = EXCLUDED.fixed_income_cny,
                            equity_cny = EXCLUDED.equity_cny, alternative_cny = EXCLUDED.alternative_cny,
                            insurance_cny = EXCLUDED.insurance_cny, other_cny = EXCLUDED.other_cny, event_id = EXCLUDED.event_id""")) {
                for (int i = 0; i < columns.length; i++) {
                    upsert.setArray(i + 1, connection.createArrayOf("text", columns[i]));
                }
                upsert.executeUpdate();
            }
        });
    }

    /** Every tier change, up or down, on the day it took effect. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tierChanged(UUID clientId, JsonNode payload, UUID eventId, Instant occurredAt) {
        String direction = payload.path("direction").asText();
        if (!List.of("UPGRADE", "DOWNGRADE").contains(direction) || !payload.hasNonNull("fromTier") || !payload.hasNonNull("toTier")) {
            throw new PoisonMessageException("ClientTierChanged " + eventId + " lacks fromTier, toTier or direction");
        }
        LocalDate on = payload.hasNonNull("asOf") ? EventFields.date(payload, "asOf")
                : LocalDate.ofInstant(occurredAt, io.aurum.engagement.rules.CareWindow.BANK_ZONE);
        em.createNativeQuery("""
                        INSERT INTO tier_change (event_id, client_id, from_tier, to_tier, direction, changed_on, occurred_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, eventId).setParameter(2, clientId).setParameter(3, payload.get("fromTier").asText())
                .setParameter(4, payload.get("toTier").asText()).setParameter(5, direction).setParameter(6, on)
                .setParameter(7, Timestamp.from(occurredAt)).executeUpdate();
    }

    /** A new row when the primary RM or the team differs from the latest known coverage. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void coverage(UUID clientId, UUID primaryRmId, String team, Instant since, UUID eventId) {
        @SuppressWarnings("unchecked")
        List<Object[]> latest = em.createNativeQuery("SELECT primary_rm_id, team FROM book_assignment WHERE client_id = ?1"
                        + " ORDER BY valid_from DESC LIMIT 1").setParameter(1, clientId).getResultList();
        if (!latest.isEmpty() && Objects.equals(latest.get(0)[0], primaryRmId) && Objects.equals(latest.get(0)[1], team)) {
            return;
        }
        em.createNativeQuery("INSERT INTO book_assignment (client_id, valid_from, primary_rm_id, team, event_id)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (client_id, valid_from) DO NOTHING")
                .setParameter(1, clientId).setParameter(2, Timestamp.from(since)).setParameter(3, primaryRmId)
                .setParameter(4, team).setParameter(5, eventId).executeUpdate();
    }
}
