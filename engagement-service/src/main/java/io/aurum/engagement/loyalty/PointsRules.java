package io.aurum.engagement.loyalty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How points are earned (aurum.loyalty.*): products bought (an accepted proposal: points per CNY 1,000 invested), a tier
 * upgrade (a bonus), attending a client activity, a referral that converts; the average AUM held in a month is earned
 * set-based by the month close ({@code MonthClose}). Each earning is keyed by its source event and rule, so redelivery
 * earns nothing twice.
 */
@ApplicationScoped
public class PointsRules {

    private final Loyalty loyalty;
    private final long perThousandCny;
    private final long upgradeBonus;
    private final long attendance;
    private final long referral;

    public PointsRules(Loyalty loyalty,
                       @ConfigProperty(name = "aurum.loyalty.points-per-thousand-cny", defaultValue = "1") long perThousandCny,
                       @ConfigProperty(name = "aurum.loyalty.upgrade-points", defaultValue = "1000") long upgradeBonus,
                       @ConfigProperty(name = "aurum.loyalty.attendance-points", defaultValue = "200") long attendance,
                       @ConfigProperty(name = "aurum.loyalty.referral-points", defaultValue = "5000") long referral) {
        this.loyalty = loyalty;
        this.perThousandCny = perThousandCny;
        this.upgradeBonus = upgradeBonus;
        this.attendance = attendance;
        this.referral = referral;
    }

    /**
     * A prospect this client referred became a client (the profile event that made it ACTIVE is the source). A referral
     * under review ({@code PENDING_REVIEW}: the recording RM registered the referred client recently) does not credit:
     * its reward waits as an approval whose maker is the recording RM, credited only when a checker approves it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean referralConverted(UUID referrerId, UUID referredId, UUID eventId, boolean underReview, String recordedBy) {
        String description = "Referral converted: client " + referredId.toString().substring(0, 8);
        if (underReview) {
            return loyalty.holdEarning(referrerId, referral, "REFERRAL", eventId, description, recordedBy);
        }
        return loyalty.earn(referrerId, referral, "REFERRAL", eventId, description);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean productsBought(UUID clientId, BigDecimal amountCny, UUID eventId) {
        long points = amountCny.divide(BigDecimal.valueOf(1000), 0, RoundingMode.DOWN).longValue() * perThousandCny;
        return loyalty.earn(clientId, points, "PRODUCTS_BOUGHT", eventId, "Products bought: CNY " + amountCny.toPlainString());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tierUpgrade(UUID clientId, String toTier, UUID eventId) {
        return loyalty.earn(clientId, upgradeBonus, "TIER_UPGRADE", eventId, "Welcome to " + toTier);
    }

    /** Attendance has no event of its own: its source id is derived from the activity and the client (stable). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean attended(UUID clientId, UUID activityId, String activityName) {
        UUID source = UUID.nameUUIDFromBytes((activityId + "/" + clientId).getBytes(StandardCharsets.UTF_8));
        return loyalty.earn(clientId, attendance, "ACTIVITY_ATTENDED", source, "Attended " + activityName);
    }
}
