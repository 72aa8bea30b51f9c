package io.aurum.engagement.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The longest gap a tier allows between meaningful contacts (product brief: PRIVATE 30 days, DIAMOND 45, PLATINUM 60,
 * GOLD 90, VIP 180). The clock runs from the last meaningful contact, or from when the client came into the book if
 * never contacted. Pure.
 */
public final class ContactCadence {

    public record Gap(boolean overdue, Instant dueAt, long daysSinceContact, int cadenceDays) {
    }

    private ContactCadence() {
    }

    /** @return null when the tier has no cadence */
    public static Gap of(String tier, Map<String, Integer> cadenceDays, Instant lastContact, Instant anchor, Instant now) {
        Integer days = tier == null ? null : cadenceDays.get(tier);
        if (days == null) {
            return null;
        }
        Instant from = lastContact != null ? lastContact : anchor != null ? anchor : now;
        Instant due = from.plus(Duration.ofDays(days));
        return new Gap(!now.isBefore(due), due, Duration.between(from, now).toDays(), days);
    }
}
