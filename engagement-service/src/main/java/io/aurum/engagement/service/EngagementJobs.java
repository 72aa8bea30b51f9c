package io.aurum.engagement.service;

import io.aurum.common.problem.ApiException;
import io.aurum.engagement.config.EngagementConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/**
 * When the time-driven work runs: daily care at 07:00 bank time, complaint deadlines every 15 minutes. Both are also
 * callable for a given moment ({@link #asOf}); a moment in the future is accepted only where
 * {@code aurum.engagement.allow-future-as-of} is set (test and acceptance environments: a controllable clock).
 */
@ApplicationScoped
public class EngagementJobs {

    private final DailyCare daily;
    private final Complaints complaints;
    private final EngagementConfig config;
    private final Clock clock;

    public EngagementJobs(DailyCare daily, Complaints complaints, EngagementConfig config, Clock clock) {
        this.daily = daily;
        this.complaints = complaints;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(cron = "${aurum.engagement.daily-cron:0 0 7 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dailyCare() {
        daily.run(clock.instant());
    }

    @Scheduled(cron = "${aurum.engagement.sla-cron:0 */15 * * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void complaintDeadlines() {
        complaints.escalate(clock.instant());
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
        return requested;
    }
}
