package io.aurum.risk.messaging;

import io.agroal.api.AgroalDataSource;
import io.aurum.messaging.AdvisoryLocks;
import io.aurum.messaging.RunsAlone;
import io.aurum.messaging.ScheduledAlone;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A scheduled job runs on one replica at a time: another session holding the job's lock (a second replica) skips it. */
@QuarkusTest
class ScheduledAloneTest {

    @Inject
    ScheduledAlone alone;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Probe probe;

    /** A job declared the way the services declare theirs. */
    @ApplicationScoped
    static class Probe {
        private final AtomicInteger runs = new AtomicInteger();

        @RunsAlone("test.probe")
        void fire() {
            runs.incrementAndGet();
        }

        int runs() { // through a method: the injected client proxy has fields of its own
            return runs.get();
        }
    }

    private static boolean lock(Connection session, String function, String job) throws Exception {
        return AdvisoryLocks.call(session, function, ScheduledAlone.LOCK_CLASS, job);
    }

    @Test
    void aJobAnotherReplicaIsRunningIsSkippedAndRunsOnceItsLockIsFree() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(true);
            assertThat(lock(otherReplica, "pg_try_advisory_lock", "test.job")).isTrue();
            assertThat(alone.run("test.job", runs::incrementAndGet)).isFalse();
            assertThat(runs).hasValue(0);
            // another job is not affected
            assertThat(alone.run("test.other-job", runs::incrementAndGet)).isTrue();
            assertThat(runs).hasValue(1);
            lock(otherReplica, "pg_advisory_unlock", "test.job");

            // while it runs here, the other replica cannot take it; afterwards it can
            boolean[] heldWhileRunning = new boolean[1];
            assertThat(alone.run("test.job", () -> {
                runs.incrementAndGet();
                try {
                    heldWhileRunning[0] = !lock(otherReplica, "pg_try_advisory_lock", "test.job");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })).isTrue();
            assertThat(heldWhileRunning[0]).isTrue();
            assertThat(runs).hasValue(2);
            assertThat(lock(otherReplica, "pg_try_advisory_lock", "test.job")).isTrue();
            lock(otherReplica, "pg_advisory_unlock", "test.job");
        }
    }

    @Test
    void aMethodMarkedRunsAloneGoesThroughTheJobsLock() throws Exception {
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(true);
            assertThat(lock(otherReplica, "pg_try_advisory_lock", "test.probe")).isTrue();
            probe.fire();
            assertThat(probe.runs()).isZero();
            lock(otherReplica, "pg_advisory_unlock", "test.probe");
            probe.fire();
            assertThat(probe.runs()).isEqualTo(1);
        }
    }
}
