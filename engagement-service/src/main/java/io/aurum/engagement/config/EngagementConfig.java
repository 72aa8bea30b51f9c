package io.aurum.engagement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** engagement-service settings; application.properties documents each default. */
@ConfigMapping(prefix = "aurum.engagement")
public interface EngagementConfig {

    /** Longest gap between meaningful contacts per tier, in days (tiers not listed have no cadence). */
    Map<String, Integer> cadenceDays();

    /** Care days by name, each with its dates (lunar festivals move: list the coming years). */
    Map<String, List<String>> careDays();

    /** How many days before a birthday or care day the care task is due. */
    @WithDefault("7")
    int careLeadDays();

    /** How many days before a holding matures the follow-up is due. */
    @WithDefault("7")
    int maturityLeadDays();

    /** A presented proposal unanswered this long asks for a follow-up. */
    @WithDefault("P14D")
    Duration proposalFollowUpAfter();

    Complaints complaints();

    /** When the daily care job runs (Quartz cron, Asia/Shanghai; "off" disables). */
    @WithDefault("0 0 7 * * ?")
    String dailyCron();

    /** When complaint deadlines are checked (Quartz cron; "off" disables). */
    @WithDefault("0 */15 * * * ?")
    String slaCron();

    /**
     * Whether the job endpoints accept an {@code asOf} in the future (a controllable clock for test and acceptance
     * environments; never in production).
     */
    @WithDefault("false")
    boolean allowFutureAsOf();

    interface Complaints {
        /** Acknowledge within (default 24 hours). */
        @WithDefault("PT24H")
        Duration acknowledgeWithin();

        /** Resolve within (default 15 days). */
        @WithDefault("P15D")
        Duration resolveWithin();
    }
}
