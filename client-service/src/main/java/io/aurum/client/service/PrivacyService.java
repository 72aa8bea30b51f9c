package io.aurum.client.service;

import io.aurum.client.audit.AuditActions;
import io.aurum.client.audit.AuditTrail;
import io.aurum.client.domain.Client;
import io.aurum.client.domain.ConsentChannel;
import io.aurum.client.domain.ConsentPurpose;
import io.aurum.client.domain.LifecycleStatus;
import io.aurum.client.messaging.ClientEvents;
import io.aurum.client.messaging.ClientTopics;
import io.aurum.client.rest.ClientView;
import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Data-subject rights (export, erasure), the audit trail query and PII key rotation. */
@ApplicationScoped
public class PrivacyService {

    public record AuditEntry(long id, Instant at, String actor, String actorRoles, String action, UUID clientId,
                             String detail, String purpose, String correlationId) {
    }

    public record Position(LocalDate asOf, String productCode, String assetClass, String currency, BigDecimal amount,
                           BigDecimal amountCny, Integer riskRating) {
    }

    public record TierHistoryEntry(String fromTier, String toTier, Instant changedAt, LocalDate asOf,
                                   BigDecimal averageAumCny, BigDecimal thresholdCny, String rule, int monthEndsBelow) {
    }

    public record Export(Instant exportedAt, ClientView profile, List<RelationshipService.Link> relationships,
                         ConsentService.Consents consents, List<CoverageService.Assignment> coverage,
                         List<TierHistoryEntry> tierHistory, List<Position> positions, List<AuditEntry> auditTrail) {
    }

    private final ClientService clients;
    private final ClientPii pii;
    private final RelationshipService relationships;
    private final ConsentService consents;
    private final CoverageService coverage;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final EntityManager em;

    public PrivacyService(ClientService clients, ClientPii pii, RelationshipService relationships,
                          ConsentService consents, CoverageService coverage, AuditTrail audit, Outbox outbox,
                          EntityManager em) {
        this.clients = clients;
        this.pii = pii;
        this.relationships = relationships;
        this.consents = consents;
        this.coverage = coverage;
        this.audit = audit;
        this.outbox = outbox;
        this.em = em;
    }

    /** Everything client-service holds about a client, unmasked (the client itself, its team lead or compliance). */
    @Transactional
    public Export export(UUID clientId, Caller caller) {
        Client client = clients.get(clientId, caller);
        boolean teamLead = caller.is(Roles.TEAM_LEAD) && caller.team() != null && caller.team().equals(client.team);
        if (!ClientAccess.isSelf(caller, client) && !teamLead && !caller.is(Roles.COMPLIANCE_OFFICER)) {
            throw new ApiException(403, "forbidden", "Forbidden", "A data export is for the client itself, its team lead or compliance");
        }
        audit.record(caller, AuditActions.DATA_EXPORTED, clientId, "full export", "DATA_SUBJECT_REQUEST");
        return new Export(Instant.now(), ClientView.of(client, pii.open(client), false),
                relationships.links(clientId, caller), consents.load(clientId), coverage.history(clientId, caller),
                tierHistory(clientId), positions(clientId), auditOf(clientId));
    }

    /**
     * Erasure: the profile is pseudonymised (name, birth date, identity, contact data, preferences removed), every
     * consent withdrawn and the relationship closed. Regulatory records stay: AUM positions, tier history, KYC/AML
     * ratings, consent history and the audit trail (keyed by the client id, which carries no personal data).
     */
    @Transactional
    public Client erase(UUID clientId, String reason, Caller caller) {
        Client client = clients.get(clientId, caller);
        boolean teamLead = caller.is(Roles.TEAM_LEAD) && caller.team() != null && caller.team().equals(client.team);
        if (!ClientAccess.isSelf(caller, client) && !teamLead) {
            throw new ApiException(403, "forbidden", "Forbidden", "Erasure is requested by the client itself or done by its team lead");
        }
        if (client.erased()) {
            return client;
        }
        Instant now = Instant.now();
        var current = consents.load(clientId).current();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            var decision = current.get(purpose);
            if (decision == null || decision.granted()) {
                consents.write(client, purpose, false, ClientAccess.isSelf(caller, client) ? ConsentChannel.MOBILE
                        : ConsentChannel.BRANCH, caller);
            }
        }
        client.fullName = "已删除客户 " + client.id.toString().substring(0, 8);
        client.latinName = null;
        client.birthDate = null;
        client.gender = null;
        client.nationality = null;
        pii.identityNumber(client, null);
        pii.phone(client, null);
        pii.email(client, null);
        pii.address(client, null);
        client.employer = null;
        client.interestTags = new String[0];
        client.preferredChannels = new String[0];
        client.quietHoursStart = null;
        client.quietHoursEnd = null;
        client.prospectSourceDetail = null;
        boolean wasOpen = client.lifecycleStatus != LifecycleStatus.CLOSED;
        client.lifecycleStatus = LifecycleStatus.CLOSED;
        if (client.closedAt == null) {
            client.closedAt = now;
        }
        client.erasedAt = now;
        client.updatedAt = now;
        em.flush();
        clients.publishProfileUpdated(client);
        if (wasOpen) {
            outbox.publish(ClientTopics.PROFILE, ClientEvents.CLOSED, ClientEvents.VERSION, client.id,
                    new ClientEvents.Closed(client.id, "ERASURE", now, true));
        }
        audit.record(caller, AuditActions.DATA_ERASED, clientId, "profile pseudonymised; regulatory records kept",
                reason == null || reason.isBlank() ? "DATA_SUBJECT_REQUEST" : reason.strip());
        return client;
    }

    /** The audit trail for compliance, newest first, filtered by client, actor, action and time. */
    @Transactional
    public Page<AuditEntry> auditTrail(UUID clientId, String actor, String action, Instant from, Instant to,
                                       int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (clientId != null) {
            where.add("client_id = :client");
            params.put("client", clientId);
        }
        if (actor != null && !actor.isBlank()) {
            where.add("actor = :actor");
            params.put("actor", actor.strip());
        }
        if (action != null && !action.isBlank()) {
            where.add("action = :action");
            params.put("action", action.strip());
        }
        if (from != null) {
            where.add("at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("at < :to");
            params.put("to", to);
        }
        String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        Query count = em.createNativeQuery("SELECT count(*) FROM audit_event" + clause);
        Query select = em.createNativeQuery("SELECT id, at, actor, actor_roles, action, client_id, detail, purpose,"
                + " correlation_id FROM audit_event" + clause + " ORDER BY id DESC LIMIT :limit OFFSET :offset");
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        select.setParameter("limit", size).setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        return Page.of(rows.stream().map(PrivacyService::auditEntry).toList(), page, size,
                ((Number) count.getSingleResult()).longValue());
    }

    /** Re-seals every value still under an old key with the active one; returns how many clients changed. */
    public long rotateKeys(Caller caller) {
        long total = 0;
        int done;
        do {
            done = pii.rotateBatch(500);
            total += done;
        } while (done > 0);
        recordRotation(caller, total);
        return total;
    }

    @Transactional
    void recordRotation(Caller caller, long total) {
        audit.record(caller, AuditActions.PII_KEY_ROTATED, null, total + " client(s) re-sealed", "KEY_ROTATION");
    }

    /** The client's tier changes with their basis, for whoever may read the client. */
    @Transactional
    public List<TierHistoryEntry> tierHistory(UUID clientId, Caller caller) {
        clients.get(clientId, caller);
        return tierHistory(clientId);
    }

    /** The client's positions, newest day first, for whoever may read the client. */
    @Transactional
    public List<Position> positions(UUID clientId, Caller caller) {
        clients.get(clientId, caller);
        return positions(clientId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<TierHistoryEntry> tierHistory(UUID clientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT from_tier, to_tier, changed_at, as_of, average_aum_cny,"
                        + " threshold_cny, rule, month_ends_below FROM tier_change WHERE client_id = ?1 ORDER BY id")
                .setParameter(1, clientId).getResultList();
        return rows.stream().map(r -> new TierHistoryEntry((String) r[0], (String) r[1], Sql.instant(r[2]),
                Sql.date(r[3]), Sql.decimal(r[4]), Sql.decimal(r[5]), (String) r[6], ((Number) r[7]).intValue())).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    List<Position> positions(UUID clientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT as_of, product_code, asset_class, currency, amount, amount_cny,"
                        + " risk_rating FROM aum_position WHERE client_id = ?1 ORDER BY as_of DESC, product_code")
                .setParameter(1, clientId).getResultList();
        return rows.stream().map(r -> new Position(Sql.date(r[0]), (String) r[1], (String) r[2], (String) r[3],
                Sql.decimal(r[4]), Sql.decimal(r[5]), r[6] == null ? null : ((Number) r[6]).intValue())).toList();
    }

    private List<AuditEntry> auditOf(UUID clientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, at, actor, actor_roles, action, client_id, detail, purpose,"
                        + " correlation_id FROM audit_event WHERE client_id = ?1 ORDER BY id")
                .setParameter(1, clientId).getResultList();
        return rows.stream().map(PrivacyService::auditEntry).toList();
    }

    private static AuditEntry auditEntry(Object[] r) {
        return new AuditEntry(((Number) r[0]).longValue(), Sql.instant(r[1]), (String) r[2], (String) r[3], (String) r[4],
                (UUID) r[5], (String) r[6], (String) r[7], (String) r[8]);
    }
}
