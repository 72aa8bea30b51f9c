package io.aurum.engagement.loyalty;

import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.engagement.domain.ClientCard;
import io.aurum.engagement.service.BookAccess;
import io.aurum.engagement.service.NativeValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Referrals (转介绍): the RM records that a client introduced a prospect; when client-service reports the prospect
 * ACTIVE (client.profile), the referral converts and the referrer earns the referral points — once, keyed by that
 * profile event. A prospect can be referred by one client only.
 */
@ApplicationScoped
public class Referrals {

    public record Referral(UUID referredClientId, UUID referrerClientId, String registeredBy, Instant registeredAt,
                           Instant convertedAt) {
    }

    private final BookAccess access;
    private final PointsRules points;
    private final EntityManager em;
    private final Clock clock;

    public Referrals(BookAccess access, PointsRules points, EntityManager em, Clock clock) {
        this.access = access;
        this.points = points;
        this.em = em;
        this.clock = clock;
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
        int inserted = em.createNativeQuery("INSERT INTO referral (referred_client_id, referrer_client_id, registered_by, registered_at)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (referred_client_id) DO NOTHING")
                .setParameter(1, referredId).setParameter(2, referrerId).setParameter(3, caller.username())
                .setParameter(4, Timestamp.from(now)).executeUpdate();
        if (inserted == 0) {
            throw ApiException.conflict("already-referred", "this prospect's referral is already recorded");
        }
        return new Referral(referredId, referrerId, caller.username(), now, null);
    }

    @Transactional
    public List<Referral> madeBy(Caller caller, UUID referrerId) {
        access.requireRead(caller, referrerId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT referred_client_id, referrer_client_id, registered_by, registered_at,"
                        + " converted_at FROM referral WHERE referrer_client_id = ?1 ORDER BY registered_at DESC")
                .setParameter(1, referrerId).getResultList();
        return rows.stream().map(r -> new Referral((UUID) r[0], (UUID) r[1], (String) r[2], NativeValues.instant(r[3]),
                NativeValues.instant(r[4]))).toList();
    }

    /** The referred client became ACTIVE (this profile event): the referral converts and its referrer earns, once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void becameActive(UUID clientId, UUID eventId, Instant at) {
        @SuppressWarnings("unchecked")
        List<UUID> referrer = em.createNativeQuery("UPDATE referral SET converted_at = ?2, converted_event_id = ?3"
                        + " WHERE referred_client_id = ?1 AND converted_at IS NULL RETURNING referrer_client_id")
                .setParameter(1, clientId).setParameter(2, Timestamp.from(at)).setParameter(3, eventId).getResultList();
        if (!referrer.isEmpty()) {
            points.referralConverted(referrer.get(0), clientId, eventId);
        }
    }
}
