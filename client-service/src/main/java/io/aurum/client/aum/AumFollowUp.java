package io.aurum.client.aum;

import io.aurum.client.messaging.ClientEvents;
import io.aurum.client.messaging.ClientTopics;
import io.aurum.client.service.StepClock;
import io.aurum.client.tiering.TieringEngine;
import io.aurum.common.web.CorrelationId;
import io.aurum.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
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

    /** {@code steps}: how long each step took (touched clients, current AUM, events, outflows, tiering), for the log. */
    public record Result(long clients, long outflows, TieringEngine.Outcome tiering, StepClock steps) {
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

    /** The follow-up for the clients of an upload job's staged rows (table aum_upload_row). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result afterUpload(UUID jobId) {
        return apply("SELECT DISTINCT client_id FROM aum_upload_row WHERE job_id = :clients ORDER BY client_id", jobId, true);
    }

    /** The follow-up for clients whose positions changed (known clients; duplicates allowed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result afterSnapshots(Collection<UUID> clientIds) {
        return apply("SELECT id AS client_id FROM client WHERE id IN (:clients) ORDER BY id", clientIds, false);
    }

    /**
     * The set-based statements of a bulk upload are planned from the tables' statistics, and autovacuum cannot count rows
     * a transaction has not committed: a million rows written into tables whose statistics say "empty" got plans for
     * empty tables (nested loops over every row — a 1,000,000-row upload ran 15 minutes instead of 45 s). Within the
     * transaction, ANALYZE counts its own rows; it runs by autovacuum's rule (more than 10 % of the table, plus 50 rows,
     * changed). Only the upload worker calls this: concurrent ANALYZEs of one table would wait for each other.
     */
    static void analyzeIfGrown(EntityManager em, String table, long changedRows) {
        double rows = ((Number) em.createNativeQuery("SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = CAST(?1 AS regclass)")
                .setParameter(1, table).getSingleResult()).doubleValue();
        if (changedRows > 50 + 0.1 * rows) {
            em.createNativeQuery("ANALYZE " + table).executeUpdate();
        }
    }

    /**
     * {@code clientsSql} selects the batch's client ids (column client_id, in id order, parameter :clients). Their
     * latest daily totals go to aum_touch once, in client order (writes in key order touch each index and heap page
     * once, not at random — an upload's earlier upsert of 200,000 current AUMs took 4.7 s in the order a hash gave and
     * 3.2 s sorted).
     */
    private Result apply(String clientsSql, Object clients, boolean bulk) {
        UUID batchId = UUID.randomUUID();
        StepClock clock = new StepClock();
        int touched = em.createNativeQuery("INSERT INTO aum_touch (batch_id, client_id, as_of, total_cny, high_risk_cny)"
                        + " SELECT :batch, c.client_id, l.as_of, l.total_cny, l.high_risk_cny FROM (" + clientsSql + ") c"
                        + " CROSS JOIN LATERAL (SELECT d.as_of, d.total_cny, d.high_risk_cny FROM aum_daily d"
                        + " WHERE d.client_id = c.client_id ORDER BY d.as_of DESC LIMIT 1) l")
                .setParameter("batch", batchId).setParameter("clients", clients).executeUpdate();
        if (bulk) {
            analyzeIfGrown(em, "aum_touch", touched);
        }
        clock.end("touched clients");
        // every client has its client_standing row (written with the tier at registration)
        int current = em.createNativeQuery("UPDATE client_standing s SET aum_cny = t.total_cny, aum_as_of = t.as_of"
                        + " FROM aum_touch t WHERE t.batch_id = :batch AND s.client_id = t.client_id")
                .setParameter("batch", batchId).executeUpdate();
        clock.end("current AUM");
        // one ClientAumChanged per client, built in SQL in the same envelope format as Outbox.publish; the breakdown by
        // asset class is one aggregate over the batch's positions, not a query per client. Amounts have scale 2, so
        // their text is the plain two-decimal form the Java events carry
        em.createNativeQuery("""
                        INSERT INTO outbox_event (id, topic, message_key, event_type, envelope, created_at)
                        SELECT l.eid, :topic, CAST(l.client_id AS text), :type, CAST(json_build_object(
                                   'eventId', l.eid, 'type', CAST(:type AS text), 'version', CAST(:version AS integer),
                                   'occurredAt', CAST(:occurred AS text), 'source', CAST(:source AS text),
                                   'clientId', l.client_id, 'correlationId', CAST(:cid AS text),
                                   'payload', json_build_object('clientId', l.client_id, 'aumCny', CAST(l.total_cny AS text),
                                                                'highRiskHoldingsCny', CAST(l.high_risk_cny AS text),
                                                                'asOf', l.as_of,
                                                                'byAssetClass', coalesce(b.by_class, CAST('{}' AS json)))) AS text), now()
                        FROM (SELECT uuid_v7() AS eid, t.client_id, t.as_of, t.total_cny, t.high_risk_cny
                              FROM aum_touch t WHERE t.batch_id = :batch) l
                        LEFT JOIN (SELECT q.client_id, json_object_agg(q.asset_class, CAST(q.cny AS text)) AS by_class
                                   FROM (SELECT p.client_id, p.asset_class, sum(p.amount_cny) AS cny
                                         FROM aum_position p JOIN aum_touch t
                                           ON t.batch_id = :batch AND t.client_id = p.client_id AND t.as_of = p.as_of
                                         GROUP BY p.client_id, p.asset_class) q
                                   GROUP BY q.client_id) b ON b.client_id = l.client_id""")
                .setParameter("topic", ClientTopics.AUM)
                .setParameter("type", ClientEvents.AUM_CHANGED)
                .setParameter("version", ClientEvents.VERSION)
                .setParameter("occurred", Instant.now().toString())
                .setParameter("source", source)
                .setParameter("cid", CorrelationId.current())
                .setParameter("batch", batchId)
                .executeUpdate();
        outbox.relayAfterCommit();
        clock.end("events");
        long outflows = detectOutflows(batchId);
        clock.end("outflows");
        TieringEngine.Outcome outcome = tiering.afterSnapshots(batchId);
        em.createNativeQuery("DELETE FROM aum_touch WHERE batch_id = ?1").setParameter(1, batchId).executeUpdate();
        return new Result(current, outflows, outcome, clock.end("tiering"));
    }

    /**
     * Net outflow within the window: the total at the window's start (or its first day) against the latest. The clients
     * alerted are marked (last alert day) by the same statement, which returns them.
     */
    private long detectOutflows(UUID batchId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        WITH l AS (SELECT client_id, as_of, total_cny FROM aum_touch WHERE batch_id = :batch),
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
                        FROM b JOIN client_standing st ON st.client_id = b.client_id
                        WHERE c.id = b.client_id AND b.base_cny IS NOT NULL AND b.base_cny > b.now_cny
                          AND (b.base_cny - b.now_cny >= :amount OR b.base_cny - b.now_cny >= :ratio * b.base_cny)
                          AND (c.last_outflow_alert_on IS NULL OR c.last_outflow_alert_on <= b.as_of - :days)
                        RETURNING b.client_id, b.base_cny, b.now_cny, b.base_day, b.as_of, c.primary_rm_id, c.team, st.tier""")
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
