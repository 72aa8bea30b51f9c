package io.aurum.client.tiering;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** Tier thresholds and rules (product brief defaults; every bank sets its own). */
@ConfigMapping(prefix = "aurum.tiering")
public interface TieringConfig {

    @WithDefault("100000")
    BigDecimal vip();

    @WithDefault("500000")
    BigDecimal gold();

    @WithDefault("1000000")
    BigDecimal platinum();

    @WithDefault("6000000")
    BigDecimal diamond();

    @WithDefault("10000000")
    BigDecimal privateBanking();

    /** PRIVATE also when the average of USD-denominated holdings reaches this (USD). */
    @WithDefault("1000000")
    BigDecimal privateBankingUsd();

    /** Consecutive month-ends below the threshold before a downgrade. */
    @WithDefault("3")
    int graceMonthEnds();

    /** Length of the trailing average window in months. */
    @WithDefault("3")
    int windowMonths();

    /** Clients at or above this AUM must have a complete profile (建档率 100%). */
    @WithDefault("200000")
    BigDecimal completeProfileFrom();

    /** Cron of the month-end run (evaluates the month that just ended). */
    @WithDefault("0 30 1 1 * ?")
    String monthEndCron();

    default TierPolicy.Thresholds thresholds() {
        return new TierPolicy.Thresholds(vip(), gold(), platinum(), diamond(), privateBanking(), privateBankingUsd(),
                graceMonthEnds());
    }
}
