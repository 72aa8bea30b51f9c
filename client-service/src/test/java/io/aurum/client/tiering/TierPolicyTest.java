package io.aurum.client.tiering;

import io.aurum.client.domain.Tier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure tier rule: thresholds, immediate upgrade, downgrade only after the grace period. */
class TierPolicyTest {

    static final TierPolicy.Thresholds BRIEF = new TierPolicy.Thresholds(new BigDecimal("100000"),
            new BigDecimal("500000"), new BigDecimal("1000000"), new BigDecimal("6000000"), new BigDecimal("10000000"),
            new BigDecimal("1000000"), 3);

    @ParameterizedTest(name = "{0} CNY supports {1}")
    @CsvSource({
            "0, MASS", "99999.99, MASS", "100000, VIP", "100000.01, VIP", "499999.99, VIP", "500000, GOLD",
            "999999.99, GOLD", "1000000, PLATINUM", "5999999.99, PLATINUM", "6000000, DIAMOND",
            "9999999.99, DIAMOND", "10000000, PRIVATE", "250000000, PRIVATE"})
    void thresholdsAtAndAroundEveryBoundary(String average, Tier expected) {
        assertThat(BRIEF.supported(new BigDecimal(average), BigDecimal.ZERO)).isEqualTo(expected);
    }

    @Test
    void privateBankingAlsoByUsdHoldings() {
        assertThat(BRIEF.supported(new BigDecimal("7300000"), new BigDecimal("999999.99"))).isEqualTo(Tier.DIAMOND);
        assertThat(BRIEF.supported(new BigDecimal("7300000"), new BigDecimal("1000000"))).isEqualTo(Tier.PRIVATE);
    }

    @Test
    void upgradeIsImmediateEvenMidMonth() {
        TierPolicy.Decision d = TierPolicy.decide(Tier.GOLD, 2, new BigDecimal("1000000"), BigDecimal.ZERO, BRIEF, false);
        assertThat(d.tier()).isEqualTo(Tier.PLATINUM);
        assertThat(d.rule()).isEqualTo(TierPolicy.Rule.UPGRADE);
        assertThat(d.monthEndsBelow()).isZero();
        assertThat(d.threshold()).isEqualByComparingTo("1000000");
    }

    @Test
    void downgradeOnlyAtTheThirdConsecutiveMonthEndBelow() {
        BigDecimal below = new BigDecimal("999999.99");
        TierPolicy.Decision midMonth = TierPolicy.decide(Tier.PLATINUM, 0, below, BigDecimal.ZERO, BRIEF, false);
        assertThat(midMonth.tier()).isEqualTo(Tier.PLATINUM);
        assertThat(midMonth.monthEndsBelow()).isZero();

        TierPolicy.Decision first = TierPolicy.decide(Tier.PLATINUM, 0, below, BigDecimal.ZERO, BRIEF, true);
        assertThat(first.tier()).isEqualTo(Tier.PLATINUM);
        assertThat(first.rule()).isEqualTo(TierPolicy.Rule.GRACE);
        assertThat(first.monthEndsBelow()).isEqualTo(1);
        assertThat(first.downgradeApproaching(3)).isFalse();

        TierPolicy.Decision second = TierPolicy.decide(Tier.PLATINUM, 1, below, BigDecimal.ZERO, BRIEF, true);
        assertThat(second.tier()).isEqualTo(Tier.PLATINUM);
        assertThat(second.monthEndsBelow()).isEqualTo(2);
        assertThat(second.downgradeApproaching(3)).isTrue();

        TierPolicy.Decision third = TierPolicy.decide(Tier.PLATINUM, 2, below, BigDecimal.ZERO, BRIEF, true);
        assertThat(third.tier()).isEqualTo(Tier.GOLD);
        assertThat(third.rule()).isEqualTo(TierPolicy.Rule.DOWNGRADE_AFTER_GRACE);
        assertThat(third.monthEndsBelow()).isZero();
    }

    @Test
    void aMonthEndBackAtTheThresholdResetsTheGraceCount() {
        TierPolicy.Decision d = TierPolicy.decide(Tier.PLATINUM, 2, new BigDecimal("1000000"), BigDecimal.ZERO, BRIEF, true);
        assertThat(d.tier()).isEqualTo(Tier.PLATINUM);
        assertThat(d.monthEndsBelow()).isZero();
        assertThat(d.rule()).isEqualTo(TierPolicy.Rule.HOLD);
    }

    @Test
    void aDowngradeGoesStraightToTheSupportedTier() {
        TierPolicy.Decision d = TierPolicy.decide(Tier.PRIVATE, 2, new BigDecimal("50000"), BigDecimal.ZERO, BRIEF, true);
        assertThat(d.tier()).isEqualTo(Tier.MASS);
        assertThat(d.threshold()).isEqualByComparingTo("10000000");
    }

    @Test
    void thresholdsMustIncrease() {
        assertThatThrownBy(() -> new TierPolicy.Thresholds(new BigDecimal("100000"), new BigDecimal("100000"),
                new BigDecimal("1000000"), new BigDecimal("6000000"), new BigDecimal("10000000"), null, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TierPolicy.Thresholds(new BigDecimal("100000"), new BigDecimal("500000"),
                new BigDecimal("1000000"), new BigDecimal("6000000"), new BigDecimal("10000000"), null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void neverDowngradesOutsideAMonthEnd(@ForAll("tiers") Tier current, @ForAll @IntRange(min = 0, max = 5) int below,
                                         @ForAll("amounts") BigDecimal average) {
        TierPolicy.Decision d = TierPolicy.decide(current, below, average, BigDecimal.ZERO, BRIEF, false);
        assertThat(d.tier()).isGreaterThanOrEqualTo(current);
    }

    @Property
    void theResultIsAlwaysTheCurrentOrTheSupportedTier(@ForAll("tiers") Tier current,
                                                       @ForAll @IntRange(min = 0, max = 2) int below,
                                                       @ForAll("amounts") BigDecimal average, @ForAll boolean monthEnd) {
        TierPolicy.Decision d = TierPolicy.decide(current, below, average, BigDecimal.ZERO, BRIEF, monthEnd);
        Tier supported = BRIEF.supported(average, BigDecimal.ZERO);
        assertThat(d.tier()).isIn(current, supported);
        assertThat(d.supported()).isEqualTo(supported);
        if (supported.compareTo(current) > 0) {
            assertThat(d.tier()).isEqualTo(supported);
        }
    }

    @Property
    void aClientBelowForFewerThanTheGraceMonthEndsKeepsItsTier(@ForAll("tiers") Tier current,
                                                              @ForAll("amounts") BigDecimal average) {
        int below = 0;
        Tier tier = current;
        for (int monthEnd = 1; monthEnd < BRIEF.graceMonthEnds(); monthEnd++) {
            TierPolicy.Decision d = TierPolicy.decide(tier, below, average, BigDecimal.ZERO, BRIEF, true);
            if (d.rule() == TierPolicy.Rule.UPGRADE) {
                return;
            }
            assertThat(d.tier()).isEqualTo(current);
            below = d.monthEndsBelow();
        }
        TierPolicy.Decision last = TierPolicy.decide(tier, below, average, BigDecimal.ZERO, BRIEF, true);
        assertThat(last.tier()).isEqualTo(BRIEF.supported(average, BigDecimal.ZERO).compareTo(current) < 0
                ? BRIEF.supported(average, BigDecimal.ZERO) : current);
    }

    @Provide
    Arbitrary<Tier> tiers() {
        return Arbitraries.of(Tier.class);
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("20000000")).ofScale(2),
                Arbitraries.of("99999.99", "100000", "499999.99", "500000", "999999.99", "1000000", "5999999.99",
                        "6000000", "9999999.99", "10000000").map(BigDecimal::new));
    }
}
