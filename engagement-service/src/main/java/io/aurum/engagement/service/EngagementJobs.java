package io.aurum.engagement.service;

import io.aurum.common.problem.ApiException;
import io.aurum.engagement.config.EngagementConfig;
import io.aurum.engagement.loyalty.Loyalty;
import io.aurum.engagement.performance.MonthClose;
import io.aurum.engagement.rules.CareWindow;
import io.aurum.messaging.RunsAlone;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When the time-driven work runs: daily care at 07:00 bank time, complaint deadlines every 15 minutes, points expiry at
 * 01:15, the month's figures at 03:30. Both are also
 * callable for a given moment ({@link #asOf}); a moment in the future is accepted only where
 * {@code aurum.engagement.allow-future-as-of} is set (test and acceptance environments: a controllable clock).
 */
@ApplicationScoped
public class EngagementJobs {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-12-31T00:00:00Z");

    private final DailyCare daily;
    private final Complaints complaints;
    private final EngagementConfig config;
    private final Clock clock;
    private final MonthClose months;
    private final Loyalty loyalty;

    public EngagementJobs(DailyCare daily, Complaints complaints, EngagementConfig config, Clock clock, MonthClose months,
                          Loyalty loyalty) {
        this.months = months;
        this.loyalty = loyalty;
        this.daily = daily;
        this.complaints = complaints;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(cron = "${aurum.engagement.daily-cron:0 0 7 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @RunsAlone("engagement.daily-care")
    void dailyCare() {
        daily.run(clock.instant());
    }

    @Scheduled(cron = "${aurum.engagement.sla-cron:0 */15 * * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @RunsAlone("engagement.complaint-deadlines")
    void complaintDeadlines() {
        complaints.escalate(clock.instant());
    }

    /**
     * Nightly: closes the previous month if it has no complete run yet, and computes the current month to date (team
     * leads follow their month as it goes).
     */
    @Scheduled(cron = "${aurum.contribution.month-close-cron:0 30 3 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @RunsAlone("engagement.month-close")
    void monthClose() {
        Instant now = clock.instant();
        YearMonth current = YearMonth.from(now.atZone(CareWindow.BANK_ZONE));
        if (!months.closed(current.minusMonths(1))) {
            months.run(current.minusMonths(1), now, "scheduler");
        }
        months.run(current, now, "scheduler");
    }

    @Scheduled(cron = "${aurum.contribution.points-expiry-cron:0 15 1 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @RunsAlone("engagement.points-expiry")
    void pointsExpiry() {
        loyalty.expire(LocalDate.ofInstant(clock.instant(), CareWindow.BANK_ZONE));
    }

    /** The moment a job run on demand stands for: now by default; the future only with a controllable clock. */
    public Instant asOf(Instant requested) {
        Instant now = clock.instant();
        if (requested == null) {
            return now;
        }
        if (requested.isAfter(now.plusSeconds(60)) && !config.allowFutureAsOf()) {
            throw ApiException.badField("asOf", "must not be in the future");
        }
        if (requested.isBefore(EARLIEST) || requested.isAfter(LATEST)) {
            throw ApiException.badField("asOf", "must be between 2000 and 2100");
        }
        return requested;
    }
}
