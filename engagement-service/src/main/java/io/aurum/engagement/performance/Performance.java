package io.aurum.engagement.performance;

import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.engagement.service.BookAccess;
import io.aurum.engagement.service.NativeValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * RM and team performance per month, and client contribution, read from the month's client rows ({@link MonthClose}):
 * every figure is a sum over clients, and {@link #clients} lists the clients behind one figure. Who sees what: an RM
 * their own figures and book, a team lead the RMs and clients of the team, compliance and ops everything.
 */
@ApplicationScoped
public class Performance {

    /** The clients behind a figure. */
    public enum Figure {
        BOOK("m.rm_id = ?2 AND NOT m.lost"),
        AUM_START("m.rm_start_id = ?2"),
        NET_NEW_MONEY("m.rm_id = ?2 AND m.net_new_money_cny <> 0"),
        UPGRADES("m.rm_id = ?2 AND m.upgrades > 0"),
        DOWNGRADES("m.rm_id = ?2 AND m.downgrades > 0"),
        LOST("m.rm_id = ?2 AND m.lost"),
        CADENCE_MISSED("m.rm_id = ?2 AND m.cadence_applies AND NOT m.cadence_met"),
        TASKS_LATE("m.rm_id = ?2 AND m.tasks_due > m.tasks_on_time"),
        COMPLAINTS("m.rm_id = ?2 AND (m.complaints > 0 OR m.complaints_resolved > 0)"),
        PROMOTERS("m.rm_id = ?2 AND m.promoters > 0"),
        DETRACTORS("m.rm_id = ?2 AND m.detractors > 0"),
        OVER_BUDGET("m.rm_id = ?2 AND m.service_cost_cny > m.budget_cny");

        final String where;

        Figure(String where) {
            this.where = where;
        }
    }

    public record Rate(long of, long met, BigDecimal percent) {
    }

    public record ComplaintFigures(long received, long resolved, BigDecimal averageResolutionHours) {
    }

    public record Nps(long responses, long promoters, long detractors, BigDecimal score) {
    }

    public record Contribution(BigDecimal revenueCny, BigDecimal serviceCostCny, BigDecimal netCny, long clientsOverBudget) {
    }

    public record Figures(UUID rmId, String team, long clients, BigDecimal aumStartCny, BigDecimal aumEndCny,
                          BigDecimal aumGrowthCny, BigDecimal aumGrowthPercent, BigDecimal netNewMoneyCny, long tierUpgrades,
                          long tierDowngrades, long clientsLost, Rate cadenceAdherence, Rate taskSla, ComplaintFigures complaints,
                          Nps nps, Contribution contribution) {
    }

    public record Run(String month, boolean complete, Instant asOf) {
    }

    public record RmView(Run run, Figures figures) {
    }

    public record TeamView(Run run, String team, Figures total, List<Figures> rms) {
    }

    public record ClientRow(UUID clientId, String fullName, UUID rmId, UUID rmAtStartId, String team, String tier,
                            BigDecimal aumStartCny, BigDecimal aumEndCny, BigDecimal aumAverageCny, BigDecimal netNewMoneyCny,
                            int tierUpgrades, int tierDowngrades, boolean lost, Boolean cadenceMet, int tasksDue, int tasksOnTime,
                            int complaints, int complaintsResolved, int npsResponses, int promoters, int detractors,
                            BigDecimal revenueCny, BigDecimal serviceCostCny, BigDecimal budgetCny, BigDecimal netContributionCny,
                            boolean overBudget) {
    }

    public record ClientMonths(UUID clientId, List<ClientMonth> months) {
    }

    public record ClientMonth(String month, String tier, BigDecimal aumAverageCny, BigDecimal revenueCny, BigDecimal serviceCostCny,
                              BigDecimal budgetCny, BigDecimal netContributionCny, boolean overBudget) {
    }

    public record ClientsView(Run run, String figure, List<ClientRow> clients) {
    }

    private static final String SUMS = """
            SELECT rm_id, max(team), count(*) FILTER (WHERE NOT lost), sum(aum_end_cny), sum(net_new_money_cny), sum(upgrades),
                   sum(downgrades), count(*) FILTER (WHERE lost), count(*) FILTER (WHERE cadence_applies),
                   count(*) FILTER (WHERE cadence_met), sum(tasks_due), sum(tasks_on_time), sum(complaints),
                   sum(complaints_resolved), sum(resolution_hours), sum(nps_responses), sum(promoters), sum(detractors),
                   sum(revenue_cny), sum(service_cost_cny), sum(net_contribution_cny),
                   count(*) FILTER (WHERE service_cost_cny > budget_cny)
            FROM client_month WHERE month = ?1 AND %s GROUP BY rm_id""";

    private static final String ROW = """
            SELECT m.client_id, c.full_name, m.rm_id, m.rm_start_id, m.team, m.tier, m.aum_start_cny, m.aum_end_cny, m.aum_avg_cny,
                   m.net_new_money_cny, m.upgrades, m.downgrades, m.lost, m.cadence_applies, m.cadence_met, m.tasks_due,
                   m.tasks_on_time, m.complaints, m.complaints_resolved, m.nps_responses, m.promoters, m.detractors,
                   m.revenue_cny, m.service_cost_cny, m.budget_cny, m.net_contribution_cny
            FROM client_month m JOIN client_card c ON c.client_id = m.client_id
            WHERE m.month = ?1 AND %s ORDER BY m.aum_end_cny DESC, m.client_id LIMIT ?3 OFFSET ?4""";

    private final EntityManager em;
    private final BookAccess access;

    public Performance(EntityManager em, BookAccess access) {
        this.em = em;
        this.access = access;
    }

    @Transactional
    public RmView rm(Caller caller, UUID rmId, YearMonth month) {
        requireRm(caller, rmId, month);
        Run run = run(month);
        List<Sums> f = sums(month, "rm_id = ?2", "rm_start_id = ?2", rmId).book();
        if (f.isEmpty()) {
            throw new ApiException(404, "not-found", "No figures", "no client of RM " + rmId + " in " + month);
        }
        return new RmView(run, f.get(0).figures());
    }

    @Transactional
    public TeamView team(Caller caller, String team, YearMonth month) {
        if (!(caller.is(Roles.COMPLIANCE_OFFICER) || caller.is(Roles.OPS_ADMIN))
                && !(caller.is(Roles.TEAM_LEAD) && team.equals(caller.team()))) {
            throw new ApiException(403, "not-your-team", "Not your team", "a team lead sees the figures of their own team");
        }
        Run run = run(month);
        Book rms = sums(month, "team = ?2", "team_start = ?2", team);
        if (rms.book().isEmpty()) {
            throw new ApiException(404, "not-found", "No figures", "no client of team " + team + " in " + month);
        }
        // AUM at the start counts the team's book then (clients since moved out of the team included)
        Sums total = rms.book().stream().reduce(Sums::plus).orElseThrow().withAumStart(rms.startTotal());
        return new TeamView(run, team, total.figures(), rms.book().stream().map(Sums::figures).toList());
    }

    @Transactional
    public ClientsView clients(Caller caller, UUID rmId, YearMonth month, Figure figure, int limit, int offset) {
        requireRm(caller, rmId, month);
        Run run = run(month);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(ROW.formatted(figure.where))
                .setParameter(1, month.atDay(1)).setParameter(2, rmId).setParameter(3, limit).setParameter(4, offset).getResultList();
        return new ClientsView(run, figure.name(), rows.stream().map(Performance::clientRow).toList());
    }

    /** Clients whose cost of service passed their budget in the month, in the caller's reach. */
    @Transactional
    public ClientsView overBudget(Caller caller, YearMonth month, String team, int limit, int offset) {
        String where;
        Object scope;
        if (caller.is(Roles.COMPLIANCE_OFFICER) || caller.is(Roles.OPS_ADMIN)) {
            where = team == null ? "cast(?2 AS text) = 'all'" : "m.team = ?2";
            scope = team == null ? "all" : team;
        } else if (caller.is(Roles.TEAM_LEAD)) {
            if (team != null && !team.equals(caller.team())) {
                throw new ApiException(403, "not-your-team", "Not your team", "a team lead sees the figures of their own team");
            }
            where = "m.team = ?2";
            scope = caller.team() == null ? "" : caller.team();
        } else if (caller.userId() != null) {
            where = "m.rm_id = ?2";
            scope = caller.userId();
        } else {
            throw new ApiException(403, "no-book", "No book", "the caller has no book of clients");
        }
        Run run = run(month);
        Query q = em.createNativeQuery(ROW.formatted(where + " AND m.service_cost_cny > m.budget_cny"))
                .setParameter(1, month.atDay(1)).setParameter(2, scope).setParameter(3, limit).setParameter(4, offset);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return new ClientsView(run, "OVER_BUDGET", rows.stream().map(Performance::clientRow).toList());
    }

    /** A client's contribution month by month (newest first). */
    @Transactional
    public ClientMonths contribution(Caller caller, UUID clientId, int months) {
        access.requireReadOrOps(caller, clientId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT month, tier, aum_avg_cny, revenue_cny, service_cost_cny, budget_cny, net_contribution_cny
                        FROM client_month WHERE client_id = ?1 ORDER BY month DESC LIMIT ?2""")
                .setParameter(1, clientId).setParameter(2, months).getResultList();
        return new ClientMonths(clientId, rows.stream().map(r -> new ClientMonth(YearMonth.from(NativeValues.date(r[0])).toString(),
                (String) r[1], NativeValues.decimal(r[2]), NativeValues.decimal(r[3]), NativeValues.decimal(r[4]), NativeValues.decimal(r[5]), NativeValues.decimal(r[6]), NativeValues.decimal(r[4]).compareTo(NativeValues.decimal(r[5])) > 0)).toList());
    }

    // ---- helpers

    private Run run(YearMonth month) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT complete, as_of FROM month_close WHERE month = ?1")
                .setParameter(1, month.atDay(1)).getResultList();
        if (rows.isEmpty()) {
            throw new ApiException(404, "month-not-computed", "The month has not been computed",
                    month + " has no figures yet: the month close runs nightly (POST /api/engagement/jobs/month-close)");
        }
        return new Run(month.toString(), (Boolean) rows.get(0)[0], NativeValues.instant(rows.get(0)[1]));
    }

    /** An RM sees their own figures; a team lead those of an RM of the team (by the RM's book); compliance and ops all. */
    private void requireRm(Caller caller, UUID rmId, YearMonth month) {
        if (caller.is(Roles.COMPLIANCE_OFFICER) || caller.is(Roles.OPS_ADMIN) || rmId.equals(caller.userId())) {
            return;
        }
        if (caller.is(Roles.TEAM_LEAD) && caller.team() != null) {
            Number inTeam = (Number) em.createNativeQuery("SELECT count(*) FROM client_month WHERE month = ?1 AND rm_id = ?2 AND team = ?3")
                    .setParameter(1, month.atDay(1)).setParameter(2, rmId).setParameter(3, caller.team()).getSingleResult();
            if (inTeam.longValue() > 0) {
                return;
            }
        }
        throw new ApiException(403, "not-your-team", "Not your figures",
                "an RM sees their own figures, a team lead those of the team's RMs");
    }

    /** The raw sums of one RM's (or a team's) client rows; figures are derived from them. */
    private record Sums(UUID rm, String team, long clients, BigDecimal aumStart, BigDecimal aumEnd, BigDecimal nnm, long upgrades,
                        long downgrades, long lost, long cadenceOf, long cadenceMet, long tasksDue, long tasksOnTime,
                        long complaints, long resolved, BigDecimal hours, long responses, long promoters, long detractors,
                        BigDecimal revenue, BigDecimal cost, BigDecimal net, long overBudget) {

        Sums plus(Sums o) {
            return new Sums(null, team, clients + o.clients, aumStart.add(o.aumStart), aumEnd.add(o.aumEnd), nnm.add(o.nnm),
                    upgrades + o.upgrades, downgrades + o.downgrades, lost + o.lost, cadenceOf + o.cadenceOf,
                    cadenceMet + o.cadenceMet, tasksDue + o.tasksDue, tasksOnTime + o.tasksOnTime, complaints + o.complaints,
                    resolved + o.resolved, hours.add(o.hours), responses + o.responses, promoters + o.promoters,
                    detractors + o.detractors, revenue.add(o.revenue), cost.add(o.cost), net.add(o.net), overBudget + o.overBudget);
        }

        Sums withAumStart(BigDecimal start) {
            return new Sums(rm, team, clients, start, aumEnd, nnm, upgrades, downgrades, lost, cadenceOf, cadenceMet, tasksDue,
                    tasksOnTime, complaints, resolved, hours, responses, promoters, detractors, revenue, cost, net, overBudget);
        }

        Figures figures() {
            BigDecimal growth = aumEnd.subtract(aumStart);
            return new Figures(rm, team, clients, aumStart, aumEnd, growth,
                    aumStart.signum() == 0 ? null : growth.multiply(HUNDRED).divide(aumStart, 2, RoundingMode.HALF_UP),
                    nnm, upgrades, downgrades, lost, rate(cadenceOf, cadenceMet), rate(tasksDue, tasksOnTime),
                    new ComplaintFigures(complaints, resolved, resolved == 0 ? null
                            : hours.divide(BigDecimal.valueOf(resolved), 1, RoundingMode.HALF_UP)),
                    new Nps(responses, promoters, detractors, responses == 0 ? null
                            : BigDecimal.valueOf(promoters - detractors).multiply(HUNDRED)
                            .divide(BigDecimal.valueOf(responses), 1, RoundingMode.HALF_UP)),
                    new Contribution(revenue, cost, net, overBudget));
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Each RM's sums, and the AUM at the start of everything the start scope covered. */
    private record Book(List<Sums> book, BigDecimal startTotal) {
    }

    private Book sums(YearMonth month, String where, String startWhere, Object scope) {
        @SuppressWarnings("unchecked")
        List<Object[]> starts = em.createNativeQuery("SELECT rm_start_id, sum(aum_start_cny) FROM client_month WHERE month = ?1 AND "
                + startWhere + " GROUP BY rm_start_id").setParameter(1, month.atDay(1)).setParameter(2, scope).getResultList();
        Map<UUID, BigDecimal> start = new HashMap<>();
        starts.forEach(r -> start.put((UUID) r[0], NativeValues.decimal(r[1])));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SUMS.formatted(where)).setParameter(1, month.atDay(1)).setParameter(2, scope)
                .getResultList();
        List<Sums> out = new ArrayList<>();
        for (Object[] r : rows) {
            UUID rm = (UUID) r[0];
            out.add(new Sums(rm, (String) r[1], NativeValues.whole(r[2]), start.getOrDefault(rm, BigDecimal.ZERO), NativeValues.decimal(r[3]), NativeValues.decimal(r[4]),
                    NativeValues.whole(r[5]), NativeValues.whole(r[6]), NativeValues.whole(r[7]), NativeValues.whole(r[8]), NativeValues.whole(r[9]), NativeValues.whole(r[10]), NativeValues.whole(r[11]), NativeValues.whole(r[12]), NativeValues.whole(r[13]),
                    NativeValues.decimal(r[14]), NativeValues.whole(r[15]), NativeValues.whole(r[16]), NativeValues.whole(r[17]), NativeValues.decimal(r[18]), NativeValues.decimal(r[19]), NativeValues.decimal(r[20]), NativeValues.whole(r[21])));
        }
        out.sort(java.util.Comparator.comparing(Sums::aumEnd).reversed());
        return new Book(out, start.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static Rate rate(long of, long met) {
        return new Rate(of, met, of == 0 ? null
                : BigDecimal.valueOf(met).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP));
    }

    private static ClientRow clientRow(Object[] r) {
        boolean applies = (Boolean) r[13];
        BigDecimal cost = NativeValues.decimal(r[23]);
        BigDecimal budget = NativeValues.decimal(r[24]);
        return new ClientRow((UUID) r[0], (String) r[1], (UUID) r[2], (UUID) r[3], (String) r[4], (String) r[5],
                NativeValues.decimal(r[6]), NativeValues.decimal(r[7]), NativeValues.decimal(r[8]), NativeValues.decimal(r[9]),
                integer(r[10]), integer(r[11]), (Boolean) r[12], applies ? (Boolean) r[14] : null, integer(r[15]), integer(r[16]),
                integer(r[17]), integer(r[18]), integer(r[19]), integer(r[20]), integer(r[21]), NativeValues.decimal(r[22]), cost,
                budget, NativeValues.decimal(r[25]), cost.compareTo(budget) > 0);
    }

    private static int integer(Object o) {
        return (int) NativeValues.whole(o);
    }
}
