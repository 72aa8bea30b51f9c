package io.aurum.risk.service;

import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.messaging.Outbox;
import io.aurum.risk.config.RiskConfig;
import io.aurum.risk.domain.Channel;
import io.aurum.risk.domain.RiskAssessment;
import io.aurum.risk.domain.SuitabilityException;
import io.aurum.risk.suitability.ConflictPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Suitability exceptions under the ACKNOWLEDGED policy: the client's acknowledgement is recorded, a compliance
 * officer approves or rejects it, and an approved exception is honoured by later checks while the client's level
 * is the one it was granted for.
 */
@ApplicationScoped
public class ExceptionService {

    public static final String TOPIC = "risk.suitability";

    public record ExceptionDecided(UUID exceptionId, UUID clientId, String productId, int riskRating, String clientLevel,
                                   String status, String decidedBy, Instant decidedAt) {
        static ExceptionDecided of(SuitabilityException e) {
            return new ExceptionDecided(e.id, e.clientId, e.productId, e.riskRating, e.clientLevel.name(), e.status.name(),
                    e.decidedBy, e.decidedAt);
        }
    }

    private final ClientAccessGuard guard;
    private final RiskConfig config;
    private final Outbox outbox;
    private final Clock clock;

    public ExceptionService(ClientAccessGuard guard, RiskConfig config, Outbox outbox, Clock clock) {
        this.guard = guard;
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public SuitabilityException request(UUID clientId, String productId, int riskRating, String acknowledgement, Caller caller) {
        guard.requireRead(caller, clientId);
        if (config.suitability().conflictPolicy() != ConflictPolicy.ACKNOWLEDGED) {
            throw ApiException.conflict("policy-strict", "The bank's policy is STRICT: a product above the client's level "
                    + "is refused. Reassess the client instead.");
        }
        Instant now = clock.instant();
        RiskAssessment profile = RiskAssessment.latest(clientId).filter(a -> a.validUntil.isAfter(now))
                .orElseThrow(() -> new ApiException(409, "no-risk-profile", "No valid risk profile",
                        "Client " + clientId + " has no valid risk profile; assess the client first"));
        if (profile.level.mayBuy(riskRating)) {
            throw ApiException.conflict("no-exception-needed", "A " + profile.level + " client may buy R" + riskRating
                    + " without an exception");
        }
        SuitabilityException e = new SuitabilityException();
        e.id = UUID.randomUUID();
        e.clientId = clientId;
        e.productId = productId;
        e.riskRating = riskRating;
        e.clientLevel = profile.level;
        e.acknowledgementText = acknowledgement;
        e.acknowledgedAt = now;
        e.acknowledgedChannel = caller.is(Roles.CLIENT) ? Channel.MOBILE : Channel.BRANCH;
        e.requestedBy = caller.subject();
        e.status = SuitabilityException.Status.PENDING_APPROVAL;
        e.createdAt = now;
        e.persist();
        return e;
    }

    @Transactional
    public SuitabilityException decide(UUID id, boolean approve, String note, Caller compliance) {
        SuitabilityException e = SuitabilityException.findById(id);
        if (e == null) {
            throw ApiException.notFound("Suitability exception", id);
        }
        if (e.status != SuitabilityException.Status.PENDING_APPROVAL) {
            throw ApiException.conflict("exception-decided", "Exception " + id + " is already " + e.status);
        }
        e.status = approve ? SuitabilityException.Status.APPROVED : SuitabilityException.Status.REJECTED;
        e.decidedBy = compliance.subject();
        e.decidedAt = clock.instant();
        e.decisionNote = note;
        outbox.publish(TOPIC, approve ? "SuitabilityExceptionApproved" : "SuitabilityExceptionRejected", 1, e.clientId,
                ExceptionDecided.of(e));
        return e;
    }

    @Transactional
    public List<SuitabilityException> forClient(UUID clientId, Caller caller) {
        guard.requireRead(caller, clientId);
        return SuitabilityException.list("clientId = ?1 order by createdAt desc", clientId);
    }

    /** Approved exceptions still in force: granted for the client's current level. */
    public Map<String, UUID> approvedFor(UUID clientId, RiskAssessment currentProfile) {
        Map<String, UUID> approved = new HashMap<>();
        if (currentProfile == null) {
            return approved;
        }
        List<SuitabilityException> list = SuitabilityException.list("clientId = ?1 and status = ?2 and clientLevel = ?3",
                clientId, SuitabilityException.Status.APPROVED, currentProfile.level);
        list.forEach(e -> approved.put(e.productId, e.id));
        return approved;
    }
}
