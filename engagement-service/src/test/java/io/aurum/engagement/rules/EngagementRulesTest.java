package io.aurum.engagement.rules;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EngagementRulesTest {

    static final Map<String, Integer> CADENCE = Map.of("PRIVATE", 30, "DIAMOND", 45, "PLATINUM", 60, "GOLD", 90, "VIP", 180);
    static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

    @Test
    void theCadenceRunsFromTheLastContactOrTheDayTheClientCameIn() {
        ContactCadence.Gap fresh = ContactCadence.of("PLATINUM", CADENCE, T0, null, T0.plusSeconds(59L * 86400));
        assertThat(fresh.overdue()).isFalse();
        ContactCadence.Gap lapsed = ContactCadence.of("PLATINUM", CADENCE, T0, null, T0.plusSeconds(60L * 86400));
        assertThat(lapsed.overdue()).isTrue();
        assertThat(lapsed.daysSinceContact()).isEqualTo(60);
        ContactCadence.Gap never = ContactCadence.of("PRIVATE", CADENCE, null, T0, T0.plusSeconds(31L * 86400));
        assertThat(never.overdue()).isTrue();
        assertThat(never.cadenceDays()).isEqualTo(30);
        assertThat(ContactCadence.of("MASS", CADENCE, null, T0, T0.plusSeconds(999L * 86400))).isNull();
    }

    @Test
    void careContactsAvoidQuietHoursAndUseThePreferredChannel() {
        LocalDate day = LocalDate.of(2027, 2, 6);
        CareWindow.Contact plain = CareWindow.of(day, null, null, List.of());
        assertThat(ZonedDateTime.ofInstant(plain.at(), CareWindow.BANK_ZONE).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(plain.channel()).isEqualTo("PHONE");
        CareWindow.Contact quietMorning = CareWindow.of(day, LocalTime.of(9, 0), LocalTime.of(11, 30), List.of("APP_PUSH", "WECHAT"));
        assertThat(ZonedDateTime.ofInstant(quietMorning.at(), CareWindow.BANK_ZONE).toLocalTime()).isEqualTo(LocalTime.of(11, 30));
        assertThat(quietMorning.channel()).isEqualTo("WECHAT");
        // quiet hours over midnight (22:00–08:00) leave 10:00 alone
        CareWindow.Contact night = CareWindow.of(day, LocalTime.of(22, 0), LocalTime.of(8, 0), List.of("SMS"));
        assertThat(ZonedDateTime.ofInstant(night.at(), CareWindow.BANK_ZONE).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(CareWindow.inQuietHours(LocalTime.of(23, 0), LocalTime.of(22, 0), LocalTime.of(8, 0))).isTrue();
        assertThat(CareWindow.inQuietHours(LocalTime.of(7, 59), LocalTime.of(22, 0), LocalTime.of(8, 0))).isTrue();
        assertThat(CareWindow.inQuietHours(LocalTime.of(8, 0), LocalTime.of(22, 0), LocalTime.of(8, 0))).isFalse();
    }

    @Test
    void theAttritionScoreAddsUpItsReasons() {
        AttritionScore.Score calm = AttritionScore.of(new AttritionScore.Facts(null, 10L, 60, 0, 0, 9, 5, false));
        assertThat(calm.score()).isZero();
        assertThat(calm.band()).isEqualTo("LOW");
        assertThat(calm.reasons()).isEmpty();
        AttritionScore.Score leaving = AttritionScore.of(new AttritionScore.Facts(new BigDecimal("0.50"), 120L, 60, 2, 1, 3, null, true));
        assertThat(leaving.reasons()).extracting(AttritionScore.Reason::code)
                .containsExactly("LARGE_OUTFLOW", "CONTACT_GAP", "OPEN_COMPLAINTS", "UNHAPPY_SURVEY", "DOWNGRADE_APPROACHING");
        // 35 (10 + 0.5·50) + 20 (5 + 60·15/60) + 25 (10 + 15) + 15 + 5 = 100
        assertThat(leaving.reasons()).extracting(AttritionScore.Reason::points).containsExactly(35, 20, 25, 15, 5);
        assertThat(leaving.score()).isEqualTo(100);
        assertThat(leaving.band()).isEqualTo("HIGH");
        AttritionScore.Score some = AttritionScore.of(new AttritionScore.Facts(new BigDecimal("0.20"), 70L, 60, 1, 0, null, 2, false));
        // 20 + (5 + 10·15/60 = 7) + 10 + 15
        assertThat(some.score()).isEqualTo(52);
        assertThat(some.band()).isEqualTo("MEDIUM");
    }
}
