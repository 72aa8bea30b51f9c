package io.aurum.client.service;

import io.aurum.client.audit.AuditActions;
import io.aurum.client.audit.AuditTrail;
import io.aurum.client.domain.Client;
import io.aurum.client.domain.RelationshipKind;
import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Family and referral links. A family link puts both clients in one household (merging two households if
 * needed); the household view lists its members and their combined AUM.
 */
@ApplicationScoped
public class RelationshipService {

    /** A link seen from one client: {@code kind} is what the other client is to this one. */
    public record Link(UUID clientId, String fullName, String kind, boolean visible) {
    }

    public record Member(UUID clientId, String fullName, String tier, BigDecimal aumCny, boolean visible) {
    }

    public record Household(UUID householdId, List<Member> members, BigDecimal combinedAumCny) {
    }

    private final ClientService clients;
    private final AuditTrail audit;
    private final EntityManager em;

    public RelationshipService(ClientService clients, AuditTrail audit, EntityManager em) {
        this.clients = clients;
        this.audit = audit;
        this.em = em;
    }

    /** Links {@code clientId} to {@code relatedId}: "related is the SPOUSE / CHILD / PARENT of client", or "client REFERRED related". */
    @Transactional
    public Link link(UUID clientId, UUID relatedId, RelationshipKind kind, Caller caller) {
        Client client = clients.get(clientId, caller);
        if (!ClientAccess.staffCanEdit(caller, client)) {
            throw new ApiException(403, "forbidden", "Forbidden", "Only the client's RM or team lead links clients");
        }
        if (kind == null) {
            throw ApiException.badField("kind", "is required");
        }
        if (relatedId == null || relatedId.equals(clientId)) {
            throw ApiException.badField("relatedClientId", "must be another client");
        }
        Client related = Client.findById(relatedId);
        if (related == null || !ClientAccess.canRead(caller, related)) {
            throw ApiException.badField("relatedClientId", "no such client in your reach");
        }
        // store family links once, in the direction "related is <kind> of client"; CHILD/PARENT are each other's inverse
        int inserted = em.createNativeQuery("INSERT INTO client_relationship (id, client_id, related_client_id, kind, created_at, created_by)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING")
                .setParameter(1, UUID.randomUUID()).setParameter(2, clientId).setParameter(3, relatedId)
                .setParameter(4, kind.name()).setParameter(5, Instant.now()).setParameter(6, ClientService.actor(caller))
                .executeUpdate();
        if (inserted == 0) {
            throw ApiException.conflict("duplicate-link", "These clients are already linked as " + kind);
        }
        if (kind.family()) {
            joinHousehold(client, related);
        } else if (related.referredBy == null) {
            related.referredBy = client.id;
        }
        audit.record(caller, AuditActions.RELATIONSHIP_ADDED, clientId, kind + " " + relatedId, null);
        return new Link(related.id, related.fullName, kind.name(), true);
    }

    private void joinHousehold(Client a, Client b) {
        Instant now = Instant.now();
        if (a.householdId == null && b.householdId == null) {
            a.householdId = UUID.randomUUID();
            b.householdId = a.householdId;
        } else if (a.householdId == null) {
            a.householdId = b.householdId;
        } else if (b.householdId == null) {
            b.householdId = a.householdId;
        } else if (!a.householdId.equals(b.householdId)) {
            em.flush();
            em.createNativeQuery("UPDATE client SET household_id = ?1, version = version + 1, updated_at = ?3 WHERE household_id = ?2")
                    .setParameter(1, a.householdId).setParameter(2, b.householdId).setParameter(3, now).executeUpdate();
            em.refresh(b);
            return;
        }
        a.updatedAt = now;
        b.updatedAt = now;
    }

    @Transactional
    public List<Link> links(UUID clientId, Caller caller) {
        clients.get(clientId, caller);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT r.related_client_id, r.kind, false FROM client_relationship r WHERE r.client_id = ?1
                        UNION ALL
                        SELECT r.client_id, r.kind, true FROM client_relationship r WHERE r.related_client_id = ?1""")
                .setParameter(1, clientId).getResultList();
        return rows.stream().map(r -> {
            UUID other = (UUID) r[0];
            RelationshipKind kind = RelationshipKind.valueOf((String) r[1]);
            boolean inverse = (Boolean) r[2];
            Client c = Client.findById(other);
            boolean visible = c != null && ClientAccess.canRead(caller, c);
            return new Link(other, visible ? c.fullName : null, inverse ? inverse(kind) : kind.name(), visible);
        }).toList();
    }

    private static String inverse(RelationshipKind kind) {
        return switch (kind) {
            case CHILD -> "PARENT";
            case PARENT -> "CHILD";
            case REFERRED -> "REFERRED_BY";
            default -> kind.name();
        };
    }

    /** Members outside the caller's reach show as ids only; the combined AUM counts every member. */
    @Transactional
    public Household household(UUID clientId, Caller caller) {
        Client client = clients.get(clientId, caller);
        if (client.householdId == null) {
            return new Household(null, List.of(new Member(client.id, client.fullName, client.tier.name(),
                    client.aumCny, true)), zero(client.aumCny));
        }
        List<Client> members = Client.list("householdId = ?1 order by createdAt", client.householdId);
        BigDecimal combined = BigDecimal.ZERO;
        List<Member> view = new java.util.ArrayList<>();
        for (Client m : members) {
            combined = combined.add(zero(m.aumCny));
            boolean visible = ClientAccess.canRead(caller, m);
            view.add(visible ? new Member(m.id, m.fullName, m.tier.name(), m.aumCny, true)
                    : new Member(m.id, null, null, null, false));
        }
        return new Household(client.householdId, view, combined);
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
