package io.aurum.client.aum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        // a later snapshot of the same client and day replaces an earlier one, so only the last of each is stored
        Map<ClientDay, Snapshot> last = new LinkedHashMap<>();
        for (Snapshot snap : snapshots) {
            if (known.contains(snap.clientId())) {
                last.put(new ClientDay(snap.clientId(), snap.asOf()), snap);
            } else {
                unknown.add(snap);
            }
        }
        if (!last.isEmpty()) {
            em.unwrap(Session.class).doWork(connection -> store(connection, last.values()));
            followUp.afterSnapshots(last.keySet().stream().map(ClientDay::clientId).distinct().toList());
        }
        return unknown;
    }

    private record ClientDay(UUID clientId, LocalDate asOf) {
    }

    /**
     * Replaces the positions of each snapshot's (client, day) and recomputes those days' totals: three statements for
     * the whole batch (arrays), not three or more per snapshot.
     */
    private static void store(Connection connection, Collection<Snapshot> snapshots) throws SQLException {
        int positions = snapshots.stream().mapToInt(s -> s.positions().size()).sum();
        String[] dayClients = new String[snapshots.size()];
        String[] days = new String[snapshots.size()];
        String[][] rows = new String[8][positions];
        int d = 0;
        int r = 0;
        for (Snapshot snap : snapshots) {
            String client = snap.clientId().toString();
            String day = snap.asOf().toString();
            dayClients[d] = client;
            days[d++] = day;
            for (PositionRow p : snap.positions()) {
                rows[0][r] = client;
                rows[1][r] = day;
                rows[2][r] = p.productCode();
                rows[3][r] = p.assetClass().name();
                rows[4][r] = p.currency();
                rows[5][r] = p.amount().toPlainString();
                rows[6][r] = p.amountCny().toPlainString();
                rows[7][r++] = p.riskRating() == null ? null : p.riskRating().toString();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM aum_position p USING unnest(CAST(? AS uuid[]), CAST(? AS date[])) AS n(client_id, as_of)
                WHERE p.client_id = n.client_id AND p.as_of = n.as_of""")) {
            delete.setArray(1, connection.createArrayOf("text", dayClients));
            delete.setArray(2, connection.createArrayOf("text", days));
            delete.executeUpdate();
        }
        if (positions > 0) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO aum_position (client_id, as_of, product_code, asset_class, currency, amount, amount_cny, risk_rating)
                    SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS date[]), CAST(? AS text[]), CAST(? AS text[]),
                                         CAST(? AS text[]), CAST(? AS numeric[]), CAST(? AS numeric[]), CAST(? AS smallint[]))""")) {
                for (int i = 0; i < rows.length; i++) {
                    insert.setArray(i + 1, connection.createArrayOf("text", rows[i]));
                }
                insert.executeUpdate();
            }
        }
        // an empty snapshot is a real fact: the client holds nothing that day
        try (PreparedStatement daily = connection.prepareStatement("""
                INSERT INTO aum_daily (client_id, as_of, total_cny, high_risk_cny, usd_amount)
                SELECT n.client_id, n.as_of, coalesce(sum(p.amount_cny), 0),
                       coalesce(sum(p.amount_cny) FILTER (WHERE p.risk_rating >= 4), 0),
                       coalesce(sum(p.amount) FILTER (WHERE p.currency = 'USD'), 0)
                FROM unnest(CAST(? AS uuid[]), CAST(? AS date[])) AS n(client_id, as_of)
                LEFT JOIN aum_position p ON p.client_id = n.client_id AND p.as_of = n.as_of
                GROUP BY n.client_id, n.as_of
                ON CONFLICT (client_id, as_of) DO UPDATE SET total_cny = EXCLUDED.total_cny,
                    high_risk_cny = EXCLUDED.high_risk_cny, usd_amount = EXCLUDED.usd_amount""")) {
            daily.setArray(1, connection.createArrayOf("text", dayClients));
            daily.setArray(2, connection.createArrayOf("text", days));
            daily.executeUpdate();
        }
    }
}
