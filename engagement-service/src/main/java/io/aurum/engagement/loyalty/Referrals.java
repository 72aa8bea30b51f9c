package io.aurum.engagement.loyalty;

import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.engagement.domain.ClientCard;
import io.aurum.engagement.service.BookAccess;
import io.aurum.engagement.service.NativeValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Referrals (转介绍): the RM records that a client introduced a prospect; when client-service reports the prospect
 * ACTIVE (client.profile), the referral converts and the referrer earns the referral points — once, keyed by that
 * profile event. A prospect can be referred by one client only. A prospect the recording RM covers and that was
 * registered within {@code aurum.loyalty.referral-review-window} is recorded {@code PENDING_REVIEW}: its reward is held
 * for a checker (compliance or the team lead; never the recording RM) instead of being credited (issue 27).
 */
@ApplicationScoped
public class Referrals {

    /** {@code reviewStatus}: NOT_REQUIRED, PENDING_REVIEW (its reward waits for a checker), APPROVED or REJECTED. */
    public record Referral(UUID referredClientId, UUID referrerClientId, String registeredBy, Instant registeredAt,
                           Instant convertedAt, String reviewStatus, String reviewedBy) {
    }

    private final BookAccess access;
    private final PointsRules points;
    private final EntityManager em;
    private final Clock clock;
    private final Duration reviewWindow;

    public Referrals(BookAccess access, PointsRules points, EntityManager em, Clock clock,
                     @ConfigProperty(name = "aurum.loyalty.referral-review-window", defaultValue = "P30D") Duration reviewWindow) {
        this.access = access;
        this.points = points;
        this.em = em;
        this.clock = clock;
        this.reviewWindow = reviewWindow;
    }

    @Transactional
    public Referral register(Caller caller, UUID referrerId, UUID referredId) {
        ClientCard referrer = access.requireStaff(caller, referrerId);
        if (referrerId.equals(referredId)) {
            throw ApiException.badField("referredClientId", "a client cannot refer itself");
        }
        if (referrer.closedAt != null || referrer.erased) {
            throw ApiException.badField("referrerClientId", "the referring client's relationship is closed");
        }
        ClientCard referred = access.requireStaff(caller, referredId);
        if (!"PROSPECT".equals(referred.lifecycleStatus)) {
            throw new ApiException(409, "not-a-prospect", "Only a prospect can be referred",
                    "the referred client is " + referred.lifecycleStatus + "; a referral counts when a prospect becomes a client");
        }
        Instant now = clock.instant();
        // a prospect the recording RM registered himself, recently, could be invented: its reward waits for a checker
        Instant registered = NativeValues.instant(em.createNativeQuery("SELECT registered_at FROM client_card WHERE client_id = ?1")
                .setParameter(1, referredId).getSingleResult());
        // whoever covers the new prospect — its RM, or the lead of its team, who may register it for an RM — could have
        // invented it: such a referral's reward waits for someone else
        boolean covers = caller.userId() != null && caller.userId().equals(referred.primaryRmId)
                || caller.is(io.aurum.common.security.Roles.TEAM_LEAD) && caller.team() != null && caller.team().equals(referred.team);
        boolean review = covers && registered != null && registered.isAfter(now.minus(reviewWindow));
        String reviewStatus = review ? "PENDING_REVIEW" : "NOT_REQUIRED";
        int inserted = em.createNativeQuery("INSERT INTO referral (referred_client_id, referrer_client_id, registered_by, registered_at,"
                        + " review_status) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (referred_client_id) DO NOTHING")
                .setParameter(1, referredId).setParameter(2, referrerId).setParameter(3, caller.username())
                .setParameter(4, Timestamp.from(now)).setParameter(5, reviewStatus).executeUpdate();
        if (inserted == 0) {
            throw ApiException.conflict("already-referred", "this prospect's referral is already recorded");
        }
        return new Referral(referredId, referrerId, caller.username(), now, null, reviewStatus, null);
    }

    @Transactional
    public List<Referral> madeBy(Caller caller, UUID referrerId) {
        access.requireRead(caller, referrerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT referred_client_id, referrer_client_id, registered_by, registered_at,"
                        + " converted_at, review_status, reviewed_by FROM referral WHERE referrer_client_id = ?1 ORDER BY registered_at DESC")
                .setParameter(1, referrerId).getResultList();
        return rows.stream().map(r -> new Referral((UUID) r[0], (UUID) r[1], (String) r[2], NativeValues.instant(r[3]),
                NativeValues.instant(r[4]), (String) r[5], (String) r[6])).toList();
    }

    /** The referred client became ACTIVE (this profile event): the referral converts and its referrer earns, once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void becameActive(UUID clientId, UUID eventId, Instant at) {
        @SuppressWarnings("unchecked")
        List<Object[]> referrer = em.createNativeQuery("UPDATE referral SET converted_at = ?2, converted_event_id = ?3"
                        + " WHERE referred_client_id = ?1 AND converted_at IS NULL"
                        + " RETURNING referrer_client_id, review_status, registered_by")
                .setParameter(1, clientId).setParameter(2, Timestamp.from(at)).setParameter(3, eventId).getResultList();
        if (!referrer.isEmpty()) {
            Object[] r = referrer.get(0);
            points.referralConverted((UUID) r[0], clientId, eventId, "PENDING_REVIEW".equals(r[1]), (String) r[2]);
        }
    }
}
