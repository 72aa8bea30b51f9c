package io.aurum.client.tiering;

import io.aurum.client.domain.Tier;
import io.aurum.client.messaging.ClientEvents;
import io.aurum.client.messaging.ClientTopics;
import io.aurum.client.service.StepClock;
import io.aurum.messaging.Outbox;
import io.aurum.messaging.PgCopy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies {@link TierPolicy} to many clients at once: the trailing averages are computed in one SQL statement
 * (a day's total holds until the next snapshot), decided in Java, and written back set-based (COPY into a temporary
 * table; the tier and the derived figures written to the narrow {@code client_standing} where they changed; tier
 * history and events streamed with COPY). Used incrementally for the clients a snapshot
 * touched (upgrades only) and at month-end for every client (upgrades, grace counting and downgrades).
 */
@ApplicationScoped
public class TieringEngine {

    private static final Logger LOG = Logger.getLogger(TieringEngine.class);

    public record Outcome(long clients, long upgrades, long downgrades, long inGrace, long approaching) {
    }

    private record Change(UUID clientId, Tier from, TierPolicy.Decision decision, BigDecimal average, LocalDate asOf,
                          UUID primaryRmId, String team) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final TieringConfig config;

    public TieringEngine(EntityManager em, Outbox outbox, TieringConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
    }

    /** Re-evaluates the clients of an AUM batch (table aum_touch) as of each one's latest snapshot; upgrades only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome afterSnapshots(UUID batchId) {
        // AumFollowUp has put each touched client's latest day into aum_touch
        String target = "SELECT client_id, as_of AS end_date FROM aum_touch WHERE batch_id = ?";
        return evaluate(fewClientsSql(target, config.windowMonths()), ps -> ps.setObject(1, batchId), false);
    }

    /** Month-end run over every open client, as of {@code monthEnd}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome monthEnd(LocalDate monthEnd) {
        return evaluate(everyClientSql(config.windowMonths()), ps -> ps.setObject(1, monthEnd), true);
    }

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** {@code sql} answers client, tier, months below, RM, team, as-of day, average CNY and average USD per client. */
    private Outcome evaluate(String sql, Binder binder, boolean monthEnd) {
        TierPolicy.Thresholds thresholds = config.thresholds();
        List<Change> changes = new ArrayList<>();
        List<Change> approaching = new ArrayList<>();
        long[] counts = new long[3]; // clients, in grace, downgrades
        StepClock clock = new StepClock();
        em.unwrap(Session.class).doWork(connection -> {
            // the decisions go to a scratch file first: a connection cannot COPY while it streams a result set
            Path scratch = createScratchFile();
            if (monthEnd) {
                // a million clients' window rows are sorted twice: in memory instead of spilled to disk
                try (var st = connection.createStatement()) {
                    st.execute("SET LOCAL work_mem = '256MB'");
                }
            }
            try {
                try (PreparedStatement ps = connection.prepareStatement(sql);
                     Writer out = Files.newBufferedWriter(scratch, StandardCharsets.UTF_8)) {
                    ps.setFetchSize(10_000);
                    binder.bind(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            UUID clientId = rs.getObject(1, UUID.class);
                            Tier current = Tier.valueOf(rs.getString(2));
                            int below = rs.getInt(3);
                            BigDecimal average = rs.getBigDecimal(7).setScale(2, RoundingMode.HALF_UP);
                            BigDecimal averageUsd = rs.getBigDecimal(8).setScale(2, RoundingMode.HALF_UP);
                            TierPolicy.Decision d = TierPolicy.decide(current, below, average, averageUsd, thresholds, monthEnd);
                            counts[0]++;
                            out.write(clientId + "\t" + average.toPlainString() + "\t" + d.tier().name() + "\t"
                                    + d.monthEndsBelow() + "\n");
                            Change change = new Change(clientId, current, d, average, rs.getObject(6, LocalDate.class),
                                    rs.getObject(4, UUID.class), rs.getString(5));
                            if (d.changes(current)) {
                                changes.add(change);
                            }
                            if (d.rule() == TierPolicy.Rule.GRACE) {
                                counts[1]++;
                            }
                            if (d.downgradeApproaching(thresholds.graceMonthEnds())) {
                                approaching.add(change);
                            }
                        }
                    }
                }
                clock.end("averages and decisions");
                prepareScratchTable(connection);
                try (Reader in = Files.newBufferedReader(scratch, StandardCharsets.UTF_8)) {
                    connection.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY tier_eval (client_id, average_cny, tier, month_ends_below) FROM STDIN WITH (FORMAT text)", in);
                }
            } catch (IOException e) {
                throw new SQLException("tier evaluation scratch file failed: " + e.getMessage(), e);
            } finally {
                deleteQuietly(scratch);
            }
            clock.end("copy");
            // every client has its client_standing row (written with the tier at registration); a row whose tier
            // changes gets a new entry in the key's and the tier's index, the others stay on their page
            try (var st = connection.createStatement()) {
                st.executeUpdate("""
                        UPDATE client_standing s SET tier = e.tier, average_aum_cny = e.average_cny,
                                                     month_ends_below = e.month_ends_below
                        FROM tier_eval e
                        WHERE s.client_id = e.client_id AND (s.tier <> e.tier OR s.average_aum_cny IS DISTINCT FROM e.average_cny
                              OR s.month_ends_below <> e.month_ends_below)""");
            }
            clock.end("standing and tiers");
            writeHistory(connection, changes);
            clock.end("history");
        });
        List<Map.Entry<UUID, ?>> tierEvents = new ArrayList<>();
        for (Change c : changes) {
            if (c.decision().tier().compareTo(c.from()) < 0) {
                counts[2]++;
            }
            tierEvents.add(new AbstractMap.SimpleEntry<>(c.clientId(), new ClientEvents.TierChanged(c.clientId(),
                    c.from().name(), c.decision().tier().name(),
                    c.decision().tier().compareTo(c.from()) > 0 ? "UPGRADE" : "DOWNGRADE", c.decision().rule().name(),
                    c.average(), c.decision().threshold(), c.asOf(), c.primaryRmId(), c.team())));
        }
        outbox.publishAll(ClientTopics.TIER, ClientEvents.TIER_CHANGED, ClientEvents.VERSION, tierEvents);
        List<Map.Entry<UUID, ?>> warnings = new ArrayList<>();
        for (Change c : approaching) {
            warnings.add(new AbstractMap.SimpleEntry<>(c.clientId(), new ClientEvents.TierDowngradeApproaching(
                    c.clientId(), c.from().name(), c.decision().supported().name(), c.decision().monthEndsBelow(),
                    thresholds.graceMonthEnds(), c.average(), c.asOf(), c.primaryRmId(), c.team())));
        }
        outbox.publishAll(ClientTopics.TIER, ClientEvents.TIER_DOWNGRADE_APPROACHING, ClientEvents.VERSION, warnings);
        clock.end("events");
        Outcome outcome = new Outcome(counts[0], changes.size() - counts[2], counts[2], counts[1], approaching.size());
        if (!changes.isEmpty() || monthEnd) {
            LOG.infof("Tiering (%s): %s; seconds: %s", monthEnd ? "month-end" : "after snapshots", outcome, clock);
        }
        return outcome;
    }

    /**
     * The averages of every open client as of one month-end (the only parameter): one pass over the window's daily
     * totals of all clients, plus each client's last total before the window (the value it starts with; one index
     * probe per client), sorted per client once and summed per client before anything is joined to it. A per-client
     * lookup of the window (as {@link #fewClientsSql}) would be a million pairs of index probes; joining the window
     * rows to the clients before sorting and grouping by every output column took 16 s instead of 9 s for a million
     * clients (docs/benchmarks.md, 2026-11-27 04:54Z). A closed client's window rows are summed and then dropped.
     */
    private static String everyClientSql(int months) {
        return """
                WITH w AS MATERIALIZED (
                    SELECT end_date, %s AS start_date
                    FROM (SELECT CAST(? AS date) AS end_date) p),
                pts AS (
                    SELECT d.client_id, d.as_of, d.total_cny, d.usd_amount, 1 AS prio
                    FROM w JOIN aum_daily d ON d.as_of BETWEEN w.start_date AND w.end_date
                    UNION ALL
                    SELECT c.id, w.start_date, b.total_cny, b.usd_amount, 0
                    FROM w CROSS JOIN client c
                    CROSS JOIN LATERAL (SELECT d.total_cny, d.usd_amount FROM aum_daily d
                                        WHERE d.client_id = c.id AND d.as_of < w.start_date
                                        ORDER BY d.as_of DESC LIMIT 1) b
                    WHERE c.lifecycle_status <> 'CLOSED'),
                sums AS (
                    SELECT s.client_id, sum(s.total_cny * (s.nxt - s.as_of)) AS total, sum(s.usd_amount * (s.nxt - s.as_of)) AS usd
                    FROM (SELECT p.client_id, p.as_of, p.total_cny, p.usd_amount,
                                 coalesce(lead(p.as_of) OVER (PARTITION BY p.client_id ORDER BY p.as_of, p.prio),
                                          w.end_date + 1) AS nxt
                          FROM pts p CROSS JOIN w) s
                    GROUP BY s.client_id)
                SELECT c.id, st.tier, st.month_ends_below, c.primary_rm_id, c.team, w.end_date,
                       coalesce(a.total, 0) / (w.end_date - w.start_date + 1) AS avg_cny,
                       coalesce(a.usd, 0) / (w.end_date - w.start_date + 1) AS avg_usd
                FROM w CROSS JOIN client c
                JOIN client_standing st ON st.client_id = c.id
                LEFT JOIN sums a ON a.client_id = c.id
                WHERE c.lifecycle_status <> 'CLOSED'
                """.formatted(windowStart(months));
    }

    /**
     * The same averages for the few clients a batch of positions touched: each client's window read by index on its
     * own (LATERAL), so the cost grows with the number of clients whatever the planner believes about it. The
     * set-based form joined the window rows back to the targets; with the touched-clients table's statistics saying
     * "one row" (it is filled and emptied per batch) that join became a nested loop over all targets per target:
     * 0.5–3.9 s per batch of tens to hundreds of clients, most of the machine at 200 position changes per second.
     */
    private static String fewClientsSql(String targetSql, int months) {
        return """
                WITH w AS MATERIALIZED (
                    SELECT client_id, end_date, %s AS start_date
                    FROM (%s) target)
                SELECT w.client_id, st.tier, st.month_ends_below, c.primary_rm_id, c.team, w.end_date,
                       a.total / (w.end_date - w.start_date + 1) AS avg_cny,
                       a.usd / (w.end_date - w.start_date + 1) AS avg_usd
                FROM w JOIN client c ON c.id = w.client_id
                JOIN client_standing st ON st.client_id = w.client_id
                CROSS JOIN LATERAL (
                    SELECT coalesce(sum(s.total_cny * (s.nxt - s.as_of)), 0) AS total,
                           coalesce(sum(s.usd_amount * (s.nxt - s.as_of)), 0) AS usd
                    FROM (SELECT p.as_of, p.total_cny, p.usd_amount,
                                 coalesce(lead(p.as_of) OVER (ORDER BY p.as_of, p.prio), w.end_date + 1) AS nxt
                          FROM (SELECT d.as_of, d.total_cny, d.usd_amount, 1 AS prio FROM aum_daily d
                                WHERE d.client_id = w.client_id AND d.as_of BETWEEN w.start_date AND w.end_date
                                UNION ALL
                                (SELECT w.start_date, d.total_cny, d.usd_amount, 0 FROM aum_daily d
                                 WHERE d.client_id = w.client_id AND d.as_of < w.start_date
                                 ORDER BY d.as_of DESC LIMIT 1)) p) s) a
                """.formatted(windowStart(months), targetSql);
    }

    /** The first day of the averaging window that ends on the day {@code end_date} (both days count). */
    private static String windowStart(int months) {
        return "CAST(end_date - make_interval(months => " + months + ") AS date) + 1";
    }

    private static Path createScratchFile() throws SQLException {
        try {
            return Files.createTempFile("aurum-tier-eval", ".tsv");
        } catch (IOException e) {
            throw new SQLException("cannot create a scratch file: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Scratch file %s not deleted: %s", file, e.getMessage());
        }
    }

    private static void prepareScratchTable(Connection connection) throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute("CREATE TEMP TABLE IF NOT EXISTS tier_eval (client_id uuid PRIMARY KEY, average_cny numeric(20, 2),"
                    + " tier varchar(20), month_ends_below integer) ON COMMIT DELETE ROWS");
            st.execute("TRUNCATE tier_eval");
        }
    }

    /** The changes' tier history, streamed with COPY (a first month-end changes most of a million clients). */
    private static void writeHistory(Connection connection, List<Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        String now = Instant.now().toString();
        try (Writer out = PgCopy.writer(connection, "COPY tier_change (client_id, from_tier, to_tier, changed_at, as_of,"
                + " average_aum_cny, threshold_cny, rule, month_ends_below) FROM STDIN")) {
            for (Change c : changes) {
                BigDecimal threshold = c.decision().threshold();
                out.write(c.clientId() + "\t" + c.from().name() + "\t" + c.decision().tier().name() + "\t" + now + "\t"
                        + c.asOf() + "\t" + c.average().toPlainString() + "\t"
                        + (threshold == null ? "\\N" : threshold.toPlainString()) + "\t" + c.decision().rule().name() + "\t"
                        + c.decision().monthEndsBelow() + "\n");
            }
        } catch (IOException e) {
            throw new SQLException("tier history could not be written: " + e.getMessage(), e);
        }
    }
}
