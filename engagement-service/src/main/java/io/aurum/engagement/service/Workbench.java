package io.aurum.engagement.service;

import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.engagement.domain.ClientCard;
import io.aurum.engagement.domain.Complaint;
import io.aurum.engagement.domain.Task;
import io.aurum.engagement.domain.TaskStatus;
import io.aurum.engagement.rules.CareWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** An RM's day in one call, and a team lead's view of the team's missed deadlines. */
@ApplicationScoped
public class Workbench {

    public record Birthday(UUID clientId, String fullName, String tier, LocalDate on, int inDays) {
    }

    public record Maturity(UUID clientId, String fullName, String productCode, LocalDate on, BigDecimal amount) {
    }

    public record Day(Instant asOf, List<Task> dueToday, List<Task> overdue, List<Attrition.ClientScore> clientsAtRisk,
                      List<Birthday> upcomingBirthdays, List<Maturity> upcomingMaturities, List<Complaint> openComplaints) {
    }

    public record OwnerBreaches(UUID ownerId, long overdueTasks) {
    }

    public record TeamBreaches(Instant asOf, String team, List<OwnerBreaches> overdueTasksByOwner, List<Task> overdueTasks,
                               List<Complaint> breachedComplaints) {
    }

    private final Attrition attrition;
    private final EntityManager em;
    private final Clock clock;

    public Workbench(Attrition attrition, EntityManager em, Clock clock) {
        this.attrition = attrition;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Day day(Caller caller) {
        UUID me = caller.userId();
        boolean lead = caller.is(Roles.TEAM_LEAD);
        if (!(caller.is(Roles.RELATIONSHIP_MANAGER) || lead) || me == null) {
            throw new ApiException(403, "rm-only", "The workbench is an RM's or team lead's", "no book for this caller");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CareWindow.BANK_ZONE);
        Instant endOfDay = today.plusDays(1).atStartOfDay(CareWindow.BANK_ZONE).toInstant();
        Instant startOfDay = today.atStartOfDay(CareWindow.BANK_ZONE).toInstant();
        List<TaskStatus> open = List.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS);
        boolean teamTasks = lead && caller.team() != null;
        String scope = teamTasks ? "(ownerId = :me or (ownerId is null and team = :team))" : "ownerId = :me";
        List<Task> dueToday = Task.list(scope + " and status in :open and dueAt >= :from and dueAt < :to order by dueAt",
                taskParams(me, open, teamTasks ? caller.team() : null).and("from", startOfDay).and("to", endOfDay));
        List<Task> overdue = Task.list(scope + " and status in :open and dueAt < :from order by dueAt",
                taskParams(me, open, teamTasks ? caller.team() : null).and("from", startOfDay));
        List<ClientCard> book = lead && caller.team() != null ? ClientCard.list("team = ?1 and erased = false", caller.team())
                : ClientCard.list("primaryRmId = ?1 and erased = false", me);
        List<Attrition.ClientScore> atRisk = attrition.scores(book).stream().filter(s -> s.score().score() >= 30).limit(10).toList();
        List<Birthday> birthdays = new ArrayList<>();
        for (ClientCard c : book) {
            if (c.birthDate == null) {
                continue;
            }
            for (int d = 0; d <= 14; d++) {
                if (MonthDay.from(c.birthDate).equals(MonthDay.from(today.plusDays(d)))) {
                    birthdays.add(new Birthday(c.clientId, c.fullName, c.tier, today.plusDays(d), d));
                }
            }
        }
        birthdays.sort(Comparator.comparingInt(Birthday::inDays));
        List<Maturity> maturities = new ArrayList<>();
        if (!book.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT h.client_id, c.full_name, h.product_code, h.maturity_date, h.amount"
                            + " FROM holding_maturity h JOIN client_card c ON c.client_id = h.client_id"
                            + " WHERE h.client_id IN (?1) AND h.maturity_date BETWEEN ?2 AND ?3 ORDER BY h.maturity_date")
                    .setParameter(1, book.stream().map(c -> c.clientId).toList()).setParameter(2, today)
                    .setParameter(3, today.plusDays(30)).getResultList();
            for (Object[] r : rows) {
                maturities.add(new Maturity((UUID) r[0], (String) r[1], (String) r[2], NativeValues.date(r[3]),
                        (BigDecimal) r[4]));
            }
        }
        List<Complaint> complaints = lead && caller.team() != null
                ? Complaint.list("team = ?1 and status <> ?2 order by resolveDueAt", caller.team(), Complaint.Status.RESOLVED)
                : Complaint.list("ownerId = ?1 and status <> ?2 order by resolveDueAt", me, Complaint.Status.RESOLVED);
        return new Day(now, dueToday, overdue, atRisk, birthdays, maturities, complaints);
    }

    private static io.quarkus.panache.common.Parameters taskParams(UUID me, List<TaskStatus> open, String team) {
        io.quarkus.panache.common.Parameters p = io.quarkus.panache.common.Parameters.with("me", me).and("open", open);
        return team == null ? p : p.and("team", team);
    }

    @Transactional
    public TeamBreaches team(Caller caller) {
        if (!caller.is(Roles.TEAM_LEAD) || caller.team() == null) {
            throw new ApiException(403, "team-lead-only", "The team view is a team lead's", "no team for this caller");
        }
        Instant now = clock.instant();
        List<Task> overdue = Task.list("team = ?1 and status in ?2 and dueAt < ?3 order by dueAt", caller.team(),
                List.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS), now);
        Map<String, Long> byOwner = new TreeMap<>();
        for (Task t : overdue) {
            byOwner.merge(t.ownerId == null ? "" : t.ownerId.toString(), 1L, Long::sum);
        }
        List<OwnerBreaches> owners = byOwner.entrySet().stream()
                .map(e -> new OwnerBreaches(e.getKey().isEmpty() ? null : UUID.fromString(e.getKey()), e.getValue())).toList();
        List<Complaint> breached = Complaint.<Complaint>list("team = ?1 and status <> ?2", caller.team(), Complaint.Status.RESOLVED)
                .stream().filter(c -> c.breached(now)).toList();
        return new TeamBreaches(now, caller.team(), owners, overdue, breached);
    }
}
