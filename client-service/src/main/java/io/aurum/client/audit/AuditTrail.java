package io.aurum.client.audit;

import io.aurum.common.security.Caller;
import io.aurum.common.web.CorrelationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes the append-only audit trail (who, when, what, why) in the transaction of the read or change it
 * records, so an audited action and its entry commit or fail together. The database refuses updates and deletes.
 * Entries name fields, never their values: the trail must not become a second copy of the personal data.
 */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager em;

    public AuditTrail(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String action, UUID clientId, String detail, String purpose) {
        String actor = caller.subject() == null ? "system" : caller.subject();
        String roles = String.join(",", new TreeSet<>(caller.roles()));
        em.createNativeQuery("INSERT INTO audit_event (actor, actor_roles, action, client_id, detail, purpose, correlation_id)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, truncate(actor, 100))
                .setParameter(2, truncate(roles.isEmpty() ? "-" : roles, 300))
                .setParameter(3, action)
                .setParameter(4, clientId)
                .setParameter(5, truncate(detail, 2000))
                .setParameter(6, truncate(purpose, 200))
                .setParameter(7, CorrelationId.current())
                .executeUpdate();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
