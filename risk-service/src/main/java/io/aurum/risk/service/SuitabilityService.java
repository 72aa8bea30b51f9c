package io.aurum.risk.service;

import io.aurum.common.security.Caller;
import io.aurum.risk.config.RiskConfig;
import io.aurum.risk.domain.ClientRef;
import io.aurum.risk.domain.RiskAssessment;
import io.aurum.risk.suitability.ClientRiskFacts;
import io.aurum.risk.suitability.ProductLine;
import io.aurum.risk.suitability.SuitabilityCheck;
import io.aurum.risk.suitability.SuitabilityResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Gathers the client's facts from risk-service's own data (no call to client-service) and runs the pure check. */
@ApplicationScoped
public class SuitabilityService {

    private final ClientAccessGuard guard;
    private final ExceptionService exceptions;
    private final RiskConfig config;
    private final Clock clock;
    private final EntityManager em;

    public SuitabilityService(ClientAccessGuard guard, ExceptionService exceptions, RiskConfig config, Clock clock,
                              EntityManager em) {
        this.guard = guard;
        this.exceptions = exceptions;
        this.config = config;
        this.clock = clock;
        this.em = em;
    }

    /**
     * {@code binding} says whether the product attributes are the shelf's (advisory-service) or the caller's own (a
     * what-if); both kinds are recorded, marked, so compliance can tell them apart.
     * <p>
     * The check reads the client's facts and never changes them, so they are loaded read-only: no snapshot copies
     * and no dirty checks at commit (for the JSON consents of the client reference that was a JSON round trip per
     * load). The one write is the compliance record, inserted directly.
     */
    @Transactional
    public SuitabilityResult check(UUID clientId, List<ProductLine> lines, Caller caller, boolean binding) {
        em.unwrap(Session.class).setDefaultReadOnly(true);
        ClientRef ref = guard.requireRead(caller, clientId);
        Optional<RiskAssessment> latest = RiskAssessment.latest(clientId);
        ClientRiskFacts facts = new ClientRiskFacts(
                latest.map(a -> a.level).orElse(null),
                latest.map(a -> a.validUntil).orElse(null),
                latest.map(a -> a.horizonMonths).orElse(null),
                ref == null ? null : ref.birthDate,
                ref == null ? null : ref.aumCny,
                ref == null ? null : ref.highRiskHoldingsCny,
                ref == null ? null : ref.householdNetFinancialAssets,
                ref == null ? null : ref.financialAssets,
                ref == null ? null : ref.averageIncome3y);
        Instant now = clock.instant();
        SuitabilityResult result = SuitabilityCheck.check(facts, lines, config.suitability().policy(), now,
                exceptions.approvedFor(clientId, latest.filter(a -> a.validUntil.isAfter(now)).orElse(null)));
        String[] reasons = result.lines().stream().flatMap(l -> l.reasons().stream())
                .map(r -> r.code().name()).distinct().sorted().toArray(String[]::new);
        em.createNativeQuery("INSERT INTO suitability_check (id, client_id, overall, reason_codes, line_count, checked_by, checked_at,"
                        + " binding) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, clientId)
                .setParameter(3, result.overall().name())
                .setParameter(4, reasons)
                .setParameter(5, lines.size())
                .setParameter(6, caller.subject() == null ? "unknown" : caller.subject())
                .setParameter(7, now)
                .setParameter(8, binding)
                .executeUpdate();
        return result;
    }
}
