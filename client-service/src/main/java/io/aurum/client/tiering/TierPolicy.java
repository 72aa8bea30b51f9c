package io.aurum.client.tiering;

import io.aurum.client.domain.Tier;

import java.math.BigDecimal;

/**
 * The tier rule of the product brief as a pure function: the tier follows the trailing 3-month average daily
 * AUM; an upgrade happens as soon as the average reaches a higher threshold; a downgrade only at a month-end
 * after the average has stayed below the current tier's threshold for {@code graceMonthEnds} consecutive
 * month-ends (tier protection, 保级). A month-end at or above the threshold resets the count.
 */
public final class TierPolicy {

    public enum Rule {
        /** average reached a higher tier's threshold */
        UPGRADE,
        /** nothing to do */
        HOLD,
        /** below the current tier at a month-end, protected by the grace period */
        GRACE,
        /** below for the whole grace period: down to the tier the average supports */
        DOWNGRADE_AFTER_GRACE
    }

    /** Thresholds in CNY (PRIVATE also by USD-denominated holdings), and the grace period in month-ends. */
    public record Thresholds(BigDecimal vip, BigDecimal gold, BigDecimal platinum, BigDecimal diamond,
                             BigDecimal privateBanking, BigDecimal privateBankingUsd, int graceMonthEnds) {

        public Thresholds {
            if (!(vip.signum() > 0 && vip.compareTo(gold) < 0 && gold.compareTo(platinum) < 0
                    && platinum.compareTo(diamond) < 0 && diamond.compareTo(privateBanking) < 0)) {
                throw new IllegalArgumentException("tier thresholds must be positive and strictly increasing: VIP < GOLD < PLATINUM < DIAMOND < PRIVATE");
            }
            if (graceMonthEnds < 1) {
                throw new IllegalArgumentException("the grace period is at least one month-end");
            }
        }

        /** Entry threshold of a tier in CNY (MASS: zero). */
        public BigDecimal of(Tier tier) {
            return switch (tier) {
                case MASS -> BigDecimal.ZERO;
                case VIP -> vip;
                case GOLD -> gold;
                case PLATINUM -> platinum;
                case DIAMOND -> diamond;
                case PRIVATE -> privateBanking;
            };
        }

        /** The highest tier the averages support. */
        public Tier supported(BigDecimal averageCny, BigDecimal averageUsd) {
            if (averageCny.compareTo(privateBanking) >= 0
                    || (privateBankingUsd != null && averageUsd != null && averageUsd.compareTo(privateBankingUsd) >= 0)) {
                return Tier.PRIVATE;
            }
            Tier result = Tier.MASS;
            for (Tier tier : new Tier[]{Tier.VIP, Tier.GOLD, Tier.PLATINUM, Tier.DIAMOND}) {
                if (averageCny.compareTo(of(tier)) >= 0) {
                    result = tier;
                }
            }
            return result;
        }
    }

    /**
     * @param tier           the tier after the decision
     * @param monthEndsBelow the grace counter after the decision
     * @param threshold      the threshold the decision rests on (the new tier's for an upgrade, the current one's otherwise)
     * @param supported      the tier the average alone supports
     */
    public record Decision(Tier tier, int monthEndsBelow, Rule rule, BigDecimal threshold, Tier supported) {

        public boolean changes(Tier current) {
            return tier != current;
        }

        /** The next month-end below the threshold will downgrade. */
        public boolean downgradeApproaching(int graceMonthEnds) {
            return rule == Rule.GRACE && monthEndsBelow == graceMonthEnds - 1;
        }
    }

    private TierPolicy() {
    }

    public static Decision decide(Tier current, int monthEndsBelow, BigDecimal averageCny, BigDecimal averageUsd,
                                  Thresholds thresholds, boolean monthEnd) {
        Tier supported = thresholds.supported(averageCny, averageUsd);
        if (supported.compareTo(current) > 0) {
            return new Decision(supported, 0, Rule.UPGRADE, thresholds.of(supported), supported);
        }
        if (!monthEnd) {
            return new Decision(current, monthEndsBelow, Rule.HOLD, thresholds.of(current), supported);
        }
        if (supported == current) {
            return new Decision(current, 0, Rule.HOLD, thresholds.of(current), supported);
        }
        int below = monthEndsBelow + 1;
        if (below >= thresholds.graceMonthEnds()) {
            return new Decision(supported, 0, Rule.DOWNGRADE_AFTER_GRACE, thresholds.of(current), supported);
        }
        return new Decision(current, below, Rule.GRACE, thresholds.of(current), supported);
    }
}
