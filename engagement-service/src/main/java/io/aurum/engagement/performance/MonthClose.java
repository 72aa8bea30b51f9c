package io.aurum.engagement.performance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.engagement.config.EngagementConfig;
import io.aurum.engagement.rules.CareWindow;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The month's figures per client, set-based in one transaction: who covered the client at the start and the end of
 * the month (book history), its tier at the month's end, AUM at both ends and the time-weighted average (each day
 * counts the latest total known on it), net new money, tier moves, whether the relationship ended, whether the
 * contact cadence of its tier was kept at the month's end, tasks due and done in time, complaints, NPS answers, the
 * revenue from what it held (yearly rates per asset class on the amounts per day), the cost of serving it (benefits
 * used, activities attended, points redeemed), its service budget and net contribution. RM and team figures are sums
 * of these rows, so every figure drills down to the clients behind it.
 *
 * <p>A month not yet over is computed to date ({@code complete = false}); the last run of a month replaces its rows.
 * A complete month also earns the MONTHLY_AUM points (once per client and month: the ledger entry's source is derived
 * from both, so a rerun earns nothing twice).
 */
@ApplicationScoped
public class MonthClose {

    public record Summary(String month, Instant asOf, boolean complete, long clients, long clientsCredited, long pointsEarned,
                          long tookMs) {
    }

    private static final Logger LOG = Logger.getLogger(MonthClose.class);

    private final EntityManager em;
    private final EngagementConfig engagement;
    private final ContributionConfig contribution;
    private final ObjectMapper json;
    private final Clock clock;
    private final int validityMonths;

    public MonthClose(EntityManager em, EngagementConfig engagement, ContributionConfig contribution, ObjectMapper json, Clock clock,
                      @ConfigProperty(name = "aurum.loyalty.points-valid-months", defaultValue = "24") int validityMonths) {
        this.em = em;
        this.engagement = engagement;
        this.contribution = contribution;
        this.json = json;
        this.clock = clock;
        this.validityMonths = validityMonths;
    }

    /** Computes {@code month} as known at {@code asOf} (a month that has not begun by then is refused by the caller). */
    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public Summary run(YearMonth month, Instant asOf, String by) {
        long started = System.nanoTime();
        Instant tsStart = month.atDay(1).atStartOfDay(CareWindow.BANK_ZONE).toInstant();
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(CareWindow.BANK_ZONE).toInstant();
        boolean complete = !asOf.isBefore(monthEnd);
        Instant tsEnd = complete ? monthEnd : asOf;
        LocalDate last = complete ? month.atEndOfMonth() : LocalDate.ofInstant(asOf, CareWindow.BANK_ZONE);
        long days = ChronoUnit.DAYS.between(month.atDay(1), last) + 1;
        // one close of a month at a time
        em.createNativeQuery("SELECT pg_advisory_xact_lock(11, ?1)").setParameter(1, month.getYear() * 100 + month.getMonthValue())
                .getSingleResult();
        // the month's sorts (millions of daily rows) stay in memory rather than spilling to disk
        em.createNativeQuery("SET LOCAL work_mem = '256MB'").executeUpdate();
        em.createNativeQuery("DELETE FROM client_month WHERE month = ?1").setParameter(1, month.atDay(1)).executeUpdate();
        int clients = em.createNativeQuery(FACTS)
                .setParameter(1, month.atDay(1)).setParameter(2, last).setParameter(3, Timestamp.from(tsStart))
                .setParameter(4, Timestamp.from(tsEnd)).setParameter(5, (int) days)
                .setParameter(6, rate("CASH")).setParameter(7, rate("FIXED_INCOME")).setParameter(8, rate("EQUITY"))
                .setParameter(9, rate("ALTERNATIVE")).setParameter(10, rate("INSURANCE")).setParameter(11, contribution.defaultRevenueRate())
                .setParameter(12, toJson(contribution.budgetShare())).setParameter(13, contribution.pointValueCny())
                .setParameter(14, toJson(engagement.cadenceDays()))
                .executeUpdate();
        long credited = 0;
        long points = 0;
        if (complete && contribution.monthlyAumPoints() > 0) {
            em.createNativeQuery("INSERT INTO points_account (client_id, balance, updated_at) SELECT client_id, 0, now()"
                            + " FROM client_month WHERE month = ?1 AND aum_avg_cny >= 10000 ON CONFLICT DO NOTHING")
                    .setParameter(1, month.atDay(1)).executeUpdate();
            Object[] earned = (Object[]) em.createNativeQuery(EARN)
                    .setParameter(1, month.atDay(1)).setParameter(2, contribution.monthlyAumPoints())
                    .setParameter(3, month.toString())
                    .setParameter(4, LocalDate.ofInstant(clock.instant(), CareWindow.BANK_ZONE).plusMonths(validityMonths))
                    .getSingleResult();
            credited = ((Number) earned[0]).longValue();
            points = ((Number) earned[1]).longValue();
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        em.createNativeQuery("""
                        INSERT INTO month_close (month, as_of, complete, clients, points_earned, took_ms, computed_by, computed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())
                        ON CONFLICT (month) DO UPDATE SET as_of = EXCLUDED.as_of, complete = EXCLUDED.complete, clients = EXCLUDED.clients,
                            points_earned = month_close.points_earned + EXCLUDED.points_earned, took_ms = EXCLUDED.took_ms,
                            computed_by = EXCLUDED.computed_by, computed_at = now()""")
                .setParameter(1, month.atDay(1)).setParameter(2, Timestamp.from(tsEnd)).setParameter(3, complete)
                .setParameter(4, clients).setParameter(5, points).setParameter(6, tookMs).setParameter(7, by).executeUpdate();
        LOG.infof("Month %s %s as of %s: %d clients, %d credited %d points, %d ms", month, complete ? "closed" : "to date",
                tsEnd, clients, credited, points, tookMs);
        return new Summary(month.toString(), tsEnd, complete, clients, credited, points, tookMs);
    }

    /** Whether the month has a complete run already. */
    @Transactional
    public boolean closed(YearMonth month) {
        return !em.createNativeQuery("SELECT 1 FROM month_close WHERE month = ?1 AND complete").setParameter(1, month.atDay(1))
                .getResultList().isEmpty();
    }

    private java.math.BigDecimal rate(String assetClass) {
        return contribution.revenueRates().getOrDefault(assetClass, contribution.defaultRevenueRate());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String FACTS = """
            INSERT INTO client_month (month, client_id, rm_id, team, rm_start_id, team_start, tier, aum_start_cny, aum_end_cny,
                aum_avg_cny, net_new_money_cny, upgrades, downgrades, lost, cadence_applies, cadence_met, tasks_due, tasks_on_time,
                complaints, complaints_resolved, resolution_hours, nps_responses, promoters, detractors, revenue_cny,
                service_cost_cny, budget_cny, net_contribution_cny)
            WITH p AS (
                SELECT cast(?1 AS date) AS m_start, cast(?2 AS date) AS m_last, cast(?3 AS timestamptz) AS ts_start,
                       cast(?4 AS timestamptz) AS ts_end, cast(?5 AS integer) AS days, cast(?6 AS numeric) AS r_cash,
                       cast(?7 AS numeric) AS r_fixed_income, cast(?8 AS numeric) AS r_equity, cast(?9 AS numeric) AS r_alternative,
                       cast(?10 AS numeric) AS r_insurance, cast(?11 AS numeric) AS r_other, cast(?12 AS jsonb) AS shares,
                       cast(?13 AS numeric) AS point_value, cast(?14 AS jsonb) AS cadence
            ),
            k AS (
                SELECT c.client_id, c.tier AS card_tier, c.closed_at, e.primary_rm_id AS rm_id, e.team,
                       s.primary_rm_id AS rm_start_id, s.team AS team_start, s.valid_from IS NULL AS new_in_month
                FROM p CROSS JOIN client_card c
                JOIN LATERAL (SELECT b.primary_rm_id, b.team FROM book_assignment b
                              WHERE b.client_id = c.client_id AND b.valid_from < p.ts_end
                              ORDER BY b.valid_from DESC LIMIT 1) e ON true
                LEFT JOIN LATERAL (SELECT b.valid_from, b.primary_rm_id, b.team FROM book_assignment b
                                   WHERE b.client_id = c.client_id AND b.valid_from < p.ts_start
                                   ORDER BY b.valid_from DESC LIMIT 1) s ON true
                WHERE c.closed_at IS NULL OR c.closed_at >= p.ts_start
            ),
            obs AS (
                SELECT a.client_id, a.as_of, a.aum_cny, a.cash_cny, a.fixed_income_cny, a.equity_cny, a.alternative_cny,
                       a.insurance_cny, a.other_cny
                FROM p CROSS JOIN aum_daily a
                WHERE a.as_of BETWEEN p.m_start AND p.m_last
                UNION ALL
                SELECT k.client_id, b.as_of, b.aum_cny, b.cash_cny, b.fixed_income_cny, b.equity_cny, b.alternative_cny,
                       b.insurance_cny, b.other_cny
                FROM p CROSS JOIN k
                JOIN LATERAL (SELECT a.* FROM aum_daily a
                              WHERE a.client_id = k.client_id AND a.as_of < p.m_start ORDER BY a.as_of DESC LIMIT 1) b ON true
            ),
            spans AS (
                SELECT o.*, (lead(o.as_of) OVER w) IS NULL AS is_last,
                       coalesce(lead(o.as_of) OVER w, p.m_last + 1) - greatest(o.as_of, p.m_start) AS held_days
                FROM p CROSS JOIN obs o
                WINDOW w AS (PARTITION BY o.client_id ORDER BY o.as_of)
            ),
            aum AS (
                SELECT s.client_id,
                       coalesce(max(s.aum_cny) FILTER (WHERE s.as_of < p.m_start), 0) AS aum_start,
                       max(s.aum_cny) FILTER (WHERE s.is_last) AS aum_end,
                       sum(s.aum_cny * s.held_days) / p.days AS aum_avg,
                       sum(s.held_days * (s.cash_cny * p.r_cash + s.fixed_income_cny * p.r_fixed_income + s.equity_cny * p.r_equity
                                          + s.alternative_cny * p.r_alternative + s.insurance_cny * p.r_insurance
                                          + s.other_cny * p.r_other)) / 365 AS revenue
                FROM p CROSS JOIN spans s
                GROUP BY s.client_id, p.m_start, p.days
            ),
            t AS (
                SELECT k.client_id,
                       coalesce((SELECT x.to_tier FROM tier_change x WHERE x.client_id = k.client_id AND x.changed_on <= p.m_last
                                 ORDER BY x.changed_on DESC, x.occurred_at DESC LIMIT 1),
                                (SELECT x.from_tier FROM tier_change x WHERE x.client_id = k.client_id AND x.changed_on > p.m_last
                                 ORDER BY x.changed_on, x.occurred_at LIMIT 1),
                                k.card_tier) AS tier,
                       (SELECT count(*) FROM tier_change x WHERE x.client_id = k.client_id AND x.direction = 'UPGRADE'
                            AND x.changed_on BETWEEN p.m_start AND p.m_last) AS upgrades,
                       (SELECT count(*) FROM tier_change x WHERE x.client_id = k.client_id AND x.direction = 'DOWNGRADE'
                            AND x.changed_on BETWEEN p.m_start AND p.m_last) AS downgrades,
                       (SELECT max(i.occurred_at) FROM interaction i WHERE i.client_id = k.client_id AND i.meaningful
                            AND i.occurred_at < p.ts_end) AS last_contact
                FROM p CROSS JOIN k
            ),
            tasks AS (
                SELECT x.client_id, count(*) AS due,
                       count(*) FILTER (WHERE x.status = 'DONE' AND x.completed_at <= x.due_at) AS on_time
                FROM p CROSS JOIN task x
                WHERE x.due_at >= p.ts_start AND x.due_at < p.ts_end AND x.status <> 'CANCELLED'
                GROUP BY x.client_id
            ),
            complaints AS (
                SELECT x.client_id,
                       count(*) FILTER (WHERE x.received_at >= p.ts_start AND x.received_at < p.ts_end) AS received,
                       count(*) FILTER (WHERE x.resolved_at >= p.ts_start AND x.resolved_at < p.ts_end) AS resolved,
                       coalesce(sum(extract(epoch FROM x.resolved_at - x.received_at) / 3600)
                                FILTER (WHERE x.resolved_at >= p.ts_start AND x.resolved_at < p.ts_end), 0) AS hours
                FROM p CROSS JOIN complaint x
                WHERE (x.received_at >= p.ts_start AND x.received_at < p.ts_end)
                   OR (x.resolved_at >= p.ts_start AND x.resolved_at < p.ts_end)
                GROUP BY x.client_id
            ),
            nps AS (
                SELECT x.client_id, count(*) AS responses, count(*) FILTER (WHERE x.nps >= 9) AS promoters,
                       count(*) FILTER (WHERE x.nps <= 6) AS detractors
                FROM p CROSS JOIN survey x
                WHERE x.answered_at >= p.ts_start AND x.answered_at < p.ts_end AND x.nps IS NOT NULL
                GROUP BY x.client_id
            ),
            costs AS (
                SELECT y.client_id, sum(y.cost) AS cost FROM (
                    SELECT u.client_id, b.unit_cost_cny AS cost
                    FROM p CROSS JOIN benefit_use u JOIN benefit b ON b.code = u.benefit_code
                    WHERE u.used_on BETWEEN p.m_start AND p.m_last
                    UNION ALL
                    SELECT i.client_id, a.cost_per_head_cny
                    FROM p CROSS JOIN invitation i JOIN activity a ON a.id = i.activity_id
                    WHERE i.status = 'ATTENDED' AND a.starts_at >= p.ts_start AND a.starts_at < p.ts_end
                    UNION ALL
                    SELECT e.client_id, -e.points * p.point_value
                    FROM p CROSS JOIN points_entry e
                    WHERE e.kind = 'REDEEM' AND e.created_at >= p.ts_start AND e.created_at < p.ts_end
                ) y GROUP BY y.client_id
            )
            SELECT p.m_start, k.client_id, k.rm_id, k.team, k.rm_start_id, k.team_start, t.tier,
                   coalesce(a.aum_start, 0), coalesce(a.aum_end, 0), round(coalesce(a.aum_avg, 0), 2),
                   CASE WHEN k.new_in_month OR k.rm_start_id IS NOT DISTINCT FROM k.rm_id
                        THEN coalesce(a.aum_end, 0) - coalesce(a.aum_start, 0) ELSE 0 END,
                   t.upgrades, t.downgrades,
                   coalesce(k.closed_at < p.ts_end, false),
                   (p.cadence ->> t.tier) IS NOT NULL AND NOT coalesce(k.closed_at < p.ts_end, false),
                   (p.cadence ->> t.tier) IS NOT NULL AND NOT coalesce(k.closed_at < p.ts_end, false)
                       AND coalesce(t.last_contact > p.ts_end - make_interval(days => cast(p.cadence ->> t.tier AS integer)), false),
                   coalesce(tk.due, 0), coalesce(tk.on_time, 0),
                   coalesce(cp.received, 0), coalesce(cp.resolved, 0), round(coalesce(cp.hours, 0), 2),
                   coalesce(n.responses, 0), coalesce(n.promoters, 0), coalesce(n.detractors, 0),
                   round(coalesce(a.revenue, 0), 2), round(coalesce(co.cost, 0), 2),
                   round(round(coalesce(a.revenue, 0), 2) * coalesce(cast(p.shares ->> t.tier AS numeric), 0), 2),
                   round(coalesce(a.revenue, 0), 2) - round(coalesce(co.cost, 0), 2)
            FROM p CROSS JOIN k
            JOIN t ON t.client_id = k.client_id
            LEFT JOIN aum a ON a.client_id = k.client_id
            LEFT JOIN tasks tk ON tk.client_id = k.client_id
            LEFT JOIN complaints cp ON cp.client_id = k.client_id
            LEFT JOIN nps n ON n.client_id = k.client_id
            LEFT JOIN costs co ON co.client_id = k.client_id""";

    private static final String EARN = """
            WITH earned AS (
                INSERT INTO points_entry (id, client_id, kind, points, rule, source_event_id, description, expires_on,
                                          created_by, created_at)
                SELECT gen_random_uuid(), m.client_id, 'EARN', floor(m.aum_avg_cny / 10000) * ?2, 'MONTHLY_AUM',
                       cast(md5('MONTHLY_AUM/' || cast(m.client_id AS text) || '/' || cast(?3 AS text)) AS uuid),
                       'Average AUM in ' || cast(?3 AS text) || ': CNY ' || cast(m.aum_avg_cny AS text), cast(?4 AS date),
                       'engagement-service', now()
                FROM client_month m
                WHERE m.month = ?1 AND floor(m.aum_avg_cny / 10000) * ?2 > 0
                ON CONFLICT (source_event_id, rule) WHERE source_event_id IS NOT NULL DO NOTHING
                RETURNING client_id, points
            ), credited AS (
                UPDATE points_account a SET balance = a.balance + e.points, updated_at = now()
                FROM earned e WHERE a.client_id = e.client_id
                RETURNING e.points
            )
            SELECT count(*), coalesce(sum(points), 0) FROM credited""";
}
