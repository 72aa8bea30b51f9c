package io.aurum.advisory.service;

import io.aurum.messaging.RunsAlone;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Time-driven work: presented proposals expire (hourly), acceptances whose cooling-off has passed become final, and every
 * client's drift is evaluated (nightly).
 */
@ApplicationScoped
public class AdviceJobs {

    private static final Logger LOG = Logger.getLogger(AdviceJobs.class);

    private final Proposals proposals;
    private final ProposalAcceptance acceptance;
    private final DriftMonitor drift;
    private final Clock clock;

    public AdviceJobs(Proposals proposals, ProposalAcceptance acceptance, DriftMonitor drift, Clock clock) {
        this.proposals = proposals;
        this.acceptance = acceptance;
        this.drift = drift;
        this.clock = clock;
    }

    @Scheduled(cron = "${aurum.advice.expiry-cron:0 5 * * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @RunsAlone("advice.proposal-expiry")
    void expire() {
        int n = proposals.expireDue(clock.instant());
        if (n > 0) {
            LOG.infof("%d presented proposal(s) expired", n);
        }
    }

    @Scheduled(cron = "${aurum.advice.cooling-off-cron:0 */5 * * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @RunsAlone("advice.cooling-off")
    void finaliseCoolingOff() {
        int n = acceptance.finaliseDue(clock.instant());
        if (n > 0) {
            LOG.infof("%d acceptance(s) became final after their cooling-off", n);
        }
    }

    @Scheduled(cron = "${aurum.advice.drift-cron:0 15 2 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @RunsAlone("advice.drift-run")
    void driftRun() {
        drift.evaluateAll(2000);
    }
}
