package io.aurum.advisory.service;

import io.aurum.advisory.config.AdviceConfig;
import io.aurum.advisory.domain.AssetClass;
import io.aurum.advisory.domain.ClientRef;
import io.aurum.advisory.domain.ModelPortfolio;
import io.aurum.advisory.messaging.AdviceTopics;
import io.aurum.advisory.planning.Drift;
import io.aurum.common.security.Caller;
import io.aurum.messaging.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Holdings against the model: one client on demand (the drift view), the clients whose holdings just changed (the
 * client.aum consumer) and every client in keyset batches (the nightly run). A RebalanceSuggested is raised when a
 * client's out-of-band picture changes (not again for the same picture), through the outbox.
 */
@ApplicationScoped
public class DriftMonitor {

    private static final Logger LOG = Logger.getLogger(DriftMonitor.class);

    public record View(UUID clientId, String riskLevel, UUID modelId, Integer modelVersion, LocalDate holdingsAsOf,
                       Drift.Report report) {
    }

    public record RunOutcome(int clients, int outOfBand, int suggested, long millis) {
    }

    private record ClientFacts(UUID clientId, String level, BigDecimal highRisk, UUID rm, UUID advisor, String team,
                               LocalDate asOf) {
    }

    private final AdviceAccess access;
    private final AdviceConfig config;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;

    public DriftMonitor(AdviceAccess access, AdviceConfig config, Outbox outbox, EntityManager em, Clock clock) {
        this.access = access;
        this.config = config;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public View view(Caller caller, UUID clientId) {
        ClientRef ref = access.requireRead(caller, clientId);
        Map<AssetClass, BigDecimal> holdings = holdings(List.of(clientId)).getOrDefault(clientId, Map.of());
        ModelPortfolio model = ref.riskLevel == null ? null : ModelPortfolio.active(ref.riskLevel).orElse(null);
        if (model == null) {
            return new View(clientId, ref.riskLevel, null, null, ref.holdingsAsOf,
                    Drift.evaluate(Map.of(), holdings, ref.highRiskCny, null));
        }
        return new View(clientId, ref.riskLevel, model.id, model.version, ref.holdingsAsOf,
                Drift.evaluate(ModelPortfolios.driftTargets(model), holdings, ref.highRiskCny, cap(ref.riskLevel)));
    }

    /** Every client with a risk level and holdings, in batches of {@code batchSize}, each batch its own transaction. */
    public RunOutcome evaluateAll(int batchSize) {
        long t0 = System.nanoTime();
        UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        int clients = 0;
        int outOfBand = 0;
        int suggested = 0;
        boolean first = true;
        while (true) {
            UUID from = after;
            boolean fromStart = first;
            List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> nextBatch(fromStart ? null : from, batchSize));
            if (ids.isEmpty()) {
                break;
            }
            int[] counts = QuarkusTransaction.requiringNew().call(() -> evaluate(ids));
            clients += ids.size();
            outOfBand += counts[0];
            suggested += counts[1];
            after = ids.get(ids.size() - 1);
            first = false;
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        LOG.infof("Drift run: %d clients, %d out of band, %d suggestions raised in %d ms", clients, outOfBand, suggested, millis);
        return new RunOutcome(clients, outOfBand, suggested, millis);
    }

    @SuppressWarnings("unchecked")
    private List<UUID> nextBatch(UUID after, int size) {
        String sql = "SELECT client_id FROM client_ref WHERE risk_level IS NOT NULL AND NOT erased AND holdings_as_of IS NOT NULL"
                + (after == null ? "" : " AND client_id > ?1") + " ORDER BY client_id LIMIT " + size;
        var q = em.createNativeQuery(sql, UUID.class);
        if (after != null) {
            q.setParameter(1, after);
        }
        return q.getResultList();
    }

    /**
     * Evaluates the given clients in the caller's transaction and raises the suggestions that are due.
     *
     * @return {out-of-band clients, suggestions raised}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int[] evaluate(List<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return new int[]{0, 0};
        }
        Instant now = clock.instant();
        Map<String, ModelPortfolio> models = ModelPortfolio.allActive().stream()
                .collect(Collectors.toMap(m -> m.riskLevel, m -> m));
        Map<UUID, ClientFacts> facts = new LinkedHashMap<>();
        Map<UUID, Map<AssetClass, BigDecimal>> holdings = new HashMap<>();
        Map<UUID, String> lastSignature = new HashMap<>();
        Session session = em.unwrap(Session.class);
        session.doWork(c -> {
            Array ids = c.createArrayOf("uuid", clientIds.toArray());
            try (PreparedStatement ps = c.prepareStatement("SELECT client_id, risk_level, high_risk_cny, primary_rm_id, advisor_id,"
                    + " team, holdings_as_of FROM client_ref WHERE client_id = ANY(?) AND risk_level IS NOT NULL AND NOT erased")) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        java.sql.Date d = rs.getDate(7);
                        facts.put(id, new ClientFacts(id, rs.getString(2), rs.getBigDecimal(3), rs.getObject(4, UUID.class),
                                rs.getObject(5, UUID.class), rs.getString(6), d == null ? null : d.toLocalDate()));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT client_id, asset_class, amount_cny FROM holding WHERE client_id = ANY(?)")) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        holdings.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(AssetClass.class))
                                .put(AssetClass.valueOf(rs.getString(2)), rs.getBigDecimal(3));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT client_id, signature FROM drift_state WHERE client_id = ANY(?) AND rebalance")) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lastSignature.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            }
        });
        List<Object[]> states = new ArrayList<>();
        List<Map.Entry<UUID, ?>> events = new ArrayList<>();
        int outOfBand = 0;
        for (ClientFacts f : facts.values()) {
            ModelPortfolio model = models.get(f.level());
            Map<AssetClass, BigDecimal> held = holdings.getOrDefault(f.clientId(), Map.of());
            if (model == null || held.isEmpty()) {
                continue;
            }
            Drift.Report report = Drift.evaluate(ModelPortfolios.driftTargets(model), held, f.highRisk(), cap(f.level()));
            String signature = report.rebalanceNeeded() ? signature(model, report) : "";
            boolean raise = report.rebalanceNeeded() && !signature.equals(lastSignature.get(f.clientId()));
            if (report.rebalanceNeeded()) {
                outOfBand++;
            }
            if (raise) {
                events.add(Map.entry(f.clientId(), payload(f, model, report)));
            }
            states.add(new Object[]{f.clientId(), model.id, report.rebalanceNeeded(), signature, raise});
        }
        session.doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO drift_state (client_id, model_id, evaluated_at, rebalance, signature, suggested_at)
                    VALUES (?, ?, ?, ?, ?, CASE WHEN ? THEN ?::timestamptz END)
                    ON CONFLICT (client_id) DO UPDATE SET model_id = EXCLUDED.model_id, evaluated_at = EXCLUDED.evaluated_at,
                        rebalance = EXCLUDED.rebalance, signature = EXCLUDED.signature,
                        suggested_at = coalesce(EXCLUDED.suggested_at, drift_state.suggested_at)""")) {
                Timestamp ts = Timestamp.from(now);
                for (Object[] s : states) {
                    ps.setObject(1, s[0]);
                    ps.setObject(2, s[1]);
                    ps.setTimestamp(3, ts);
                    ps.setBoolean(4, (Boolean) s[2]);
                    ps.setString(5, (String) s[3]);
                    ps.setBoolean(6, (Boolean) s[4]);
                    ps.setTimestamp(7, ts);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        outbox.publishAll(AdviceTopics.DRIFT, AdviceTopics.REBALANCE_SUGGESTED, AdviceTopics.VERSION, events);
        return new int[]{outOfBand, events.size()};
    }

    private Map<UUID, Map<AssetClass, BigDecimal>> holdings(List<UUID> clientIds) {
        Map<UUID, Map<AssetClass, BigDecimal>> result = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT client_id, asset_class, amount_cny FROM holding WHERE client_id IN (?1)")
                .setParameter(1, clientIds).getResultList();
        for (Object[] r : rows) {
            result.computeIfAbsent((UUID) r[0], k -> new EnumMap<>(AssetClass.class))
                    .put(AssetClass.valueOf((String) r[1]), (BigDecimal) r[2]);
        }
        return result;
    }

    private BigDecimal cap(String level) {
        return level == null ? null : config.highRiskCapPercent().get(level);
    }

    private static String signature(ModelPortfolio model, Drift.Report report) {
        StringBuilder s = new StringBuilder(model.id.toString().substring(0, 8)).append(':');
        for (Drift.ClassDrift c : report.classes()) {
            if (c.outsideBand()) {
                s.append(c.assetClass().name(), 0, 3).append(c.deviationPercent().signum() > 0 ? '+' : '-');
            }
        }
        for (String w : report.warnings()) {
            s.append('!').append(w, 0, w.indexOf(':') < 0 ? Math.min(4, w.length()) : Math.min(4, w.indexOf(':')));
        }
        return s.toString();
    }

    private static Map<String, Object> payload(ClientFacts f, ModelPortfolio model, Drift.Report report) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("clientId", f.clientId());
        p.put("riskLevel", f.level());
        p.put("modelId", model.id);
        p.put("modelVersion", model.version);
        p.put("totalCny", report.total().toPlainString());
        p.put("holdingsAsOf", f.asOf() == null ? null : f.asOf().toString());
        List<Map<String, Object>> classes = new ArrayList<>();
        for (Drift.ClassDrift c : report.classes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("assetClass", c.assetClass().name());
            m.put("currentPercent", c.currentPercent().toPlainString());
            m.put("targetPercent", c.targetPercent().toPlainString());
            m.put("bandPercent", c.bandPercent().toPlainString());
            m.put("outsideBand", c.outsideBand());
            classes.add(m);
        }
        p.put("classes", classes);
        p.put("trades", report.trades().stream().map(t -> Map.of("assetClass", t.assetClass().name(),
                "amountCny", t.amount().toPlainString())).toList());
        p.put("warnings", report.warnings());
        p.put("primaryRmId", f.rm());
        p.put("advisorId", f.advisor());
        p.put("team", f.team());
        return p;
    }
}
