package io.aurum.client.aum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.aurum.client.audit.AuditActions;
import io.aurum.client.audit.AuditTrail;
import io.aurum.client.service.Sql;
import io.aurum.client.service.StepClock;
import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.web.CorrelationId;
import io.aurum.messaging.AdvisoryLocks;
import io.aurum.messaging.PgCopy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bulk AUM uploads (CSV or JSON lines, up to millions of rows) as asynchronous jobs: the file is spooled to disk,
 * then one worker parses and validates it, streams the good rows into an unlogged staging table with COPY
 * (progress visible on the job), and applies the whole file in one transaction: positions of each (client, day)
 * in the file replace the old ones, daily totals are recomputed, and the follow-up (current AUM, events,
 * outflows, tiers) runs set-based. Bad rows are counted and reported with their row number; good rows load.
 */
@ApplicationScoped
public class AumUploads {

    private static final Logger LOG = Logger.getLogger(AumUploads.class);
    static final int MAX_STORED_ERRORS = 1000;
    private static final int PROGRESS_ROWS = 50_000;
    /** The advisory-lock class of upload jobs (client-service's replays use 12): (13, hashtext(job id)). */
    static final int JOB_LOCK_CLASS = 13;
    static final List<String> CSV_COLUMNS = List.of("as_of", "client_id", "product_code", "asset_class", "currency",
            "amount", "risk_rating");

    public enum Format { CSV, JSONL }

    public record RowError(long row, String field, String message) {
    }

    public record Job(UUID id, String status, String format, String submittedBy, Instant submittedAt, Instant startedAt,
                      Instant finishedAt, long bytesTotal, long bytesRead, int percent, long rowsRead, long rowsLoaded,
                      long rowsRejected, long clientsAffected, String failure, List<RowError> errors,
                      boolean errorsTruncated) {
    }

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final FxRates fxRates;
    private final AumFollowUp followUp;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final long maxBytes;
    /** Guards {@link #ownerSession}, the session holding the locks of this instance's jobs (opened on first use). */
    private final Object ownerLock = new Object();
    private Connection ownerSession;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "aum-upload");
        t.setDaemon(true);
        return t;
    });

    public AumUploads(EntityManager em, AgroalDataSource dataSource, FxRates fxRates, AumFollowUp followUp,
                      AuditTrail audit, ObjectMapper mapper,
                      @ConfigProperty(name = "aurum.aum.max-upload-bytes", defaultValue = "1073741824") long maxBytes) {
        this.em = em;
        this.dataSource = dataSource;
        this.fxRates = fxRates;
        this.followUp = followUp;
        this.audit = audit;
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    /**
     * Fails the jobs whose instance is gone (a restart, a crash, a scaled-down pod): their spooled file went with it, so
     * they cannot resume. A job belongs to the instance that holds its advisory lock ({@link #own}); PostgreSQL releases
     * the lock when that instance's session ends, so a job whose lock can be taken has no instance running it. Every
     * replica sweeps, and none touches another's running job — failing jobs by status alone, as a start-up step did
     * before, let a pod that started during another's upload delete that upload's staged rows in the middle of its
     * apply.
     */
    @Scheduled(every = "${aurum.aum.orphan-sweep-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        failOrphans();
    }

    /** One sweep; returns how many jobs it failed. */
    int failOrphans() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> orphans = em.createNativeQuery("SELECT id FROM (SELECT id FROM aum_upload_job"
                            + " WHERE status IN ('QUEUED', 'PARSING', 'APPLYING') OFFSET 0) unfinished"
                            + " WHERE pg_try_advisory_xact_lock(" + JOB_LOCK_CLASS + ", hashtext(id::text))")
                    .getResultList();
            if (orphans.isEmpty()) {
                return 0;
            }
            em.createNativeQuery("DELETE FROM aum_upload_row WHERE job_id IN (?1)").setParameter(1, orphans).executeUpdate();
            em.createNativeQuery("UPDATE aum_upload_job SET status = 'FAILED', finished_at = now(), failure = 'interrupted:"
                            + " the instance running it stopped; nothing was applied - send the file again'"
                            + " WHERE id IN (?1) AND status IN ('QUEUED', 'PARSING', 'APPLYING')")
                    .setParameter(1, orphans).executeUpdate();
            LOG.warnf("%d AUM upload job(s) whose instance stopped marked FAILED: %s", orphans.size(), orphans);
            return orphans.size();
        });
    }

    /**
     * Makes the job this instance's until {@link #disown}: a session-level advisory lock on one connection kept for
     * the purpose (one lock per queued or running job; the session ends with the process).
     */
    private void own(UUID jobId) throws SQLException {
        ownerLock(jobId, "pg_advisory_lock");
    }

    private void disown(UUID jobId) {
        try {
            ownerLock(jobId, "pg_advisory_unlock");
        } catch (SQLException e) {
            LOG.warnf("AUM upload %s: its lock was not released (%s); it went with the session", jobId, e.getMessage());
        }
    }

    private void ownerLock(UUID jobId, String function) throws SQLException {
        synchronized (ownerLock) {
            try {
                if (ownerSession == null || ownerSession.isClosed()) {
                    ownerSession = dataSource.getConnection();
                    ownerSession.setAutoCommit(true);
                }
                AdvisoryLocks.call(ownerSession, function, JOB_LOCK_CLASS, jobId.toString());
            } catch (SQLException e) {
                closeQuietly(ownerSession); // a broken session holds no locks; the next call opens a new one
                ownerSession = null;
                throw e;
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.debugf("owner session not closed cleanly: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        synchronized (ownerLock) {
            closeQuietly(ownerSession);
        }
    }

    /** Spools the body to disk and queues the job; returns at once with the job to poll. */
    public Job submit(Format format, InputStream body, Caller caller) {
        UUID id = UUID.randomUUID();
        Path file;
        long size;
        try {
            file = Files.createTempFile("aurum-aum-" + id, "." + format.name().toLowerCase(Locale.ROOT));
            try (OutputStream out = Files.newOutputStream(file)) {
                size = copyLimited(body, out);
            }
        } catch (IOException e) {
            throw new ApiException(400, "upload-unreadable", "Upload failed", "The upload could not be read: " + e.getMessage());
        }
        if (size < 0) {
            deleteQuietly(file);
            throw new ApiException(413, "payload-too-large", "Payload too large",
                    "An upload is at most " + maxBytes + " bytes; split the file");
        }
        if (size == 0) {
            deleteQuietly(file);
            throw ApiException.badField("body", "the upload is empty");
        }
        String correlationId = CorrelationId.current();
        try {
            own(id); // before the job exists, so no sweep ever sees it unowned
        } catch (SQLException e) {
            deleteQuietly(file);
            throw new IllegalStateException("could not take the upload's lock: " + e.getMessage(), e);
        }
        try {
            queue(id, format, file, size, correlationId, caller);
        } catch (RuntimeException e) {
            disown(id);
            deleteQuietly(file);
            throw e;
        }
        return job(id);
    }

    private void queue(UUID id, Format format, Path file, long size, String correlationId, Caller caller) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO aum_upload_job (id, status, format, submitted_by, submitted_at, bytes_total)"
                            + " VALUES (?1, 'QUEUED', ?2, ?3, now(), ?4)")
                    .setParameter(1, id).setParameter(2, format.name())
                    .setParameter(3, caller.subject() == null ? "system" : caller.subject())
                    .setParameter(4, size).executeUpdate();
            audit.record(caller, AuditActions.AUM_UPLOADED, null, "job " + id + ", " + format + ", " + size + " bytes", null);
        });
        worker.submit(() -> {
            CorrelationId.set(correlationId);
            try {
                run(id, format, file);
            } finally {
                disown(id);
                deleteQuietly(file);
                CorrelationId.set(null);
            }
        });
    }

    private long copyLimited(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
                return -1;
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    void run(UUID jobId, Format format, Path file) {
        try {
            status(jobId, "PARSING", true);
            long staged = parseAndStage(jobId, format, file);
            status(jobId, "APPLYING", false);
            QuarkusTransaction.requiringNew().timeout(3600).run(() -> apply(jobId, staged));
        } catch (RuntimeException | IOException | SQLException e) {
            LOG.errorf(e, "AUM upload %s failed", jobId);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("DELETE FROM aum_upload_row WHERE job_id = ?1").setParameter(1, jobId).executeUpdate();
                em.createNativeQuery("UPDATE aum_upload_job SET status = 'FAILED', finished_at = now(), failure = ?2 WHERE id = ?1")
                        .setParameter(1, jobId).setParameter(2, reason.length() > 2000 ? reason.substring(0, 2000) : reason)
                        .executeUpdate();
            });
        }
    }

    /**
     * Parses and validates the file row by row and streams the good rows into the staging table through one COPY, so
     * PostgreSQL stores rows while the next ones are parsed; the job's progress is written on a second connection.
     * Returns how many rows were staged.
     */
    private long parseAndStage(UUID jobId, Format format, Path file) throws IOException, SQLException {
        FxTable rates = fxRates.table();
        long rowNo = 0;
        long loaded = 0;
        long rejected = 0;
        long bytesRead = 0;
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> columns = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16);
             Connection staging = dataSource.getConnection();
             Connection progress = dataSource.getConnection()) {
            staging.setAutoCommit(true);
            progress.setAutoCommit(true);
            try (Writer copy = PgCopy.writer(staging, "COPY aum_upload_row (job_id, row_no, as_of, client_id, product_code,"
                    + " asset_class, currency, amount, amount_cny, risk_rating) FROM STDIN WITH (FORMAT text)")) {
                String line;
                while ((line = reader.readLine()) != null) {
                    bytesRead += line.length() + 1L;
                    if (format == Format.CSV && columns == null) {
                        columns = header(line);
                        continue;
                    }
                    if (line.isBlank()) {
                        continue;
                    }
                    rowNo++;
                    try {
                        PositionRow row = format == Format.CSV ? csvRow(line, columns, rates) : jsonRow(line, rates);
                        copy.write(row.copyLine(jobId, rowNo));
                        loaded++;
                    } catch (PositionRow.Invalid e) {
                        rejected++;
                        if (errors.size() < MAX_STORED_ERRORS) {
                            errors.add(new RowError(rowNo, e.field(), e.getMessage()));
                        }
                    }
                    if (rowNo % PROGRESS_ROWS == 0) {
                        progress(progress, jobId, bytesRead, rowNo, loaded, rejected);
                    }
                }
                if (format == Format.CSV && columns == null) {
                    throw new IllegalArgumentException("the CSV file has no header line");
                }
            }
            storeErrors(progress, jobId, errors);
            progress(progress, jobId, bytesRead, rowNo, loaded, rejected);
        }
        return loaded;
    }

    private static Map<String, Integer> header(String line) {
        String[] names = line.replace("\uFEFF", "").split(",", -1);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : CSV_COLUMNS.subList(0, 6)) {
            if (!columns.containsKey(required)) {
                throw new IllegalArgumentException("the CSV header lacks the column " + required
                        + " (expected " + String.join(",", CSV_COLUMNS) + ")");
            }
        }
        return columns;
    }

    private static PositionRow csvRow(String line, Map<String, Integer> columns, FxTable rates) throws PositionRow.Invalid {
        String[] f = line.split(",", -1);
        if (f.length < columns.size()) {
            throw new PositionRow.Invalid("row", "has " + f.length + " fields, the header has " + columns.size());
        }
        Integer risk = columns.get("risk_rating");
        return PositionRow.parse(f[columns.get("as_of")], f[columns.get("client_id")], f[columns.get("product_code")],
                f[columns.get("asset_class")], f[columns.get("currency")], f[columns.get("amount")],
                risk == null ? null : f[risk], rates);
    }

    private PositionRow jsonRow(String line, FxTable rates) throws PositionRow.Invalid {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (IOException e) {
            throw new PositionRow.Invalid("row", "is not a JSON object");
        }
        if (node == null || !node.isObject()) {
            throw new PositionRow.Invalid("row", "is not a JSON object");
        }
        return fromJson(node, text(node, "asOf"), text(node, "clientId"), rates);
    }

    static PositionRow fromJson(JsonNode node, String asOf, String clientId, FxTable rates) throws PositionRow.Invalid {
        JsonNode amount = node.get("amount");
        if (amount != null && !amount.isNumber() && !amount.isTextual() && !amount.isNull()) {
            throw new PositionRow.Invalid("amount", "is not a number");
        }
        return PositionRow.parse(asOf, clientId, text(node, "productCode"), text(node, "assetClass"),
                text(node, "currency"), amount == null || amount.isNull() ? null : amount.asText(),
                text(node, "riskRating"), rates);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static void progress(Connection connection, UUID jobId, long bytesRead, long rows, long loaded, long rejected)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE aum_upload_job SET bytes_read = ?, rows_read = ?,"
                + " rows_loaded = ?, rows_rejected = ? WHERE id = ?")) {
            ps.setLong(1, bytesRead);
            ps.setLong(2, rows);
            ps.setLong(3, loaded);
            ps.setLong(4, rejected);
            ps.setObject(5, jobId);
            ps.executeUpdate();
        }
    }

    private static void storeErrors(Connection connection, UUID jobId, List<RowError> errors) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO aum_upload_error (job_id, row_no, field, message) VALUES (?, ?, ?, ?)")) {
            for (RowError e : errors) {
                ps.setObject(1, jobId);
                ps.setLong(2, e.row());
                ps.setString(3, e.field());
                ps.setString(4, e.message());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** One transaction: unknown clients rejected, positions replaced, daily totals and the follow-up. */
    private void apply(UUID jobId, long staged) {
        StepClock clock = new StepClock();
        AumFollowUp.analyzeIfGrown(em, "aum_upload_row", staged);
        // rows for clients client-service does not know are rejected with their row number
        int unknown = em.createNativeQuery("""
                        WITH bad AS (DELETE FROM aum_upload_row r WHERE r.job_id = ?1
                                     AND NOT EXISTS (SELECT 1 FROM client c WHERE c.id = r.client_id) RETURNING r.row_no)
                        INSERT INTO aum_upload_error (job_id, row_no, field, message)
                        SELECT ?1, row_no, 'clientId', 'unknown client' FROM bad""")
                .setParameter(1, jobId).executeUpdate();
        if (unknown > 0) {
            em.createNativeQuery("""
                            DELETE FROM aum_upload_error e WHERE e.job_id = ?1 AND e.ctid IN (
                                SELECT ctid FROM aum_upload_error WHERE job_id = ?1 ORDER BY row_no OFFSET ?2)""")
                    .setParameter(1, jobId).setParameter(2, MAX_STORED_ERRORS).executeUpdate();
        }
        clock.end("unknown clients");
        em.createNativeQuery("""
                        DELETE FROM aum_position p USING (SELECT DISTINCT client_id, as_of FROM aum_upload_row WHERE job_id = ?1) n
                        WHERE p.client_id = n.client_id AND p.as_of = n.as_of""")
                .setParameter(1, jobId).executeUpdate();
        int positions = em.createNativeQuery("""
                        INSERT INTO aum_position (client_id, as_of, product_code, asset_class, currency, amount, amount_cny, risk_rating, job_id)
                        SELECT client_id, as_of, product_code, asset_class, currency, amount, amount_cny, risk_rating, job_id
                        FROM aum_upload_row WHERE job_id = ?1""")
                .setParameter(1, jobId).executeUpdate();
        AumFollowUp.analyzeIfGrown(em, "aum_position", positions);
        clock.end("positions replaced");
        // the day's totals of every (client, day) in the file, replacing earlier ones
        int days = em.createNativeQuery("""
                        INSERT INTO aum_daily (client_id, as_of, total_cny, high_risk_cny, usd_amount)
                        SELECT client_id, as_of, sum(amount_cny), coalesce(sum(amount_cny) FILTER (WHERE risk_rating >= 4), 0),
                               coalesce(sum(amount) FILTER (WHERE currency = 'USD'), 0)
                        FROM aum_upload_row WHERE job_id = ?1 GROUP BY client_id, as_of
                        ON CONFLICT (client_id, as_of) DO UPDATE SET total_cny = EXCLUDED.total_cny,
                            high_risk_cny = EXCLUDED.high_risk_cny, usd_amount = EXCLUDED.usd_amount""")
                .setParameter(1, jobId).executeUpdate();
        AumFollowUp.analyzeIfGrown(em, "aum_daily", days);
        clock.end("daily totals");
        AumFollowUp.Result result = followUp.afterUpload(jobId);
        clock.end("follow-up [" + result.steps() + "]");
        em.createNativeQuery("DELETE FROM aum_upload_row WHERE job_id = ?1").setParameter(1, jobId).executeUpdate();
        em.createNativeQuery("UPDATE aum_upload_job SET status = 'COMPLETED', finished_at = now(),"
                        + " rows_loaded = rows_loaded - ?2, rows_rejected = rows_rejected + ?2, clients_affected = ?3 WHERE id = ?1")
                .setParameter(1, jobId).setParameter(2, unknown).setParameter(3, result.clients()).executeUpdate();
        LOG.infof("AUM upload %s applied: %d client(s), %d unknown-client row(s), %d outflow alert(s), tiering %s; seconds: %s",
                jobId, result.clients(), unknown, result.outflows(), result.tiering(), clock.end("clean-up"));
    }

    private void status(UUID jobId, String status, boolean started) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE aum_upload_job SET status = ?2"
                        + (started ? ", started_at = now()" : "") + " WHERE id = ?1")
                .setParameter(1, jobId).setParameter(2, status).executeUpdate());
    }

    public Job job(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, status, format, submitted_by, submitted_at, started_at,"
                            + " finished_at, bytes_total, bytes_read, rows_read, rows_loaded, rows_rejected, clients_affected,"
                            + " failure FROM aum_upload_job WHERE id = ?1")
                    .setParameter(1, id).getResultList();
            if (rows.isEmpty()) {
                throw ApiException.notFound("Upload job", id);
            }
            Object[] r = rows.get(0);
            @SuppressWarnings("unchecked")
            List<Object[]> errorRows = em.createNativeQuery("SELECT row_no, field, message FROM aum_upload_error"
                            + " WHERE job_id = ?1 ORDER BY row_no LIMIT 101")
                    .setParameter(1, id).getResultList();
            List<RowError> errors = errorRows.stream().limit(100)
                    .map(e -> new RowError(((Number) e[0]).longValue(), (String) e[1], (String) e[2])).toList();
            long total = ((Number) r[7]).longValue();
            long read = ((Number) r[8]).longValue();
            String status = (String) r[1];
            int percent = "COMPLETED".equals(status) ? 100 : total == 0 ? 0 : (int) Math.min(99, read * 100 / total);
            return new Job((UUID) r[0], status, (String) r[2], (String) r[3], Sql.instant(r[4]), Sql.instant(r[5]),
                    Sql.instant(r[6]), total, read, percent, ((Number) r[9]).longValue(), ((Number) r[10]).longValue(),
                    ((Number) r[11]).longValue(), ((Number) r[12]).longValue(), (String) r[13], errors,
                    errorRows.size() > 100);
        });
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Spooled upload %s not deleted: %s", file, e.getMessage());
        }
    }
}
