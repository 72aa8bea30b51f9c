package io.aurum.engagement.service;

import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.FieldError;
import io.aurum.common.security.Caller;
import io.aurum.common.security.CoverageAccess;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.engagement.domain.ClientCard;
import io.aurum.engagement.domain.Task;
import io.aurum.engagement.domain.TaskPriority;
import io.aurum.engagement.domain.TaskStatus;
import io.aurum.engagement.domain.TaskType;
import io.aurum.messaging.Outbox;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Tasks: created from events (exactly once per source event and type) or by hand, worked through their lifecycle. */
@ApplicationScoped
public class Tasks {

    public static final String TOPIC = "engagement.task";
    private static final Logger LOG = Logger.getLogger(Tasks.class);

    public record TaskCreated(UUID taskId, UUID clientId, UUID ownerId, String team, String type, String priority,
                              String title, Instant dueAt, UUID sourceEventId, String sourceType) {
    }

    public record TaskCompleted(UUID taskId, UUID clientId, UUID ownerId, String type, String status,
                                String closedReason, Instant completedAt, boolean automatic) {
    }

    /** What an event asks for. */
    public record Request(UUID clientId, UUID ownerId, String team, TaskType type, TaskPriority priority, String title,
                          Instant dueAt, UUID sourceEventId, String sourceType) {
    }

    /** What a job asks for: unique by its dedupe key (the reason), so a rerun makes nothing twice. */
    public record Scheduled(UUID clientId, UUID ownerId, String team, TaskType type, TaskPriority priority, String title,
                            Instant dueAt, String dedupeKey, String channel, UUID relatedId) {
    }

    private final EntityManager em;
    private final Outbox outbox;

    public Tasks(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** @return the new task's id, or null when this source event already created its task of this type */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID fromEvent(Request r) {
        ClientCard card = ClientCard.findById(r.clientId());
        UUID owner = r.ownerId() != null ? r.ownerId() : card == null ? null : card.primaryRmId;
        String team = r.team() != null ? r.team() : card == null ? null : card.team;
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                        INSERT INTO task (id, client_id, owner_id, team, type, priority, status, title, due_at,
                                          source_event_id, source_type, created_by, created_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'OPEN', ?7, ?8, ?9, ?10, 'engagement-service', ?11, ?11)
                        ON CONFLICT (source_event_id, type) WHERE source_event_id IS NOT NULL DO NOTHING""")
                .setParameter(1, id).setParameter(2, r.clientId()).setParameter(3, owner).setParameter(4, team)
                .setParameter(5, r.type().name()).setParameter(6, r.priority().name()).setParameter(7, r.title())
                .setParameter(8, r.dueAt()).setParameter(9, r.sourceEventId()).setParameter(10, r.sourceType())
                .setParameter(11, now)
                .executeUpdate();
        if (inserted == 0) {
            return null;
        }
        publishCreated(new TaskCreated(id, r.clientId(), owner, team, r.type().name(), r.priority().name(), r.title(),
                stored(r.dueAt()), r.sourceEventId(), r.sourceType()));
        LOG.infof("Task %s %s for client %s (owner %s) from %s %s", id, r.type(), r.clientId(), owner,
                r.sourceType(), r.sourceEventId());
        return id;
    }

    /** @return the new task's id, or null when a task for this reason exists already */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID fromJob(Scheduled r) {
        ClientCard card = ClientCard.findById(r.clientId());
        UUID owner = r.ownerId() != null ? r.ownerId() : card == null ? null : card.primaryRmId;
        String team = r.team() != null ? r.team() : card == null ? null : card.team;
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                        INSERT INTO task (id, client_id, owner_id, team, type, priority, status, title, due_at,
                                          source_type, created_by, created_at, updated_at, dedupe_key, channel, related_id)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'OPEN', ?7, ?8, 'job', 'engagement-service', ?9, ?9, ?10, ?11, ?12)
                        ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING""")
                .setParameter(1, id).setParameter(2, r.clientId()).setParameter(3, owner).setParameter(4, team)
                .setParameter(5, r.type().name()).setParameter(6, r.priority().name()).setParameter(7, r.title())
                .setParameter(8, r.dueAt()).setParameter(9, now).setParameter(10, r.dedupeKey())
                .setParameter(11, r.channel()).setParameter(12, r.relatedId())
                .executeUpdate();
        if (inserted == 0) {
            return null;
        }
        publishCreated(new TaskCreated(id, r.clientId(), owner, team, r.type().name(), r.priority().name(), r.title(),
                stored(r.dueAt()), null, "job"));
        return id;
    }

    /** Closes the open tasks about one thing (a proposal that was answered, a complaint that was resolved). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int closeRelated(UUID relatedId, TaskType type, String reason) {
        return close(Task.list("relatedId = ?1 and type = ?2 and status in ?3", relatedId, type,
                List.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS)), reason, true);
    }

    /** Closes the given open tasks (DONE), each with a TaskCompleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int close(List<Task> open, String reason, boolean automatic) {
        Instant now = Instant.now();
        for (Task t : open) {
            t.status = TaskStatus.DONE;
            t.completedAt = now;
            t.updatedAt = now;
            t.closedReason = reason;
            outbox.publish(TOPIC, "TaskCompleted", 1, t.clientId, new TaskCompleted(t.id, t.clientId, t.ownerId,
                    t.type.name(), t.status.name(), reason, now, automatic));
        }
        return open.size();
    }

    /** Closes the client's open tasks of a type whose reason has gone (e.g. the risk profile was reassessed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int closeBecauseResolved(UUID clientId, TaskType type, String reason) {
        return close(Task.list("clientId = ?1 and type = ?2 and status in ?3", clientId, type,
                List.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS)), reason, true);
    }

    @Transactional
    public Task create(UUID clientId, String title, Instant dueAt, TaskPriority priority, String notes, Caller caller) {
        ClientCard card = ClientCard.findById(clientId);
        if (card == null || !CoverageAccess.canRead(caller, card.clientId, card.primaryRmId, card.advisorId, card.team)
                || caller.is(Roles.CLIENT)) {
            throw ApiException.badField("clientId", "no such client in your book");
        }
        if (dueAt.isBefore(Instant.now())) {
            throw ApiException.badField("dueAt", "is in the past");
        }
        Instant now = Instant.now();
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.clientId = clientId;
        t.ownerId = caller.is(Roles.RELATIONSHIP_MANAGER) ? caller.userId() : card.primaryRmId;
        t.team = card.team;
        t.type = TaskType.MANUAL;
        t.priority = priority == null ? TaskPriority.NORMAL : priority;
        t.status = TaskStatus.OPEN;
        t.title = title.strip();
        t.notes = notes;
        t.dueAt = dueAt;
        t.createdBy = caller.subject();
        t.createdAt = now;
        t.updatedAt = now;
        t.persist();
        publishCreated(t);
        return t;
    }

    @Transactional
    public Task move(UUID taskId, TaskStatus target, String note, Caller caller) {
        Task t = Task.findById(taskId);
        if (t == null || !canSee(caller, t)) {
            throw ApiException.notFound("Task", taskId);
        }
        if (!canWork(caller, t)) {
            throw new ApiException(403, "forbidden", "Forbidden", "Only the task's owner or the team lead works it");
        }
        if (target == null) {
            throw ApiException.badField("status", "is required");
        }
        if (!t.status.next().contains(target)) {
            throw new ApiException(409, "illegal-transition", "Conflict", t.status + " cannot become " + target,
                    List.of(new FieldError("status", "allowed: " + t.status.next())));
        }
        Instant now = Instant.now();
        t.status = target;
        t.updatedAt = now;
        if (note != null && !note.isBlank()) {
            t.notes = t.notes == null ? note.strip() : (t.notes + "\n" + note.strip());
            if (t.notes.length() > 4000) {
                throw ApiException.badField("note", "the task's notes would exceed 4,000 characters");
            }
        }
        if (!target.open()) {
            t.completedAt = now;
            t.closedReason = target == TaskStatus.DONE ? "done" : "cancelled";
            outbox.publish(TOPIC, "TaskCompleted", 1, t.clientId, new TaskCompleted(t.id, t.clientId, t.ownerId,
                    t.type.name(), t.status.name(), t.closedReason, now, false));
        }
        return t;
    }

    @Transactional
    public Page<Task> list(Caller caller, TaskStatus status, UUID clientId, boolean teamScope, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (caller.is(Roles.COMPLIANCE_OFFICER)) {
            // reads everything
        } else if (teamScope && caller.is(Roles.TEAM_LEAD) && caller.team() != null) {
            where.add("team = :team");
            params.and("team", caller.team());
        } else if (caller.userId() != null && (caller.is(Roles.RELATIONSHIP_MANAGER) || caller.is(Roles.TEAM_LEAD))) {
            where.add("ownerId = :me");
            params.and("me", caller.userId());
        } else {
            return Page.of(List.of(), page, size, 0);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (clientId != null) {
            where.add("clientId = :client");
            params.and("client", clientId);
        }
        var query = Task.<Task>find(String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where),
                Sort.ascending("dueAt").and("id"), params);
        return Page.of(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size, query.count());
    }

    static boolean canSee(Caller caller, Task t) {
        return caller.is(Roles.COMPLIANCE_OFFICER) || canWork(caller, t);
    }

    static boolean canWork(Caller caller, Task t) {
        UUID me = caller.userId();
        return (me != null && me.equals(t.ownerId) && caller.is(Roles.RELATIONSHIP_MANAGER))
                || (caller.is(Roles.TEAM_LEAD) && caller.team() != null && caller.team().equals(t.team));
    }

    private void publishCreated(Task t) {
        publishCreated(new TaskCreated(t.id, t.clientId, t.ownerId, t.team, t.type.name(), t.priority.name(), t.title,
                t.dueAt, t.sourceEventId, t.sourceType));
    }

    /**
     * TaskCreated of a task just inserted, from the values it was inserted with (reading the row back was the
     * costliest statement of an event-created task).
     */
    private void publishCreated(TaskCreated created) {
        outbox.publish(TOPIC, "TaskCreated", 1, created.clientId(), created);
    }

    /** An instant as the database keeps it (microseconds), so the event says what a read of the task says. */
    private static Instant stored(Instant at) {
        return at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
