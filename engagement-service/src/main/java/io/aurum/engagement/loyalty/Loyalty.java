package io.aurum.engagement.loyalty;

import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.engagement.domain.ClientCard;
import io.aurum.engagement.rules.CareWindow;
import io.aurum.engagement.service.BookAccess;
import io.aurum.engagement.service.NativeValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tier benefits with yearly quotas and loyalty points (积分). Everything that touches one client's points or quotas
 * first locks that client's {@code points_account} row, so concurrent redemptions or benefit uses are serialised: a
 * balance never goes below zero and a quota is never exceeded. The ledger is append-only (database trigger); each
 * earning names its source event and rule (unique), so a redelivered event earns nothing twice.
 */
@ApplicationScoped
public class Loyalty {

    static final List<String> TIERS = List.of("MASS", "VIP", "GOLD", "PLATINUM", "DIAMOND", "PRIVATE");

    public record Benefit(String code, String minTier, String kind, String nameZh, String nameEn, String terms,
                         Integer yearlyQuota, boolean active) {
    }

    public record ClientBenefit(Benefit benefit, Integer usedThisYear, Integer remaining) {
    }

    /** A ledger entry: {@code createdBy} is the maker, {@code checkedBy} the checker (null when none was required). */
    public record Entry(UUID id, String kind, long points, String rule, String description, UUID sourceEventId,
                        String rewardCode, LocalDate expiresOn, Instant at, String createdBy, String checkedBy) {
    }

    /** {@code reserved}: promised to pending redemptions and corrections; {@code available} = balance − reserved. */
    public record Statement(UUID clientId, long balance, long reserved, long available, List<Entry> entries) {
    }

    /** A points act waiting for (or decided by) a checker: PENDING, APPROVED or REJECTED. */
    public record Approval(UUID id, UUID clientId, String kind, long points, String rule, String reason, String rewardCode,
                           String description, String status, String maker, Instant requestedAt, String checker,
                           Instant decidedAt, String note, UUID entryId) {
    }

    public record Expiry(LocalDate on, long clients, long points) {
    }

    public record Reward(String code, String kind, String nameZh, String nameEn, long pointsCost, int stock, boolean active) {
    }

    private final BookAccess access;
    private final EntityManager em;
    private final Clock clock;
    private final int validityMonths;
    private final long checkerThreshold;

    public Loyalty(BookAccess access, EntityManager em, Clock clock,
                   @ConfigProperty(name = "aurum.loyalty.points-valid-months", defaultValue = "24") int validityMonths,
                   @ConfigProperty(name = "aurum.loyalty.checker-threshold-points", defaultValue = "5000") long checkerThreshold) {
        this.access = access;
        this.em = em;
        this.clock = clock;
        this.validityMonths = validityMonths;
        this.checkerThreshold = checkerThreshold;
    }

    // ---- points

    /**
     * Credits points for one source event and rule, once: returns false when this event already earned under this rule.
     * Runs in the caller's transaction (the consumer's, with its processed-event mark).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean earn(UUID clientId, long points, String rule, UUID sourceEventId, String description) {
        if (points <= 0) {
            return false;
        }
        lockAccount(clientId);
        Instant now = clock.instant();
        int inserted = em.createNativeQuery("""
                        INSERT INTO points_entry (id, client_id, kind, points, rule, source_event_id, description, expires_on,
                                                  created_by, created_at)
                        VALUES (?1, ?2, 'EARN', ?3, ?4, ?5, ?6, ?7, 'engagement-service', ?8)
                        ON CONFLICT (source_event_id, rule) WHERE source_event_id IS NOT NULL DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, clientId).setParameter(3, points).setParameter(4, rule)
                .setParameter(5, sourceEventId).setParameter(6, description)
                .setParameter(7, LocalDate.ofInstant(now, CareWindow.BANK_ZONE).plusMonths(validityMonths))
                .setParameter(8, Timestamp.from(now)).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        em.createNativeQuery("UPDATE points_account SET balance = balance + ?2, updated_at = now() WHERE client_id = ?1")
                .setParameter(1, clientId).setParameter(2, points).executeUpdate();
        return true;
    }

    /**
     * Redeems a reward: balance and stock checked under locks; the same idempotency key twice changes nothing (409).
     * Above {@code aurum.loyalty.checker-threshold-points} the redemption waits for a checker: the points are reserved
     * and the reward's stock taken, so neither can be spent twice meanwhile; the answer is then an {@link Approval}.
     */
    @Transactional
    public Object redeem(Caller caller, UUID clientId, String rewardCode, String idempotencyKey) {
        requireClientOrStaff(caller, clientId);
        long available = lockAccount(clientId);
        Number seen = (Number) em.createNativeQuery("SELECT (SELECT count(*) FROM points_entry WHERE client_id = ?1 AND idempotency_key = ?2)"
                        + " + (SELECT count(*) FROM points_approval WHERE client_id = ?1 AND idempotency_key = ?2)")
                .setParameter(1, clientId).setParameter(2, idempotencyKey).getSingleResult();
        if (seen.longValue() > 0) {
            throw new ApiException(409, "duplicate-redemption", "Already redeemed with this key",
                    "a redemption with idempotency key " + idempotencyKey + " exists; nothing was changed");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT points_cost, stock, active, name_en FROM reward WHERE code = ?1 FOR UPDATE")
                .setParameter(1, rewardCode).getResultList();
        if (rows.isEmpty() || !(Boolean) rows.get(0)[2]) {
            throw ApiException.badField("rewardCode", "no such reward in the catalogue");
        }
        long cost = ((Number) rows.get(0)[0]).longValue();
        int stock = ((Number) rows.get(0)[1]).intValue();
        if (stock <= 0) {
            throw ApiException.conflict("out-of-stock", rewardCode + " is out of stock");
        }
        if (available < cost) {
            throw new ApiException(409, "insufficient-points", "Not enough points",
                    "the reward costs " + cost + " points; the available balance is " + available);
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String maker = maker(caller);
        String description = "Redeemed: " + rows.get(0)[3];
        em.createNativeQuery("UPDATE reward SET stock = stock - 1 WHERE code = ?1").setParameter(1, rewardCode).executeUpdate();
        if (cost + unchecked(clientId, maker, "REDEEM", now) > checkerThreshold) {
            em.createNativeQuery("""
                            INSERT INTO points_approval (id, client_id, kind, points, rule, reason, idempotency_key, reward_code,
                                                         description, status, maker, requested_at)
                            VALUES (?1, ?2, 'REDEEM', ?3, 'REDEMPTION', 'ABOVE_THRESHOLD', ?4, ?5, ?6, 'PENDING', ?7, ?8)""")
                    .setParameter(1, id).setParameter(2, clientId).setParameter(3, -cost).setParameter(4, idempotencyKey)
                    .setParameter(5, rewardCode).setParameter(6, description).setParameter(7, maker)
                    .setParameter(8, Timestamp.from(now)).executeUpdate();
            reserve(clientId, cost);
            return approval(id);
        }
        em.createNativeQuery("""
                        INSERT INTO points_entry (id, client_id, kind, points, rule, idempotency_key, reward_code, description,
                                                  created_by, created_at)
                        VALUES (?1, ?2, 'REDEEM', ?3, 'REDEMPTION', ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, id).setParameter(2, clientId).setParameter(3, -cost).setParameter(4, idempotencyKey)
                .setParameter(5, rewardCode).setParameter(6, description)
                .setParameter(7, maker).setParameter(8, Timestamp.from(now))
                .executeUpdate();
        em.createNativeQuery("UPDATE points_account SET balance = balance - ?2, updated_at = now() WHERE client_id = ?1")
                .setParameter(1, clientId).setParameter(2, cost).executeUpdate();
        return new Entry(id, "REDEEM", -cost, "REDEMPTION", description, null, rewardCode, null, now, maker, null);
    }

    /**
     * A correction is a new entry (ops): never an edit of an old one. Above the checker threshold (either sign) it waits
     * for a checker; a pending negative correction reserves its points. Answers an {@link Entry} or an {@link Approval}.
     */
    @Transactional
    public Object adjust(Caller caller, UUID clientId, long points, String reason) {
        if (ClientCard.findById(clientId) == null) {
            throw ApiException.notFound("Client", clientId);
        }
        long available = lockAccount(clientId);
        if (points == 0) {
            throw ApiException.badField("points", "must not be zero");
        }
        if (available + points < 0) {
            throw new ApiException(409, "insufficient-points", "The balance cannot go below zero",
                    "the available balance is " + available + "; an adjustment of " + points + " would make it negative");
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String maker = maker(caller);
        if (Math.abs(points) + unchecked(clientId, maker, "ADJUST", now) > checkerThreshold) {
            em.createNativeQuery("""
                            INSERT INTO points_approval (id, client_id, kind, points, rule, reason, description, status, maker, requested_at)
                            VALUES (?1, ?2, 'ADJUST', ?3, 'CORRECTION', 'ABOVE_THRESHOLD', ?4, 'PENDING', ?5, ?6)""")
                    .setParameter(1, id).setParameter(2, clientId).setParameter(3, points).setParameter(4, reason)
                    .setParameter(5, maker).setParameter(6, Timestamp.from(now)).executeUpdate();
            if (points < 0) {
                reserve(clientId, -points);
            }
            return approval(id);
        }
        em.createNativeQuery("INSERT INTO points_entry (id, client_id, kind, points, rule, description, created_by, created_at)"
                        + " VALUES (?1, ?2, 'ADJUST', ?3, 'CORRECTION', ?4, ?5, ?6)")
                .setParameter(1, id).setParameter(2, clientId).setParameter(3, points).setParameter(4, reason)
                .setParameter(5, maker).setParameter(6, Timestamp.from(now)).executeUpdate();
        em.createNativeQuery("UPDATE points_account SET balance = balance + ?2, updated_at = now() WHERE client_id = ?1")
                .setParameter(1, clientId).setParameter(2, points).executeUpdate();
        return new Entry(id, "ADJUST", points, "CORRECTION", reason, null, null, null, now, maker, null);
    }

    /**
     * An earning that must be reviewed first (a referral the recording RM could have staged): it waits as an approval
     * keyed by its source event and rule, so a redelivered event holds nothing twice. Returns false when already held.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean holdEarning(UUID clientId, long points, String rule, UUID sourceEventId, String description, String maker) {
        if (points <= 0) {
            return false;
        }
        lockAccount(clientId);
        return em.createNativeQuery("""
                        INSERT INTO points_approval (id, client_id, kind, points, rule, reason, source_event_id, description, status,
                                                     maker, requested_at)
                        VALUES (?1, ?2, 'EARN', ?3, ?4, 'REFERRAL_REVIEW', ?5, ?6, 'PENDING', ?7, ?8)
                        ON CONFLICT (source_event_id, rule) WHERE source_event_id IS NOT NULL DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, clientId).setParameter(3, points).setParameter(4, rule)
                .setParameter(5, sourceEventId).setParameter(6, description).setParameter(7, maker)
                .setParameter(8, Timestamp.from(clock.instant())).executeUpdate() > 0;
    }

    /** What waits for (or was decided by) a checker: compliance sees all, a team lead its team's clients. */
    @Transactional
    public List<Approval> approvals(Caller caller, String status, int limit) {
        boolean all = caller.is(Roles.COMPLIANCE_OFFICER);
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT a.id FROM points_approval a LEFT JOIN client_card c ON c.client_id = a.client_id"
                        + " WHERE a.status = ?1 AND (?2 OR c.team = ?3) ORDER BY a.requested_at, a.id LIMIT ?4")
                .setParameter(1, status).setParameter(2, all).setParameter(3, caller.team() == null ? "" : caller.team())
                .setParameter(4, limit).getResultList();
        return ids.stream().map(this::approval).toList();
    }

    /**
     * A checker decides a pending act: a compliance officer, or a team lead of the client's team — never its maker
     * (403 {@code maker-cannot-check}). Approving posts the ledger entry naming both; rejecting releases what was
     * reserved (points and the reward's stock). A decided act cannot be decided again (409 {@code already-decided}).
     */
    @Transactional
    public Approval decide(Caller caller, UUID approvalId, boolean approve, String note) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT client_id, kind, points, rule, source_event_id, idempotency_key, reward_code,"
                        + " description, status, maker FROM points_approval WHERE id = ?1 FOR UPDATE")
                .setParameter(1, approvalId).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Approval", approvalId);
        }
        Object[] r = rows.get(0);
        UUID clientId = (UUID) r[0];
        String kind = (String) r[1];
        long points = ((Number) r[2]).longValue();
        String maker = (String) r[9];
        ClientCard card = ClientCard.findById(clientId);
        boolean checker = caller.is(Roles.COMPLIANCE_OFFICER)
                || (caller.is(Roles.TEAM_LEAD) && card != null && card.team != null && card.team.equals(caller.team()));
        if (!checker) {
            throw ApiException.notFound("Approval", approvalId);
        }
        if (maker.equals(caller.username())) {
            throw new ApiException(403, "maker-cannot-check", "The maker cannot check",
                    maker + " requested this; another person (compliance, or the client's team lead) decides");
        }
        if (!"PENDING".equals(r[8])) {
            throw ApiException.conflict("already-decided", "this approval is already " + r[8]);
        }
        lockAccount(clientId);
        Instant now = clock.instant();
        UUID entryId = null;
        if (approve) {
            entryId = UUID.randomUUID();
            em.createNativeQuery("""
                            INSERT INTO points_entry (id, client_id, kind, points, rule, source_event_id, idempotency_key, reward_code,
                                                      description, expires_on, created_by, checked_by, approval_id, created_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)""")
                    .setParameter(1, entryId).setParameter(2, clientId).setParameter(3, kind).setParameter(4, points)
                    .setParameter(5, r[3]).setParameter(6, r[4]).setParameter(7, r[5]).setParameter(8, r[6]).setParameter(9, r[7])
                    .setParameter(10, points > 0 ? LocalDate.ofInstant(now, CareWindow.BANK_ZONE).plusMonths(validityMonths) : null)
                    .setParameter(11, maker).setParameter(12, caller.username()).setParameter(13, approvalId)
                    .setParameter(14, Timestamp.from(now)).executeUpdate();
            em.createNativeQuery("UPDATE points_account SET balance = balance + ?2, reserved = reserved - ?3, updated_at = now()"
                            + " WHERE client_id = ?1")
                    .setParameter(1, clientId).setParameter(2, points).setParameter(3, points < 0 ? -points : 0).executeUpdate();
        } else {
            if (points < 0) {
                em.createNativeQuery("UPDATE points_account SET reserved = reserved - ?2, updated_at = now() WHERE client_id = ?1")
                        .setParameter(1, clientId).setParameter(2, -points).executeUpdate();
            }
            if ("REDEEM".equals(kind)) {
                em.createNativeQuery("UPDATE reward SET stock = stock + 1 WHERE code = ?1").setParameter(1, r[6]).executeUpdate();
            }
        }
        em.createNativeQuery("UPDATE points_approval SET status = ?2, checker = ?3, decided_at = ?4, note = ?5, entry_id = ?6 WHERE id = ?1")
                .setParameter(1, approvalId).setParameter(2, approve ? "APPROVED" : "REJECTED").setParameter(3, caller.username())
                .setParameter(4, Timestamp.from(now)).setParameter(5, note).setParameter(6, entryId).executeUpdate();
        if ("REFERRAL".equals(r[3])) {
            em.createNativeQuery("UPDATE referral SET review_status = ?2, reviewed_by = ?3, reviewed_at = ?4 WHERE converted_event_id = ?1")
                    .setParameter(1, r[4]).setParameter(2, approve ? "APPROVED" : "REJECTED").setParameter(3, caller.username())
                    .setParameter(4, Timestamp.from(now)).executeUpdate();
        }
        return approval(approvalId);
    }

    private void reserve(UUID clientId, long points) {
        em.createNativeQuery("UPDATE points_account SET reserved = reserved + ?2, updated_at = now() WHERE client_id = ?1")
                .setParameter(1, clientId).setParameter(2, points).executeUpdate();
    }

    private Approval approval(UUID id) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT id, client_id, kind, points, rule, reason, reward_code, description, status,"
                        + " maker, requested_at, checker, decided_at, note, entry_id FROM points_approval WHERE id = ?1")
                .setParameter(1, id).getSingleResult();
        return new Approval((UUID) r[0], (UUID) r[1], (String) r[2], ((Number) r[3]).longValue(), (String) r[4], (String) r[5],
                (String) r[6], (String) r[7], (String) r[8], (String) r[9], NativeValues.instant(r[10]), (String) r[11],
                NativeValues.instant(r[12]), (String) r[13], (UUID) r[14]);
    }

    /**
     * Points this maker moved for this client in the last 24 hours without a checker: what counts against the threshold
     * is the day's total, so splitting a large correction or redemption into small ones does not escape the checker.
     */
    private long unchecked(UUID clientId, String maker, String kind, Instant now) {
        Number total = (Number) em.createNativeQuery("SELECT coalesce(sum(abs(points)), 0) FROM points_entry WHERE client_id = ?1"
                        + " AND created_by = ?2 AND kind = ?3 AND checked_by IS NULL AND created_at > ?4")
                .setParameter(1, clientId).setParameter(2, maker).setParameter(3, kind)
                .setParameter(4, Timestamp.from(now.minus(java.time.Duration.ofDays(1)))).getSingleResult();
        return total.longValue();
    }

    private static String maker(Caller caller) {
        return caller.username() == null ? "unknown" : caller.username();
    }

    /**
     * Points past their validity lapse (an EXPIRE entry per client, idempotency key {@code EXPIRY:day}, so a rerun of
     * the day changes nothing). First in, first out: what was spent (redemptions, earlier expiries, negative corrections)
     * used the oldest points first, so what lapses on {@code day} is what was earned with a validity up to that day
     * minus everything spent, never more than the balance.
     */
    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 1800)
    public Expiry expire(LocalDate day) {
        Object[] r = (Object[]) em.createNativeQuery("""
                        WITH due AS (
                            SELECT client_id,
                                   coalesce(sum(points) FILTER (WHERE points > 0 AND expires_on <= ?1), 0)
                                       - coalesce(-sum(points) FILTER (WHERE points < 0), 0) AS lapsing
                            FROM points_entry GROUP BY client_id
                        ), lapsing AS (
                            SELECT a.client_id, least(a.balance - a.reserved, d.lapsing) AS points
                            FROM due d JOIN points_account a ON a.client_id = d.client_id
                            WHERE d.lapsing > 0 AND a.balance - a.reserved > 0
                            FOR UPDATE OF a
                        ), entries AS (
                            INSERT INTO points_entry (id, client_id, kind, points, rule, idempotency_key, description,
                                                      created_by, created_at)
                            SELECT gen_random_uuid(), client_id, 'EXPIRE', -points, 'EXPIRY', 'EXPIRY:' || cast(?1 AS text),
                                   'Points past their validity on ' || cast(?1 AS text), 'engagement-service', now()
                            FROM lapsing WHERE points > 0
                            ON CONFLICT (client_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
                            RETURNING client_id, points
                        ), debited AS (
                            UPDATE points_account a SET balance = a.balance + e.points, updated_at = now()
                            FROM entries e WHERE a.client_id = e.client_id
                            RETURNING e.points
                        )
                        SELECT count(*), coalesce(-sum(points), 0) FROM debited""")
                .setParameter(1, day).getSingleResult();
        return new Expiry(day, ((Number) r[0]).longValue(), ((Number) r[1]).longValue());
    }

    @Transactional
    public Statement statement(Caller caller, UUID clientId, int limit) {
        access.requireReadOrOps(caller, clientId);
        Object[] account = (Object[]) em.createNativeQuery("SELECT coalesce((SELECT balance FROM points_account WHERE client_id = ?1), 0),"
                        + " coalesce((SELECT reserved FROM points_account WHERE client_id = ?1), 0)")
                .setParameter(1, clientId).getSingleResult();
        long balance = ((Number) account[0]).longValue();
        long reserved = ((Number) account[1]).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, kind, points, rule, description, source_event_id, reward_code,"
                        + " expires_on, created_at, created_by, checked_by FROM points_entry WHERE client_id = ?1 ORDER BY created_at DESC, id LIMIT ?2")
                .setParameter(1, clientId).setParameter(2, limit).getResultList();
        return new Statement(clientId, balance, reserved, balance - reserved, rows.stream().map(r -> new Entry((UUID) r[0], (String) r[1],
                ((Number) r[2]).longValue(), (String) r[3], (String) r[4], (UUID) r[5], (String) r[6],
                NativeValues.date(r[7]), NativeValues.instant(r[8]), (String) r[9], (String) r[10]))
                .toList());
    }

    @Transactional
    public List<Reward> rewards() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT code, kind, name_zh, name_en, points_cost, stock, active FROM reward ORDER BY points_cost")
                .getResultList();
        return rows.stream().map(r -> new Reward((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).longValue(), ((Number) r[5]).intValue(), (Boolean) r[6])).toList();
    }

    // ---- benefits

    @Transactional
    public List<Benefit> catalogue() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT code, min_tier, kind, name_zh, name_en, terms, yearly_quota, active"
                + " FROM benefit ORDER BY code").getResultList();
        return rows.stream().map(Loyalty::benefit).toList();
    }

    @Transactional
    public Benefit putBenefit(Caller caller, Benefit b, java.math.BigDecimal unitCostCny) {
        if (!TIERS.contains(b.minTier()) || "MASS".equals(b.minTier())) {
            throw ApiException.badField("minTier", "must be VIP, GOLD, PLATINUM, DIAMOND or PRIVATE");
        }
        em.createNativeQuery("""
                        INSERT INTO benefit (code, min_tier, kind, name_zh, name_en, terms, yearly_quota, active, updated_by, updated_at,
                                             unit_cost_cny)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, now(), coalesce(cast(?10 AS numeric), 0))
                        ON CONFLICT (code) DO UPDATE SET min_tier = EXCLUDED.min_tier, kind = EXCLUDED.kind, name_zh = EXCLUDED.name_zh,
                            name_en = EXCLUDED.name_en, terms = EXCLUDED.terms, yearly_quota = EXCLUDED.yearly_quota,
                            active = EXCLUDED.active, updated_by = EXCLUDED.updated_by, updated_at = now(),
                            unit_cost_cny = coalesce(cast(?10 AS numeric), benefit.unit_cost_cny)""")
                .setParameter(1, b.code()).setParameter(2, b.minTier()).setParameter(3, b.kind()).setParameter(4, b.nameZh())
                .setParameter(5, b.nameEn()).setParameter(6, b.terms()).setParameter(7, b.yearlyQuota()).setParameter(8, b.active())
                .setParameter(9, caller.username()).setParameter(10, unitCostCny).executeUpdate();
        return b;
    }

    /** The client's benefits at its current tier, with what is left of each quota this (bank) year. */
    @Transactional
    public List<ClientBenefit> forClient(Caller caller, UUID clientId) {
        ClientCard card = access.requireReadOrOps(caller, clientId);
        int year = LocalDate.ofInstant(clock.instant(), CareWindow.BANK_ZONE).getYear();
        Map<String, Integer> used = usedThisYear(clientId, year);
        return catalogue().stream().filter(b -> b.active() && entitled(card.tier, b.minTier())).map(b -> {
            Integer u = used.getOrDefault(b.code(), 0);
            return new ClientBenefit(b, u, b.yearlyQuota() == null ? null : Math.max(0, b.yearlyQuota() - u));
        }).toList();
    }

    /** Records the use of a benefit; past the yearly quota, or above the client's tier, it is refused and nothing is recorded. */
    @Transactional
    public ClientBenefit use(Caller caller, UUID clientId, String code, LocalDate on, String note) {
        ClientCard card = access.requireStaff(caller, clientId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), CareWindow.BANK_ZONE);
        if (on != null && (on.getYear() != today.getYear() || on.isAfter(today))) {
            // the day decides the quota year: a use dated in another year would escape this year's quota
            throw ApiException.badField("on", "must be a day of the current quota year " + today.getYear() + " up to today ("
                    + today + "); leave it out to use today");
        }
        lockAccount(clientId);
        Benefit b = catalogue().stream().filter(x -> x.code().equals(code) && x.active()).findFirst()
                .orElseThrow(() -> ApiException.notFound("Benefit", code));
        if (!entitled(card.tier, b.minTier())) {
            throw new ApiException(409, "not-entitled", "Not a benefit of the client's tier",
                    b.code() + " starts at " + b.minTier() + "; the client is " + card.tier);
        }
        LocalDate day = on == null ? today : on;
        int used = usedThisYear(clientId, day.getYear()).getOrDefault(code, 0);
        if (b.yearlyQuota() != null && used >= b.yearlyQuota()) {
            throw new ApiException(409, "quota-exhausted", "The yearly quota is used up",
                    b.code() + ": " + used + " of " + b.yearlyQuota() + " used in " + day.getYear());
        }
        em.createNativeQuery("INSERT INTO benefit_use (id, client_id, benefit_code, used_on, used_year, note, recorded_by, recorded_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, now())")
                .setParameter(1, UUID.randomUUID()).setParameter(2, clientId).setParameter(3, code).setParameter(4, day)
                .setParameter(5, day.getYear()).setParameter(6, note).setParameter(7, caller.username()).executeUpdate();
        return new ClientBenefit(b, used + 1, b.yearlyQuota() == null ? null : b.yearlyQuota() - used - 1);
    }

    // ---- helpers

    /** Creates the client's account if missing and locks it for this transaction; returns the available balance (not reserved). */
    private long lockAccount(UUID clientId) {
        em.createNativeQuery("INSERT INTO points_account (client_id, balance, updated_at) VALUES (?1, 0, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, clientId).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT balance - reserved FROM points_account WHERE client_id = ?1 FOR UPDATE")
                .setParameter(1, clientId).getSingleResult()).longValue();
    }

    private Map<String, Integer> usedThisYear(UUID clientId, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT benefit_code, count(*) FROM benefit_use WHERE client_id = ?1 AND used_year = ?2"
                + " GROUP BY benefit_code").setParameter(1, clientId).setParameter(2, year).getResultList();
        Map<String, Integer> m = new java.util.HashMap<>();
        rows.forEach(r -> m.put((String) r[0], ((Number) r[1]).intValue()));
        return m;
    }

    private void requireClientOrStaff(Caller caller, UUID clientId) {
        if (BookAccess.isSelf(caller, clientId)) {
            return;
        }
        access.requireStaff(caller, clientId);
    }

    static boolean entitled(String clientTier, String minTier) {
        return TIERS.indexOf(clientTier) >= TIERS.indexOf(minTier);
    }

    private static Benefit benefit(Object[] r) {
        return new Benefit((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                r[6] == null ? null : ((Number) r[6]).intValue(), (Boolean) r[7]);
    }
}
