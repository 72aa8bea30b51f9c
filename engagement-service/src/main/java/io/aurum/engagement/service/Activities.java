package io.aurum.engagement.service;

import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.CoverageAccess;
import io.aurum.common.security.Roles;
import io.aurum.engagement.domain.Activity;
import io.aurum.engagement.domain.ClientCard;
import io.aurum.engagement.domain.Interaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Client activities: salons, seminars, wine tastings, golf days. The invitation list comes from the target tiers and
 * interest tags (clients who allow marketing contact, active, best tag match first, up to twice the capacity);
 * acceptances stop at the capacity; attendance is an interaction (it resets the cadence clock).
 */
@ApplicationScoped
public class Activities {

    public record Spec(String name, Activity.Kind kind, Instant startsAt, String location, int capacity,
                       List<String> targetTiers, List<String> interestTags, java.math.BigDecimal costPerHeadCny) {
    }

    public record Invitation(UUID activityId, UUID clientId, String clientName, String tier, String status,
                             Instant invitedAt, Instant respondedAt) {
    }

    private final BookAccess access;
    private final Interactions interactions;
    private final io.aurum.engagement.loyalty.PointsRules points;
    private final EntityManager em;
    private final Clock clock;

    public Activities(BookAccess access, Interactions interactions, io.aurum.engagement.loyalty.PointsRules points, EntityManager em,
                      Clock clock) {
        this.access = access;
        this.interactions = interactions;
        this.points = points;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Activity create(Caller caller, Spec s) {
        if (!s.startsAt().isAfter(clock.instant())) {
            throw ApiException.badField("startsAt", "must be in the future");
        }
        Activity a = new Activity();
        a.id = UUID.randomUUID();
        a.name = s.name().strip();
        a.kind = s.kind();
        a.startsAt = s.startsAt();
        a.location = s.location().strip();
        a.capacity = s.capacity();
        a.costPerHeadCny = s.costPerHeadCny() == null ? java.math.BigDecimal.ZERO : s.costPerHeadCny();
        a.targetTiers = s.targetTiers() == null ? new String[0] : s.targetTiers().toArray(String[]::new);
        a.interestTags = s.interestTags() == null ? new String[0] : s.interestTags().toArray(String[]::new);
        a.team = caller.is(Roles.OPS_ADMIN) ? null : caller.team();
        a.createdBy = caller.username();
        a.createdAt = clock.instant();
        a.persist();
        return a;
    }

    @Transactional
    public Activity get(Caller caller, UUID id) {
        Activity a = Activity.findById(id);
        if (a == null || !(caller.is(Roles.OPS_ADMIN) || caller.is(Roles.COMPLIANCE_OFFICER) || a.team == null
                || a.team.equals(caller.team()) || caller.is(Roles.CLIENT))) {
            throw ApiException.notFound("Activity", id);
        }
        return a;
    }

    @Transactional
    public List<Activity> upcoming(Caller caller) {
        if (caller.is(Roles.CLIENT) && !BookAccess.isStaff(caller)) {
            @SuppressWarnings("unchecked")
            List<Activity> mine = em.createNativeQuery("SELECT a.* FROM activity a JOIN invitation i ON i.activity_id = a.id"
                            + " WHERE i.client_id = ?1 AND a.starts_at > ?2 ORDER BY a.starts_at", Activity.class)
                    .setParameter(1, caller.clientId()).setParameter(2, clock.instant()).getResultList();
            return mine;
        }
        return Activity.list("startsAt > ?1 and (team is null or team = ?2 or ?3 = true) order by startsAt", clock.instant(),
                caller.team() == null ? "" : caller.team(), caller.is(Roles.OPS_ADMIN) || caller.is(Roles.COMPLIANCE_OFFICER));
    }

    /** Builds (or tops up) the invitation list; returns how many were newly invited. */
    @Transactional
    public int invite(Caller caller, UUID id) {
        Activity a = get(caller, id);
        requireOrganiser(caller, a);
        return em.createNativeQuery("""
                        INSERT INTO invitation (activity_id, client_id, status, invited_at)
                        SELECT ?1, c.client_id, 'INVITED', ?2 FROM client_card c
                        WHERE c.marketing_consent AND NOT c.erased AND c.lifecycle_status = 'ACTIVE'
                          AND (?3 = '' OR c.tier = ANY(string_to_array(?3, ',')))
                          AND (?4 = '' OR c.interest_tags && string_to_array(?4, ','))
                          AND (?5 = '' OR c.team = ?5)
                          AND NOT EXISTS (SELECT 1 FROM invitation i WHERE i.activity_id = ?1 AND i.client_id = c.client_id)
                        ORDER BY cardinality(ARRAY(SELECT unnest(c.interest_tags) INTERSECT SELECT unnest(string_to_array(?4, ',')))) DESC,
                                 c.client_id
                        LIMIT greatest(0, ?6 - (SELECT count(*) FROM invitation i WHERE i.activity_id = ?1))""")
                .setParameter(1, a.id).setParameter(2, clock.instant()).setParameter(3, String.join(",", a.targetTiers))
                .setParameter(4, String.join(",", a.interestTags)).setParameter(5, a.team == null ? "" : a.team).setParameter(6, a.capacity * 2)
                .executeUpdate();
    }

    /**
     * The guest list as far as the caller's reach goes: ops (who organise the bank-wide events) and compliance see
     * every guest; an RM only the clients of his own book, a team lead the team's, an advisor the clients he advises.
     */
    @Transactional
    public List<Invitation> invitations(Caller caller, UUID id) {
        Activity a = get(caller, id);
        if (!BookAccess.isStaff(caller) && !caller.is(Roles.OPS_ADMIN) && !caller.is(Roles.COMPLIANCE_OFFICER)) {
            throw new ApiException(403, "staff-only", "The guest list is for the bank's staff", "clients see their own invitation");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT i.activity_id, i.client_id, c.full_name, c.tier, i.status, i.invited_at, i.responded_at,
                               c.primary_rm_id, c.advisor_id, c.team
                        FROM invitation i JOIN client_card c ON c.client_id = i.client_id
                        WHERE i.activity_id = ?1 ORDER BY i.status, c.full_name""").setParameter(1, a.id).getResultList();
        return rows.stream()
                .filter(r -> inReach(caller, (UUID) r[1], (UUID) r[7], (UUID) r[8], (String) r[9]))
                .map(r -> new Invitation((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                        NativeValues.instant(r[5]), NativeValues.instant(r[6]))).toList();
    }

    private static boolean inReach(Caller caller, UUID client, UUID primaryRmId, UUID advisorId, String team) {
        return caller.is(Roles.OPS_ADMIN) || CoverageAccess.canRead(caller, client, primaryRmId, advisorId, team);
    }

    /** The client (app) or its RM records the answer; acceptances stop at the capacity. */
    @Transactional
    public void rsvp(Caller caller, UUID id, UUID clientId, boolean accepted) {
        Activity a = Activity.findById(id);
        if (a == null) {
            throw ApiException.notFound("Activity", id);
        }
        if (!BookAccess.isSelf(caller, clientId)) {
            access.requireStaff(caller, clientId);
        }
        String status = (String) em.createNativeQuery("SELECT status FROM invitation WHERE activity_id = ?1 AND client_id = ?2"
                        + " FOR UPDATE").setParameter(1, id).setParameter(2, clientId).getResultStream().findFirst().orElse(null);
        if (status == null) {
            throw ApiException.notFound("Invitation", clientId);
        }
        if (!List.of("INVITED", "ACCEPTED", "DECLINED").contains(status) || !a.startsAt.isAfter(clock.instant())) {
            throw ApiException.conflict("rsvp-closed", "the activity has taken place; answers are closed");
        }
        if (accepted && !"ACCEPTED".equals(status)) {
            // one row lock on the activity serialises acceptances, so the capacity holds under concurrency
            em.createNativeQuery("SELECT id FROM activity WHERE id = ?1 FOR UPDATE").setParameter(1, id).getSingleResult();
            long taken = ((Number) em.createNativeQuery("SELECT count(*) FROM invitation WHERE activity_id = ?1 AND status = 'ACCEPTED'")
                    .setParameter(1, id).getSingleResult()).longValue();
            if (taken >= a.capacity) {
                throw ApiException.conflict("activity-full", "all " + a.capacity + " places are taken");
            }
        }
        em.createNativeQuery("UPDATE invitation SET status = ?3, responded_at = ?4 WHERE activity_id = ?1 AND client_id = ?2")
                .setParameter(1, id).setParameter(2, clientId).setParameter(3, accepted ? "ACCEPTED" : "DECLINED")
                .setParameter(4, clock.instant()).executeUpdate();
    }

    /**
     * Marks who came; each attendance is an EVENT interaction (it resets the contact cadence) and earns points, so
     * it can only be recorded once the activity has begun, and only for clients in the recorder's reach (an RM his
     * own book, a team lead the team; ops any guest) — a client outside it gets the same answer as one never invited.
     * Returns how many attended.
     */
    @Transactional
    public int attendance(Caller caller, UUID id, List<UUID> attended) {
        Activity a = get(caller, id);
        requireOrganiser(caller, a);
        if (clock.instant().isBefore(a.startsAt)) {
            throw ApiException.conflict("activity-not-started", "attendance can be recorded from the activity's start, "
                    + a.startsAt);
        }
        for (int i = 0; i < attended.size(); i++) {
            UUID client = attended.get(i);
            ClientCard guest = client == null ? null : ClientCard.findById(client);
            if (guest == null || !inReach(caller, client, guest.primaryRmId, guest.advisorId, guest.team)) {
                throw ApiException.badField("clientIds[" + i + "]", "not invited, or already marked");
            }
            int updated = em.createNativeQuery("UPDATE invitation SET status = 'ATTENDED' WHERE activity_id = ?1 AND client_id = ?2"
                    + " AND status IN ('INVITED', 'ACCEPTED', 'DECLINED')").setParameter(1, id).setParameter(2, client).executeUpdate();
            if (updated == 0) {
                throw ApiException.badField("clientIds[" + i + "]", "not invited, or already marked");
            }
            interactions.record(guest, caller, Interaction.Channel.EVENT, a.startsAt.isBefore(clock.instant()) ? a.startsAt
                    : clock.instant(), "Attended " + a.name, null, null, null, a.id);
            points.attended(client, a.id, a.name);
        }
        em.createNativeQuery("UPDATE invitation SET status = 'NO_SHOW' WHERE activity_id = ?1 AND status = 'ACCEPTED'")
                .setParameter(1, id).executeUpdate();
        return attended.size();
    }

    private static void requireOrganiser(Caller caller, Activity a) {
        boolean organiser = caller.is(Roles.OPS_ADMIN) || ((caller.is(Roles.TEAM_LEAD) || caller.is(Roles.RELATIONSHIP_MANAGER))
                && (a.team == null || a.team.equals(caller.team())));
        if (!organiser) {
            throw new ApiException(403, "not-organiser", "Only the organising team or ops", "the caller does not organise this activity");
        }
    }
}
