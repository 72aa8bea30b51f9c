package io.aurum.advisory.planning;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class GoalPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void atZeroReturnTheSavingIsTheShortfallSpreadOverTheMonths() {
        GoalPlan p = GoalPlan.of(new BigDecimal("1000000"), LocalDate.of(2036, 11, 1), BigDecimal.ZERO, BigDecimal.ZERO, TODAY);
        assertThat(p.monthsLeft()).isEqualTo(120);
        assertThat(p.shortfall()).isEqualByComparingTo("1000000.00");
        assertThat(p.monthlySaving()).isEqualByComparingTo("8333.33");
        assertThat(p.onTrack()).isFalse();
    }

    @Test
    void withAReturnTheLevelPaymentClosesTheGap() {
        // 6% a year, 0.5% a month, 120 months: FV factor 1.005^120 = 1.8193967; 1,000,000 · 0.005 / 0.8193967 = 6102.05
        GoalPlan p = GoalPlan.of(new BigDecimal("1000000"), LocalDate.of(2036, 11, 30), BigDecimal.ZERO, new BigDecimal("0.06"), TODAY);
        assertThat(p.monthlySaving()).isEqualByComparingTo("6102.05");
        // with 300,000 already funded: it grows to 545,819.02; the rest (454,180.98) needs 2,771.4351… → 2,771.44 a month
        GoalPlan funded = GoalPlan.of(new BigDecimal("1000000"), LocalDate.of(2036, 11, 30), new BigDecimal("300000"),
                new BigDecimal("0.06"), TODAY);
        assertThat(funded.projectedFunded()).isEqualByComparingTo("545819.02");
        assertThat(funded.shortfall()).isEqualByComparingTo("454180.98");
        assertThat(funded.monthlySaving()).isEqualByComparingTo("2771.44");
    }

    @Test
    void aGoalAlreadyCoveredNeedsNothingAndOneDueNowNeedsEverything() {
        GoalPlan covered = GoalPlan.of(new BigDecimal("500000"), LocalDate.of(2030, 1, 1), new BigDecimal("500000"),
                new BigDecimal("0.03"), TODAY);
        assertThat(covered.onTrack()).isTrue();
        assertThat(covered.monthlySaving()).isEqualByComparingTo("0.00");
        assertThat(covered.shortfall()).isEqualByComparingTo("0.00");
        GoalPlan due = GoalPlan.of(new BigDecimal("500000"), LocalDate.of(2026, 11, 30), new BigDecimal("100000.005"),
                new BigDecimal("0.03"), TODAY);
        assertThat(due.monthsLeft()).isZero();
        // 399,999.995 rounds half-up, once, at the end
        assertThat(due.monthlySaving()).isEqualByComparingTo("400000.00");
        assertThat(due.monthlySaving().scale()).isEqualTo(2);
    }
}
