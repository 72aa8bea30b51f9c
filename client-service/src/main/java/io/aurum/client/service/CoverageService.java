package io.aurum.client.service;

import io.aurum.client.audit.AuditActions;
import io.aurum.client.audit.AuditTrail;
import io.aurum.client.domain.Client;
import io.aurum.client.domain.CoverageRole;
import io.aurum.client.domain.Tier;
import io.aurum.client.messaging.ClientEvents;
import io.aurum.client.messaging.ClientTopics;
import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The coverage team (primary RM, advisor, private banker): reassignment with history, and the uncovered report. */
@ApplicationScoped
public class CoverageService {

    public record Assignment(String role, UUID userId, Instant assignedAt, String assignedBy, Instant endedAt,
                             String reason) {
    }

    public record Uncovered(UUID clientId, String fullName, String tier, String team, UUID advisorId) {
    }

    private final ClientService clients;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final EntityManager em;

    public CoverageService(ClientService clients, Outbox outbox, AuditTrail audit, EntityManager em) {
        this.clients = clients;
        this.outbox = outbox;
        this.audit = audit;
        this.em = em;
    }

    /**
     * Sets the coverage team; only the team lead of the client's team reassigns. A role left out of the request
     * keeps its holder; an explicit change closes the old assignment and opens a new one.
     */
    @Transactional
    public Client reassign(UUID clientId, UUID primaryRmId, UUID advisorId, UUID privateBankerId, boolean clearPrivateBanker,
                           String reason, Caller caller) {
        Client client = clients.get(clientId, caller);
        if (!caller.is(Roles.TEAM_LEAD) || caller.team() == null || !caller.team().equals(client.team)) {
            throw new ApiException(403, "forbidden", "Forbidden", "Only the team lead of the client's team reassigns its coverage");
        }
        if (reason == null || reason.isBlank()) {
            throw ApiException.badField("reason", "say why the coverage changes (kept in the history)");
        }
        if (privateBankerId != null && client.tier != Tier.PRIVATE) {
            throw ApiException.badField("privateBankerId", "a private banker covers PRIVATE clients only (this one is " + client.tier + ")");
        }
        Instant now = Instant.now();
        List<String> changed = new ArrayList<>();
        if (primaryRmId != null && !primaryRmId.equals(client.primaryRmId)) {
            change(client, CoverageRole.PRIMARY_RM, client.primaryRmId, primaryRmId, reason, caller, now);
            client.primaryRmId = primaryRmId;
            changed.add("primaryRmId");
        }
        if (advisorId != null && !advisorId.equals(client.advisorId)) {
            change(client, CoverageRole.ADVISOR, client.advisorId, advisorId, reason, caller, now);
            client.advisorId = advisorId;
            changed.add("advisorId");
        }
        UUID newBanker = clearPrivateBanker ? null : (privateBankerId != null ? privateBankerId : client.privateBankerId);
        if (!Objects.equals(newBanker, client.privateBankerId)) {
            change(client, CoverageRole.PRIVATE_BANKER, client.privateBankerId, newBanker, reason, caller, now);
            client.privateBankerId = newBanker;
            changed.add("privateBankerId");
        }
        if (changed.isEmpty()) {
            return client;
        }
        client.updatedAt = now;
        em.flush();
        clients.publishProfileUpdated(client);
        audit.record(caller, AuditActions.COVERAGE_CHANGED, client.id, "fields: " + String.join(", ", changed), reason.strip());
        return client;
    }

    private void change(Client client, CoverageRole role, UUID from, UUID to, String reason, Caller caller, Instant now) {
        em.createNativeQuery("UPDATE coverage_assignment SET ended_at = ?3 WHERE client_id = ?1 AND role = ?2 AND ended_at IS NULL")
                .setParameter(1, client.id).setParameter(2, role.name()).setParameter(3, now).executeUpdate();
        clients.insertCoverage(client.id, role, to, ClientService.actor(caller), now, reason.strip());
        outbox.publish(ClientTopics.PROFILE, ClientEvents.COVERAGE_ASSIGNED, ClientEvents.VERSION, client.id,
                new ClientEvents.CoverageAssigned(client.id, role.name(), from, to, client.team, reason.strip()));
    }

    @Transactional
    public List<Assignment> history(UUID clientId, Caller caller) {
        clients.get(clientId, caller);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT role, user_id, assigned_at, assigned_by, ended_at, reason"
                        + " FROM coverage_assignment WHERE client_id = ?1 ORDER BY assigned_at, id")
                .setParameter(1, clientId).getResultList();
        return rows.stream().map(r -> new Assignment((String) r[0], (UUID) r[1], Sql.instant(r[2]), (String) r[3],
                Sql.instant(r[4]), (String) r[5])).toList();
    }

    /** PLATINUM and above without a named primary RM (the brief requires one); a team lead sees the team's. */
    @Transactional
    public Page<Uncovered> uncovered(Caller caller, int page, int size) {
        String scope = caller.is(Roles.COMPLIANCE_OFFICER) ? "" : " AND team = :team";
        if (!caller.is(Roles.COMPLIANCE_OFFICER) && caller.team() == null) {
            return Page.of(List.of(), page, size, 0);
        }
        String where = " FROM client JOIN client_standing st ON st.client_id = client.id"
                + " WHERE st.tier IN ('PLATINUM', 'DIAMOND', 'PRIVATE') AND primary_rm_id IS NULL"
                + " AND lifecycle_status <> 'CLOSED'" + scope;
        var count = em.createNativeQuery("SELECT count(*)" + where);
        var select = em.createNativeQuery("SELECT id, full_name, st.tier, team, advisor_id" + where
                + " ORDER BY st.tier DESC, id LIMIT :limit OFFSET :offset");
        if (!scope.isEmpty()) {
            count.setParameter("team", caller.team());
            select.setParameter("team", caller.team());
        }
        select.setParameter("limit", size).setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        return Page.of(rows.stream().map(r -> new Uncovered((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (UUID) r[4])).toList(), page, size, ((Number) count.getSingleResult()).longValue());
    }
}
