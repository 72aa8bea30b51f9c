package io.aurum.risk.service;

import io.aurum.messaging.Outbox;
import io.aurum.messaging.RunsAlone;
import io.aurum.risk.config.RiskConfig;
import io.aurum.risk.domain.RiskAssessment;
import io.aurum.risk.messaging.RiskTopics;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Raises RiskProfileExpiring before a client's current profile expires (30 days by default) and
 * RiskProfileExpired once it has. Each notice is raised once per assessment; a reassessment makes the
 * older assessment no longer current, so it raises nothing more.
 */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    public record Outcome(int expiring, int expired) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final RiskConfig config;
    private final Clock clock;

    public ExpiryJob(EntityManager em, Outbox outbox, RiskConfig config, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(cron = "${aurum.risk.expiry-cron:0 30 0 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @RunsAlone("risk.profile-expiry")
    void daily() {
        Outcome outcome = run(clock.instant());
        LOG.infof("Risk profile expiry: %d expiring, %d expired", outcome.expiring(), outcome.expired());
    }

    /** Raises the notices due at {@code now}; callable with any moment (tests, catch-up after downtime). */
    @Transactional
    public Outcome run(Instant now) {
        Instant horizon = ZonedDateTime.ofInstant(now, AssessmentService.BANK_ZONE).plus(config.reminderBeforeExpiry()).toInstant();
        List<RiskAssessment> due = em.createQuery("""
                        from RiskAssessment a where a.validUntil <= :horizon
                          and a.assessedAt = (select max(b.assessedAt) from RiskAssessment b where b.clientId = a.clientId)""",
                        RiskAssessment.class)
                .setParameter("horizon", horizon)
                .getResultList();
        int expiring = 0;
        int expired = 0;
        for (RiskAssessment a : due) {
            if (!a.validUntil.isAfter(now)) {
                if (raise(a.id, "EXPIRED", now)) {
                    outbox.publish(RiskTopics.PROFILE, "RiskProfileExpired", 1, a.clientId, RiskTopics.RiskProfileEvent.of(a));
                    expired++;
                }
            } else if (raise(a.id, "EXPIRING", now)) {
                outbox.publish(RiskTopics.PROFILE, "RiskProfileExpiring", 1, a.clientId, RiskTopics.RiskProfileEvent.of(a));
                expiring++;
            }
        }
        return new Outcome(expiring, expired);
    }

    private boolean raise(UUID assessmentId, String kind, Instant now) {
        return em.createNativeQuery("INSERT INTO risk_profile_notice (assessment_id, kind, raised_at) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, assessmentId)
                .setParameter(2, kind)
                .setParameter(3, now)
                .executeUpdate() == 1;
    }
}
