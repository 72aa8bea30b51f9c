package io.aurum.engagement.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * When and how to reach a client for a care contact (birthday, festival): on the day, at 10:00 bank time unless that
 * falls in the client's quiet hours (then at the end of them), through the client's first preferred channel that the
 * bank can use for a personal greeting (phone when the client states none). Pure.
 */
public final class CareWindow {

    public static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalTime PREFERRED_TIME = LocalTime.of(10, 0);
    static final Set<String> CARE_CHANNELS = Set.of("WECHAT", "PHONE", "SMS", "EMAIL", "VISIT");

    public record Contact(Instant at, String channel) {
    }

    private CareWindow() {
    }

    public static Contact of(LocalDate day, LocalTime quietStart, LocalTime quietEnd, List<String> preferredChannels) {
        LocalTime time = PREFERRED_TIME;
        if (inQuietHours(time, quietStart, quietEnd)) {
            time = quietEnd;
        }
        String channel = preferredChannels == null ? "PHONE" : preferredChannels.stream()
                .filter(CARE_CHANNELS::contains).findFirst().orElse("PHONE");
        return new Contact(ZonedDateTime.of(day, time, BANK_ZONE).toInstant(), channel);
    }

    /** Quiet hours may wrap midnight (22:00–08:00). */
    static boolean inQuietHours(LocalTime t, LocalTime start, LocalTime end) {
        if (start == null || end == null || start.equals(end)) {
            return false;
        }
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }
}
