package io.aurum.client.aum;

import io.aurum.client.messaging.ClientEvents;
import io.aurum.client.messaging.ClientTopics;
import io.aurum.client.tiering.TieringEngine;
import io.aurum.common.web.CorrelationId;
import io.aurum.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What follows new daily totals for a batch of clients (table {@code aum_touch}): the client's current AUM,
 * ClientAumChanged for the services that keep AUM, large-outflow detection and the incremental tier evaluation.
 * Everything is set-based, so an upload touching 200,000 clients costs a handful of statements.
 */
@ApplicationScoped
public class AumFollowUp {

    public record Result(long clients, long outflows, TieringEngine.Outcome tiering) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final TieringEngine tiering;
    private final MovementConfig movement;
    private final String source;

    public AumFollowUp(EntityManager em, Outbox outbox, TieringEngine tiering, MovementConfig movement,
                       @ConfigProperty(name = "quarkus.application.name") String source) {
        this.em = em;
        this.outbox = outbox;
        this.tiering = tiering;
        this.movement = movement;
        this.source = source;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Result apply(UUID batchId) {
        String latest = """
                SELECT DISTINCT ON (d.client_id) d.client_id, d.as_of, d.total_cny, d.high_risk_cny
                FROM aum_daily d JOIN aum_touch t ON t.client_id = d.client_id AND t.batch_id = :batch
                ORDER BY d.client_id, d.as_of DESC""";
        int clients = em.createNativeQuery("INSERT INTO client_standing (client_id, aum_cny, aum_as_of)"
                        + " SELECT l.client_id, l.total_cny, l.as_of FROM (" + latest + ") l"
                        + " ON CONFLICT (client_id) DO UPDATE SET aum_cny = EXCLUDED.aum_cny, aum_as_of = EXCLUDED.aum_as_of")
                .setParameter("batch", batchId).executeUpdate();
        // one ClientAumChanged per client, built in SQL in the same envelope format as Outbox.publish
        em.createNativeQuery("""
                        INSERT INTO outbox_event (id, topic, message_key, event_type, envelope, created_at)
                        SELECT l.eid, :topic, CAST(l.client_id AS text), :type, CAST(jsonb_build_object(
                                   'eventId', l.eid, 'type', CAST(:type AS text), 'version', CAST(:version AS integer),
                                   'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                   'source', CAST(:source AS text), 'clientId', l.client_id, 'correlationId', CAST(:cid AS text),
                                   'payload', jsonb_build_object('clientId', l.client_id,
                                                                'aumCny', to_char(l.total_cny, 'FM99999999999999999990.00'),
                                                                'highRiskHoldingsCny', to_char(l.high_risk_cny, 'FM99999999999999999990.00'),
                                                                'asOf', l.as_of,
                                                                'byAssetClass', coalesce((
                                                                    SELECT jsonb_object_agg(q.asset_class, to_char(q.cny, 'FM99999999999999999990.00'))
                                                                    FROM (SELECT p.asset_class, sum(p.amount_cny) AS cny FROM aum_position p
                                                                          WHERE p.client_id = l.client_id AND p.as_of = l.as_of
                                                                          GROUP BY p.asset_class) q), '{}'::jsonb))) AS text), now()
                        FROM (SELECT gen_random_uuid() AS eid, x.* FROM (""" + latest + """
                        ) x) l""")
                .setParameter("topic", ClientTopics.AUM)
                .setParameter("type", ClientEvents.AUM_CHANGED)
                .setParameter("version", ClientEvents.VERSION)
                .setParameter("source", source)
                .setParameter("cid", CorrelationId.current())
                .setParameter("batch", batchId)
                .executeUpdate();
        long outflows = detectOutflows(batchId, latest);
        TieringEngine.Outcome outcome = tiering.afterSnapshots(batchId);
        return new Result(clients, outflows, outcome);
    }

    /**
     * Net outflow within the window: the total at the window's start (or its first day) against the latest. The clients
     * alerted are marked (last alert day) by the same statement, which returns them.
     */
    private long detectOutflows(UUID batchId, String latest) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        WITH l AS (""" + latest + """
                        ),
                        b AS (
                            SELECT l.client_id, l.as_of, l.total_cny AS now_cny,
                                   coalesce(before.as_of, first_in.as_of) AS base_day,
                                   coalesce(before.total_cny, first_in.total_cny) AS base_cny
                            FROM l
                            LEFT JOIN LATERAL (SELECT d.as_of, d.total_cny FROM aum_daily d WHERE d.client_id = l.client_id
                                               AND d.as_of <= l.as_of - :days ORDER BY d.as_of DESC LIMIT 1) before ON true
                            LEFT JOIN LATERAL (SELECT d.as_of, d.total_cny FROM aum_daily d WHERE d.client_id = l.client_id
                                               AND d.as_of > l.as_of - :days AND d.as_of < l.as_of ORDER BY d.as_of LIMIT 1) first_in ON true)
                        UPDATE client c SET last_outflow_alert_on = b.as_of
                        FROM b
                        WHERE c.id = b.client_id AND b.base_cny IS NOT NULL AND b.base_cny > b.now_cny
                          AND (b.base_cny - b.now_cny >= :amount OR b.base_cny - b.now_cny >= :ratio * b.base_cny)
                          AND (c.last_outflow_alert_on IS NULL OR c.last_outflow_alert_on <= b.as_of - :days)
                        RETURNING b.client_id, b.base_cny, b.now_cny, b.base_day, b.as_of, c.primary_rm_id, c.team, c.tier""")
                .setParameter("batch", batchId)
                .setParameter("days", movement.windowDays())
                .setParameter("amount", movement.outflowAmountCny())
                .setParameter("ratio", movement.outflowRatio())
                .getResultList();
        List<Map.Entry<UUID, ?>> events = new ArrayList<>();
        for (Object[] r : rows) {
            UUID clientId = (UUID) r[0];
            BigDecimal from = (BigDecimal) r[1];
            BigDecimal to = (BigDecimal) r[2];
            BigDecimal outflow = from.subtract(to);
            BigDecimal ratio = from.signum() == 0 ? BigDecimal.ONE : outflow.divide(from, 4, RoundingMode.HALF_UP);
            events.add(new AbstractMap.SimpleEntry<>(clientId, new ClientEvents.LargeOutflow(clientId, from, to, outflow,
                    ratio, io.aurum.client.service.Sql.date(r[3]), io.aurum.client.service.Sql.date(r[4]), (UUID) r[5],
                    (String) r[6], (String) r[7])));
        }
        outbox.publishAll(ClientTopics.AUM, ClientEvents.LARGE_OUTFLOW, ClientEvents.VERSION, events);
        return events.size();
    }
}
