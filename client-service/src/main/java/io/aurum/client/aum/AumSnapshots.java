package io.aurum.client.aum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Core-banking snapshots (one client, one day each): each replaces that day's positions, then the follow-up runs once. */
@ApplicationScoped
public class AumSnapshots {

    private final EntityManager em;
    private final AumFollowUp followUp;

    public AumSnapshots(EntityManager em, AumFollowUp followUp) {
        this.em = em;
        this.followUp = followUp;
    }

    /** One client's positions on one day, as a core-banking message carries them. */
    public record Snapshot(UUID clientId, LocalDate asOf, List<PositionRow> positions) {
    }

    /**
     * Applies snapshots in their order (each replaces its client's positions of that day), then runs the follow-up once
     * for every client they touched (current AUM, ClientAumChanged, outflow, tiering — set-based). Snapshots of clients
     * this service does not know store nothing and are returned.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Snapshot> replaceAll(List<Snapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        Set<UUID> known = new HashSet<>(em.createNativeQuery("SELECT id FROM client WHERE id IN (:ids)")
                .setParameter("ids", snapshots.stream().map(Snapshot::clientId).distinct().toList()).getResultList());
        List<Snapshot> unknown = new ArrayList<>();
        Set<UUID> touched = new LinkedHashSet<>();
        for (Snapshot snap : snapshots) {
            if (!known.contains(snap.clientId())) {
                unknown.add(snap);
                continue;
            }
            store(snap.clientId(), snap.asOf(), snap.positions());
            touched.add(snap.clientId());
        }
        if (!touched.isEmpty()) {
            UUID batch = UUID.randomUUID();
            // the batch's clients in one statement (a list, as the known-clients query above), not one INSERT each
            em.createNativeQuery("INSERT INTO aum_touch (batch_id, client_id) SELECT ?1, id FROM client WHERE id IN (?2)")
                    .setParameter(1, batch).setParameter(2, List.copyOf(touched)).executeUpdate();
            followUp.apply(batch);
            em.createNativeQuery("DELETE FROM aum_touch WHERE batch_id = ?1").setParameter(1, batch).executeUpdate();
        }
        return unknown;
    }

    private void store(UUID clientId, LocalDate asOf, List<PositionRow> positions) {
        em.createNativeQuery("DELETE FROM aum_position WHERE client_id = ?1 AND as_of = ?2")
                .setParameter(1, clientId).setParameter(2, asOf).executeUpdate();
        for (PositionRow p : positions) {
            em.createNativeQuery("INSERT INTO aum_position (client_id, as_of, product_code, asset_class, currency, amount,"
                            + " amount_cny, risk_rating) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, clientId).setParameter(2, asOf).setParameter(3, p.productCode())
                    .setParameter(4, p.assetClass().name()).setParameter(5, p.currency()).setParameter(6, p.amount())
                    .setParameter(7, p.amountCny()).setParameter(8, p.riskRating() == null ? null : p.riskRating().shortValue())
                    .executeUpdate();
        }
        // an empty snapshot is a real fact: the client holds nothing that day
        em.createNativeQuery("""
                        INSERT INTO aum_daily (client_id, as_of, total_cny, high_risk_cny, usd_amount)
                        SELECT ?1, ?2, coalesce(sum(amount_cny), 0), coalesce(sum(amount_cny) FILTER (WHERE risk_rating >= 4), 0),
                               coalesce(sum(amount) FILTER (WHERE currency = 'USD'), 0)
                        FROM aum_position WHERE client_id = ?1 AND as_of = ?2
                        ON CONFLICT (client_id, as_of) DO UPDATE SET total_cny = EXCLUDED.total_cny,
                            high_risk_cny = EXCLUDED.high_risk_cny, usd_amount = EXCLUDED.usd_amount""")
                .setParameter(1, clientId).setParameter(2, asOf).executeUpdate();
    }

    /** Daily totals for every (client, day) in a staging table's rows of one job (replacing earlier totals). */
    static void upsertDailyTotals(EntityManager em, String table, String jobColumn, UUID jobId) {
        em.createNativeQuery("""
                        INSERT INTO aum_daily (client_id, as_of, total_cny, high_risk_cny, usd_amount)
                        SELECT client_id, as_of, sum(amount_cny), coalesce(sum(amount_cny) FILTER (WHERE risk_rating >= 4), 0),
                               coalesce(sum(amount) FILTER (WHERE currency = 'USD'), 0)
                        FROM %s WHERE %s = ?1 GROUP BY client_id, as_of
                        ON CONFLICT (client_id, as_of) DO UPDATE SET total_cny = EXCLUDED.total_cny,
                            high_risk_cny = EXCLUDED.high_risk_cny, usd_amount = EXCLUDED.usd_amount"""
                        .formatted(table, jobColumn))
                .setParameter(1, jobId).executeUpdate();
    }
}
