package io.aurum.engagement.service;

import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.engagement.domain.ClientCard;
import io.aurum.engagement.domain.Interaction;
import io.aurum.engagement.domain.Task;
import io.aurum.engagement.domain.TaskPriority;
import io.aurum.engagement.domain.TaskStatus;
import io.aurum.engagement.domain.TaskType;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Contacts with clients. A meaningful one (a conversation) completes the client's open contact tasks (cadence,
 * welcome, retention, care, maturity) or the tasks named, resets the cadence clock and sends the client a short
 * satisfaction survey; a next step with a date becomes a task.
 */
@ApplicationScoped
public class Interactions {

    public record Logged(Interaction interaction, List<UUID> completedTasks, UUID surveyId, UUID nextStepTaskId) {
    }

    public record Entry(UUID clientId, Interaction.Channel channel, Instant occurredAt, String notes, String outcome,
                        String nextStep, Instant nextStepDue, List<UUID> taskIds) {
    }

    private final BookAccess access;
    private final Tasks tasks;
    private final EntityManager em;
    private final Clock clock;

    public Interactions(BookAccess access, Tasks tasks, EntityManager em, Clock clock) {
        this.access = access;
        this.tasks = tasks;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Logged log(Caller caller, Entry e) {
        ClientCard card = access.requireStaff(caller, e.clientId());
        Instant now = clock.instant();
        Instant at = e.occurredAt() == null ? now : e.occurredAt();
        if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw ApiException.badField("occurredAt", "is in the future; log a contact after it happened");
        }
        if (at.isBefore(now.minus(Duration.ofDays(365)))) {
            throw ApiException.badField("occurredAt", "is more than a year ago");
        }
        if (e.nextStepDue() != null && e.nextStepDue().isBefore(now)) {
            throw ApiException.badField("nextStepDue", "is in the past");
        }
        if (e.nextStepDue() != null && (e.nextStep() == null || e.nextStep().isBlank())) {
            throw ApiException.badField("nextStep", "say what the next step is when it has a date");
        }
        List<Task> toComplete = new ArrayList<>();
        List<UUID> named = e.taskIds() == null ? List.of() : e.taskIds();
        for (int i = 0; i < named.size(); i++) {
            Task t = named.get(i) == null ? null : Task.findById(named.get(i));
            if (t == null || !t.clientId.equals(card.clientId) || !t.status.open()) {
                throw ApiException.badField("taskIds[" + i + "]", "not an open task of this client");
            }
            toComplete.add(t);
        }
        Interaction i = record(card, caller, e.channel(), at, e.notes(), e.outcome(), e.nextStep(), e.nextStepDue(), null);
        if (named.isEmpty() && i.meaningful) {
            toComplete.addAll(Task.<Task>list("clientId = ?1 and status in ?2", card.clientId,
                    List.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS)).stream().filter(t -> t.type.doneByContact()).toList());
        }
        tasks.close(toComplete, "done by the " + e.channel().name().toLowerCase(java.util.Locale.ROOT) + " of "
                + java.time.LocalDate.ofInstant(at, io.aurum.engagement.rules.CareWindow.BANK_ZONE), false);
        UUID survey = i.meaningful ? sendSurvey(i, now) : null;
        UUID nextTask = null;
        if (e.nextStepDue() != null) {
            Task next = tasks.create(card.clientId, "Next step: " + e.nextStep().strip(), e.nextStepDue(), TaskPriority.NORMAL,
                    "From the " + e.channel() + " of " + at, caller);
            nextTask = next.id;
        }
        return new Logged(i, toComplete.stream().map(t -> t.id).toList(), survey, nextTask);
    }

    /** Records an interaction and moves the cadence clock (used by logging and by activity attendance). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Interaction record(ClientCard card, Caller caller, Interaction.Channel channel, Instant at, String notes,
                              String outcome, String nextStep, Instant nextStepDue, UUID activityId) {
        Interaction i = new Interaction();
        i.id = UUID.randomUUID();
        i.clientId = card.clientId;
        i.staffId = caller.userId();
        i.team = card.team;
        i.channel = channel;
        i.occurredAt = at;
        i.meaningful = channel.meaningful();
        i.notes = notes;
        i.outcome = outcome;
        i.nextStep = nextStep;
        i.nextStepDue = nextStepDue;
        i.activityId = activityId;
        i.createdBy = caller.username() == null ? "engagement-service" : caller.username();
        i.createdAt = clock.instant();
        i.persist();
        if (i.meaningful && (card.lastContactAt == null || card.lastContactAt.isBefore(at))) {
            card.lastContactAt = at;
        }
        return i;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID sendSurvey(Interaction i, Instant now) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO survey (id, client_id, interaction_id, sent_at) VALUES (?1, ?2, ?3, ?4)"
                        + " ON CONFLICT (interaction_id) DO NOTHING")
                .setParameter(1, id).setParameter(2, i.clientId).setParameter(3, i.id).setParameter(4, now).executeUpdate();
        return id;
    }

    @Transactional
    public Page<Interaction> history(Caller caller, UUID clientId, int page, int size) {
        access.requireRead(caller, clientId);
        if (caller.is(Roles.CLIENT)) {
            throw new ApiException(403, "staff-only", "Contact notes are for the bank's staff", "clients do not read contact notes");
        }
        var q = Interaction.<Interaction>find("clientId", Sort.descending("occurredAt").and("id"), clientId);
        return Page.of(q.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size, q.count());
    }
}
