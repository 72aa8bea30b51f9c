package io.aurum.client.tiering;

import io.aurum.client.audit.AuditActions;
import io.aurum.client.audit.AuditTrail;
import io.aurum.client.service.Sql;
import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.messaging.RunsAlone;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The month-end tier run over every client: once per month-end (a rerun would count a month of grace twice),
 * in one transaction (it commits whole or not at all). Scheduled after each month ends; operations can run a
 * missed month-end by hand.
 */
@ApplicationScoped
public class MonthEndRuns {

    private static final Logger LOG = Logger.getLogger(MonthEndRuns.class);
    private static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

    public record Run(LocalDate monthEnd, Instant startedAt, Instant finishedAt, long clients, long upgrades,
                      long downgrades, long inGrace, String startedBy) {
    }

    private final EntityManager em;
    private final TieringEngine engine;
    private final AuditTrail audit;
    private final Clock clock = Clock.system(BANK_ZONE);

    public MonthEndRuns(EntityManager em, TieringEngine engine, AuditTrail audit) {
        this.em = em;
        this.engine = engine;
        this.audit = audit;
    }

    @Scheduled(cron = "${aurum.tiering.month-end-cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @RunsAlone("tiering.month-end")
    void scheduled() {
        LocalDate monthEnd = YearMonth.now(clock).minusMonths(1).atEndOfMonth();
        boolean done = QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("SELECT 1 FROM tiering_run WHERE month_end = ?1").setParameter(1, monthEnd)
                        .getResultList().size() > 0);
        if (!done) {
            run(monthEnd, new Caller("scheduler", "scheduler", Set.of(), null, null));
        }
    }

    public Run run(LocalDate monthEnd, Caller caller) {
        if (monthEnd == null) {
            throw ApiException.badField("monthEnd", "is required (YYYY-MM-DD, the last day of a month)");
        }
        if (!monthEnd.equals(YearMonth.from(monthEnd).atEndOfMonth())) {
            throw ApiException.badField("monthEnd", "must be the last day of a month");
        }
        if (!monthEnd.isBefore(LocalDate.now(clock).plusDays(1))) {
            throw ApiException.badField("monthEnd", "has not ended yet");
        }
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            int claimed = em.createNativeQuery("INSERT INTO tiering_run (month_end, started_at, started_by)"
                            + " VALUES (?1, now(), ?2) ON CONFLICT DO NOTHING")
                    .setParameter(1, monthEnd).setParameter(2, caller.subject() == null ? "system" : caller.subject())
                    .executeUpdate();
            if (claimed == 0) {
                throw ApiException.conflict("month-end-done", "The month-end " + monthEnd
                        + " was already evaluated; a second run would count its grace month twice");
            }
            @SuppressWarnings("unchecked")
            List<Object> later = em.createNativeQuery("SELECT month_end FROM tiering_run WHERE month_end > ?1")
                    .setParameter(1, monthEnd).getResultList();
            if (!later.isEmpty()) {
                throw ApiException.conflict("month-end-out-of-order", "A later month-end was already evaluated");
            }
            TieringEngine.Outcome outcome = engine.monthEnd(monthEnd);
            em.createNativeQuery("UPDATE tiering_run SET finished_at = now(), clients = ?2, upgrades = ?3,"
                            + " downgrades = ?4, in_grace = ?5 WHERE month_end = ?1")
                    .setParameter(1, monthEnd).setParameter(2, outcome.clients()).setParameter(3, outcome.upgrades())
                    .setParameter(4, outcome.downgrades()).setParameter(5, outcome.inGrace()).executeUpdate();
            audit.record(caller, AuditActions.TIER_MONTH_END, null, "month-end " + monthEnd + ": " + outcome, null);
            LOG.infof("Month-end %s: %s", monthEnd, outcome);
            return load(monthEnd);
        });
    }

    public List<Run> list() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT month_end, started_at, finished_at, clients, upgrades,"
                    + " downgrades, in_grace, started_by FROM tiering_run ORDER BY month_end DESC LIMIT 36").getResultList();
            return rows.stream().map(MonthEndRuns::run).toList();
        });
    }

    private Run load(LocalDate monthEnd) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT month_end, started_at, finished_at, clients, upgrades,"
                + " downgrades, in_grace, started_by FROM tiering_run WHERE month_end = ?1")
                .setParameter(1, monthEnd).getSingleResult();
        return run(r);
    }

    private static Run run(Object[] r) {
        return new Run(Sql.date(r[0]), Sql.instant(r[1]), Sql.instant(r[2]), ((Number) r[3]).longValue(),
                ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), (String) r[7]);
    }
}
