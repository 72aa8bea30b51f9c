package io.aurum.engagement.service;

import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.engagement.config.EngagementConfig;
import io.aurum.engagement.domain.ClientCard;
import io.aurum.engagement.domain.Complaint;
import io.aurum.engagement.domain.TaskPriority;
import io.aurum.engagement.domain.TaskType;
import io.aurum.messaging.Outbox;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Complaints: filed by the client in the app or by its RM; acknowledged within 24 hours and resolved within 15 days
 * (configurable); a missed deadline escalates to the team lead (ComplaintEscalated and a task for the team); the
 * resolution is reported back to the client, who may say whether it satisfied them.
 */
@ApplicationScoped
public class Complaints {

    public static final String TOPIC = "engagement.complaint";
    private static final Logger LOG = Logger.getLogger(Complaints.class);

    public record Filing(UUID clientId, Complaint.Category category, Complaint.Severity severity, Complaint.Channel channel,
                         String subject, String description) {
    }

    public record Report(Instant asOf, long open, long breached, Map<String, Long> openByCategory,
                         Map<String, Long> breachedByTeam, List<Complaint> breachedComplaints) {
    }

    public record SlaRun(Instant asOf, int acknowledgementBreaches, int resolutionBreaches) {
    }

    private final BookAccess access;
    private final Tasks tasks;
    private final Outbox outbox;
    private final EngagementConfig config;
    private final Clock clock;

    public Complaints(BookAccess access, Tasks tasks, Outbox outbox, EngagementConfig config, Clock clock) {
        this.access = access;
        this.tasks = tasks;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Complaint file(Caller caller, Filing f) {
        ClientCard card;
        Complaint.Channel channel;
        if (caller.is(Roles.CLIENT) && !BookAccess.isStaff(caller)) {
            if (f.clientId() != null && !f.clientId().equals(caller.clientId())) {
                throw ApiException.badField("clientId", "a client files complaints about itself only");
            }
            card = ClientCard.findById(caller.clientId());
            if (card == null) {
                throw ApiException.notFound("Client", caller.clientId());
            }
            channel = Complaint.Channel.APP;
        } else {
            card = access.requireStaff(caller, f.clientId());
            channel = f.channel() == null || f.channel() == Complaint.Channel.APP ? Complaint.Channel.RM : f.channel();
        }
        Instant now = clock.instant();
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.clientId = card.clientId;
        c.team = card.team;
        c.ownerId = card.primaryRmId;
        c.category = f.category();
        c.severity = f.severity() == null ? Complaint.Severity.MEDIUM : f.severity();
        c.status = Complaint.Status.OPEN;
        c.channel = channel;
        c.subject = f.subject().strip();
        c.description = f.description().strip();
        c.receivedAt = now;
        c.ackDueAt = now.plus(config.complaints().acknowledgeWithin());
        c.resolveDueAt = now.plus(config.complaints().resolveWithin());
        c.createdBy = caller.username() == null ? "unknown" : caller.username();
        c.persist();
        publish("ComplaintOpened", c, Map.of("channel", channel.name()));
        return c;
    }

    @Transactional
    public Complaint acknowledge(Caller caller, UUID id) {
        Complaint c = workable(caller, id);
        if (c.status != Complaint.Status.OPEN) {
            throw ApiException.conflict("illegal-transition", "only an OPEN complaint can be acknowledged; it is " + c.status);
        }
        c.status = Complaint.Status.ACKNOWLEDGED;
        c.acknowledgedAt = clock.instant();
        c.acknowledgedBy = caller.username();
        return c;
    }

    @Transactional
    public Complaint resolve(Caller caller, UUID id, String resolution) {
        Complaint c = workable(caller, id);
        if (c.status == Complaint.Status.RESOLVED) {
            throw ApiException.conflict("illegal-transition", "the complaint is resolved already");
        }
        Instant now = clock.instant();
        if (c.acknowledgedAt == null) {
            c.acknowledgedAt = now;
            c.acknowledgedBy = caller.username();
        }
        c.status = Complaint.Status.RESOLVED;
        c.resolvedAt = now;
        c.resolvedBy = caller.username();
        c.resolution = resolution.strip();
        tasks.closeRelated(c.id, TaskType.COMPLAINT_ESCALATION, "closed automatically: the complaint was resolved");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("resolution", c.resolution);
        extra.put("resolvedBy", c.resolvedBy);
        extra.put("withinSla", !now.isAfter(c.resolveDueAt));
        publish("ComplaintResolved", c, extra);
        return c;
    }

    @Transactional
    public Complaint feedback(Caller caller, UUID id, boolean satisfied, String comment) {
        Complaint c = Complaint.findById(id);
        if (c == null || !BookAccess.isSelf(caller, c.clientId)) {
            throw ApiException.notFound("Complaint", id);
        }
        if (c.status != Complaint.Status.RESOLVED) {
            throw ApiException.conflict("not-resolved", "feedback is given on a resolved complaint");
        }
        if (c.clientSatisfied != null) {
            throw ApiException.conflict("feedback-given", "feedback was given already");
        }
        c.clientSatisfied = satisfied;
        c.clientFeedback = comment;
        return c;
    }

    @Transactional
    public Complaint get(Caller caller, UUID id) {
        Complaint c = Complaint.findById(id);
        if (c == null || !canRead(caller, c)) {
            throw ApiException.notFound("Complaint", id);
        }
        return c;
    }

    @Transactional
    public Page<Complaint> list(Caller caller, Complaint.Status status, UUID clientId, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (caller.is(Roles.COMPLIANCE_OFFICER)) {
            // all
        } else if (caller.is(Roles.CLIENT) && !BookAccess.isStaff(caller)) {
            where.add("clientId = :self");
            params.and("self", caller.clientId());
        } else if (caller.is(Roles.TEAM_LEAD) && caller.team() != null) {
            where.add("team = :team");
            params.and("team", caller.team());
        } else if (caller.is(Roles.RELATIONSHIP_MANAGER) && caller.userId() != null) {
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
        var q = Complaint.<Complaint>find(where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                Sort.descending("receivedAt").and("id"), params);
        return Page.of(q.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size, q.count());
    }

    /** Open and breached complaints: a team lead's team, or (compliance) the whole bank. */
    @Transactional
    public Report report(Caller caller) {
        Instant now = clock.instant();
        List<Complaint> open = caller.is(Roles.COMPLIANCE_OFFICER) ? Complaint.list("status <> ?1", Complaint.Status.RESOLVED)
                : Complaint.list("status <> ?1 and team = ?2", Complaint.Status.RESOLVED, caller.team());
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> breachedByTeam = new TreeMap<>();
        List<Complaint> breached = new ArrayList<>();
        for (Complaint c : open) {
            byCategory.merge(c.category.name(), 1L, Long::sum);
            if (c.breached(now)) {
                breached.add(c);
                breachedByTeam.merge(c.team == null ? "(none)" : c.team, 1L, Long::sum);
            }
        }
        return new Report(now, open.size(), breached.size(), byCategory, breachedByTeam, breached);
    }

    /** Escalates every complaint whose deadline has passed at {@code now}, once per deadline. */
    @Transactional
    public SlaRun escalate(Instant now) {
        int ack = 0;
        int resolve = 0;
        for (Complaint c : Complaint.<Complaint>list("status = ?1 and ackDueAt < ?2 and escalationLevel < 1",
                Complaint.Status.OPEN, now)) {
            escalateTo(c, 1, "ACKNOWLEDGE_SLA", now);
            ack++;
        }
        for (Complaint c : Complaint.<Complaint>list("status <> ?1 and resolveDueAt < ?2 and escalationLevel < 2",
                Complaint.Status.RESOLVED, now)) {
            escalateTo(c, 2, "RESOLVE_SLA", now);
            resolve++;
        }
        if (ack + resolve > 0) {
            LOG.infof("Complaint SLA run at %s: %d acknowledgement and %d resolution breaches escalated", now, ack, resolve);
        }
        return new SlaRun(now, ack, resolve);
    }

    private void escalateTo(Complaint c, int level, String reason, Instant now) {
        c.escalationLevel = level;
        c.escalatedAt = now;
        String what = level == 1 ? "not acknowledged within its deadline" : "not resolved within its deadline";
        // owner null: the team's task, for its team lead
        tasks.fromJob(new Tasks.Scheduled(c.clientId, null, c.team, TaskType.COMPLAINT_ESCALATION,
                level == 1 ? TaskPriority.HIGH : TaskPriority.URGENT, "Escalated complaint (" + c.severity + ", "
                + c.category + "): " + what + " — " + c.subject, now, "COMPLAINT:" + c.id + ":" + level, null, c.id));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("level", level);
        extra.put("reason", reason);
        extra.put("escalatedTo", "team-lead");
        extra.put("dueAt", (level == 1 ? c.ackDueAt : c.resolveDueAt).toString());
        publish("ComplaintEscalated", c, extra);
    }

    private Complaint workable(Caller caller, UUID id) {
        Complaint c = Complaint.findById(id);
        if (c == null || !canRead(caller, c)) {
            throw ApiException.notFound("Complaint", id);
        }
        boolean works = (caller.is(Roles.RELATIONSHIP_MANAGER) && caller.userId() != null && caller.userId().equals(c.ownerId))
                || (caller.is(Roles.TEAM_LEAD) && caller.team() != null && caller.team().equals(c.team));
        if (!works) {
            throw new ApiException(403, "not-complaint-owner", "Only the client's RM or the team lead works a complaint",
                    "the caller may read this complaint but not work it");
        }
        return c;
    }

    private static boolean canRead(Caller caller, Complaint c) {
        return caller.is(Roles.COMPLIANCE_OFFICER) || BookAccess.isSelf(caller, c.clientId)
                || (caller.is(Roles.RELATIONSHIP_MANAGER) && caller.userId() != null && caller.userId().equals(c.ownerId))
                || (caller.is(Roles.TEAM_LEAD) && caller.team() != null && caller.team().equals(c.team));
    }

    private void publish(String type, Complaint c, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("complaintId", c.id);
        p.put("clientId", c.clientId);
        p.put("ownerId", c.ownerId);
        p.put("team", c.team);
        p.put("category", c.category.name());
        p.put("severity", c.severity.name());
        p.put("status", c.status.name());
        p.put("subject", c.subject);
        p.put("receivedAt", c.receivedAt.toString());
        p.put("acknowledgeBy", c.ackDueAt.toString());
        p.put("resolveBy", c.resolveDueAt.toString());
        p.putAll(extra);
        outbox.publish(TOPIC, type, 1, c.clientId, p);
    }
}
