package io.aurum.messaging;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs a scheduled job on one replica at a time. Every replica's scheduler fires the same cron; the replica that takes
 * the job's session-level advisory lock in the service's database ({@value #LOCK_CLASS}, {@code hashtext(job)}) runs
 * it and the others skip, so two replicas never run a month-end or a daily job side by side (the work done twice, lock
 * waits on the same rows, and the later transaction rolled back on a unique key). The lock is held on a connection of
 * its own for the job's duration and goes with the session if the process dies. The jobs stay idempotent: a replica
 * whose clock runs late may start a job another has just finished, and finds nothing left to do. Jobs declare it with
 * {@link RunsAlone} on their {@code @Scheduled} method. (client-service also uses advisory-lock classes 12, replays,
 * and 13, upload jobs.)
 */
@ApplicationScoped
public class ScheduledAlone {

    private static final Logger LOG = Logger.getLogger(ScheduledAlone.class);
    public static final int LOCK_CLASS = 14;

    private final AgroalDataSource dataSource;

    public ScheduledAlone(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} unless another replica is running {@code job} now; returns whether it ran here. */
    public boolean run(String job, Runnable work) {
        try (Connection session = dataSource.getConnection()) {
            session.setAutoCommit(true);
            if (!AdvisoryLocks.call(session, "pg_try_advisory_lock", LOCK_CLASS, job)) {
                LOG.infof("%s is running on another replica; skipped here", job);
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                try {
                    AdvisoryLocks.call(session, "pg_advisory_unlock", LOCK_CLASS, job);
                } catch (SQLException e) {
                    LOG.warnf("%s: its lock was not released (%s); it goes with the session", job, e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(job + ": could not take its lock: " + e.getMessage(), e);
        }
    }
}
