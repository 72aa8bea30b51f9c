package io.aurum.client.aum;

import io.agroal.api.AgroalDataSource;
import io.aurum.messaging.AdvisoryLocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unfinished upload job is failed only when no instance runs it: another replica's running job (its advisory lock
 * held by another session, as a second pod would) keeps its status and its staged rows.
 */
@QuarkusTest
class UploadOwnershipTest {

    @Inject
    EntityManager em;

    @Inject
    AumUploads uploads;

    @Inject
    AgroalDataSource dataSource;

    private UUID unfinishedJob() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO aum_upload_job (id, status, format, submitted_by, submitted_at, bytes_total)"
                    + " VALUES (?1, 'APPLYING', 'CSV', 'ownership-test', now(), 100)").setParameter(1, id).executeUpdate();
            em.createNativeQuery("INSERT INTO aum_upload_row (job_id, row_no, as_of, client_id, product_code, asset_class,"
                            + " currency, amount, amount_cny) VALUES (?1, 1, current_date, ?2, 'P1', 'CASH', 'CNY', 1, 1)")
                    .setParameter(1, id).setParameter(2, UUID.randomUUID()).executeUpdate();
        });
        return id;
    }

    private Object[] state(UUID job) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("SELECT status,"
                        + " (SELECT count(*) FROM aum_upload_row WHERE job_id = j.id), failure FROM aum_upload_job j WHERE id = ?1")
                .setParameter(1, job).getSingleResult());
    }

    private static void lock(Connection session, UUID job, String function) throws Exception {
        AdvisoryLocks.call(session, function, AumUploads.JOB_LOCK_CLASS, job.toString());
    }

    @Test
    void aJobAnotherInstanceRunsIsLeftAloneAndAnOrphanedOneFails() throws Exception {
        UUID running = unfinishedJob();
        UUID orphaned = unfinishedJob();
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(true);
            lock(otherInstance, running, "pg_advisory_lock");

            assertThat(uploads.failOrphans()).isGreaterThanOrEqualTo(1);
            assertThat(state(running)[0]).isEqualTo("APPLYING");
            assertThat(((Number) state(running)[1]).longValue()).isEqualTo(1);
            assertThat(state(orphaned)[0]).isEqualTo("FAILED");
            assertThat(((Number) state(orphaned)[1]).longValue()).isZero();
            assertThat((String) state(orphaned)[2]).contains("instance running it stopped");

            // the other instance goes away: its job is now an orphan too
            lock(otherInstance, running, "pg_advisory_unlock");
        }
        assertThat(uploads.failOrphans()).isGreaterThanOrEqualTo(1);
        assertThat(state(running)[0]).isEqualTo("FAILED");
        assertThat(((Number) state(running)[1]).longValue()).isZero();
    }
}
