package io.aurum.engagement.performance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.util.Map;

/** How a client's contribution (客户贡献度) is counted; application.properties documents each default. */
@ConfigMapping(prefix = "aurum.contribution")
public interface ContributionConfig {

    /**
     * Revenue per asset class (CASH, FIXED_INCOME, EQUITY, ALTERNATIVE, INSURANCE) as a yearly rate on the amount held
     * (fees and margins): 0.0060 = 0.60 % a year.
     */
    Map<String, BigDecimal> revenueRates();

    /** The yearly rate for a class without a rate, and for holdings an event does not break down by class. */
    @WithDefault("0.0050")
    BigDecimal defaultRevenueRate();

    /** The service budget per tier as a share of the month's revenue from the client (0.25 = a quarter). */
    Map<String, BigDecimal> budgetShare();

    /** What one redeemed loyalty point costs the bank, in CNY. */
    @WithDefault("0.01")
    BigDecimal pointValueCny();

    /** Points earned per CNY 10,000 of average AUM held in a month (0 turns the rule off). */
    @WithDefault("1")
    long monthlyAumPoints();

    /**
     * When the month figures are computed: the previous month if it has no complete run yet, and the current one to
     * date (Quartz cron, Asia/Shanghai; "off" disables).
     */
    @WithDefault("0 30 3 * * ?")
    String monthCloseCron();

    /** When points past their validity expire (Quartz cron; "off" disables). */
    @WithDefault("0 15 1 * * ?")
    String pointsExpiryCron();
}
