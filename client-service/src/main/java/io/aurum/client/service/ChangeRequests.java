package io.aurum.client.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.client.audit.AuditActions;
import io.aurum.client.audit.AuditTrail;
import io.aurum.client.domain.Client;
import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Maker–checker (双人复核) on the facts the bank owns: a change request opened by staff takes effect only when a
 * checker (the configured role, compliance by default) who is not the maker approves it. Both names are kept.
 */
@ApplicationScoped
public class ChangeRequests {

    public static final String KIND_FIELDS = "PROFILE_FIELDS";
    public static final String KIND_EDD = "ENHANCED_DUE_DILIGENCE";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Schema(description = "A change to controlled client facts awaiting, or past, a checker's decision")
    public record View(UUID id, UUID clientId, String kind, String status,
                       @Schema(type = SchemaType.OBJECT, implementation = Object.class,
                               description = "field → {old, new}", example = "{\"kycStatus\":{\"old\":\"PENDING\",\"new\":\"VERIFIED\"}}") JsonNode changes, String reason,
                       String maker, String makerUsername, Instant requestedAt,
                       String checker, String checkerUsername, Instant decidedAt, String decisionReason) {
    }

    private final EntityManager em;
    private final AuditTrail audit;
    private final ClientService clients;
    private final String checkerRole;

    public ChangeRequests(EntityManager em, AuditTrail audit, ClientService clients,
                          @ConfigProperty(name = "aurum.controls.checker-role", defaultValue = "compliance-officer") String checkerRole) {
        this.em = em;
        this.audit = audit;
        this.clients = clients;
        this.checkerRole = checkerRole;
    }

    /** Records a pending request in the caller's transaction (the maker's profile update or registration). */
    static View open(EntityManager em, AuditTrail audit, Client client, String kind, JsonNode changes, String reason,
                     Caller maker) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 500) {
            throw ApiException.badField("reason", "at most 500 characters");
        }
        em.createNativeQuery("INSERT INTO client_change_request (id, client_id, kind, status, changes, reason, maker,"
                        + " maker_username, requested_at) VALUES (?1, ?2, ?3, 'PENDING', ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, id).setParameter(2, client.id).setParameter(3, kind)
                .setParameter(4, changes.toString()).setParameter(5, why).setParameter(6, ClientService.actor(maker))
                .setParameter(7, maker.username()).setParameter(8, now).executeUpdate();
        audit.record(maker, AuditActions.CHANGE_REQUESTED, client.id,
                "request " + id + ": " + String.join(", ", fieldNames(changes)), why);
        return new View(id, client.id, kind, "PENDING", changes, why, ClientService.actor(maker), maker.username(), now,
                null, null, null, null);
    }

    /**
     * The RM (private banker, team lead) asks compliance to approve enhanced due diligence, with its findings as the
     * reason; one pending request per client.
     */
    @Transactional
    public View requestDueDiligence(UUID clientId, String findings, Caller maker) {
        Client client = clients.get(clientId, maker);
        if (!ClientAccess.staffCanEdit(maker, client)) {
            throw new ApiException(403, "forbidden", "Forbidden", "Only the client's RM, private banker or team lead requests due diligence");
        }
        if (findings == null || findings.isBlank()) {
            throw ApiException.badField("reason", "give the due diligence findings compliance is asked to approve");
        }
        if (!query("WHERE client_id = ?1 AND kind = '" + KIND_EDD + "' AND status = 'PENDING'", clientId).isEmpty()) {
            throw ApiException.conflict("change-request-pending", "Enhanced due diligence for this client already waits for compliance");
        }
        com.fasterxml.jackson.databind.node.ObjectNode changes = JSON.createObjectNode();
        changes.putObject("enhancedDueDiligence").put("old", client.eddApprovedAt != null).put("new", true);
        return open(em, audit, client, KIND_EDD, changes, findings, maker);
    }

    /** A client's requests, newest first, for whoever may read the client (404 otherwise). */
    @Transactional
    public List<View> forClient(UUID clientId, Caller caller) {
        clients.get(clientId, caller);
        return query("WHERE client_id = ?1 ORDER BY requested_at DESC", clientId);
    }

    /** Requests in a status across all clients: the checker's queue. */
    @Transactional
    public List<View> byStatus(String status, int limit, Caller caller) {
        requireChecker(caller);
        if (!List.of("PENDING", "APPROVED", "REJECTED").contains(status)) {
            throw ApiException.badField("status", "one of PENDING, APPROVED, REJECTED");
        }
        return query("WHERE status = ?1 ORDER BY requested_at LIMIT " + limit, status);
    }

    @Transactional
    public View approve(UUID id, String reason, Caller checker) {
        View request = decidable(id, checker);
        Client client = Client.findById(request.clientId());
        if (KIND_EDD.equals(request.kind())) {
            clients.approveDueDiligence(client);
        } else {
            clients.applyApproved(client, request.changes());
        }
        decide(request, "APPROVED", reason, checker);
        audit.record(checker, AuditActions.CHANGE_APPROVED, client.id, "request " + id + " by " + request.maker()
                + ": " + String.join(", ", fieldNames(request.changes())), blankToNull(reason));
        return one(id);
    }

    @Transactional
    public View reject(UUID id, String reason, Caller checker) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.badField("reason", "say why the change is rejected");
        }
        View request = decidable(id, checker);
        decide(request, "REJECTED", reason, checker);
        audit.record(checker, AuditActions.CHANGE_REJECTED, request.clientId(), "request " + id + " by " + request.maker(),
                reason.strip());
        return one(id);
    }

    private View decidable(UUID id, Caller checker) {
        requireChecker(checker);
        List<View> found = query("WHERE id = ?1 FOR UPDATE", id);
        if (found.isEmpty()) {
            throw ApiException.notFound("Change request", id);
        }
        View request = found.get(0);
        if (!"PENDING".equals(request.status())) {
            throw ApiException.conflict("change-request-decided", "The request was already " + request.status());
        }
        // the same person never checks their own request, whatever roles their token carries
        if (Objects.equals(request.maker(), ClientService.actor(checker))
                || (request.makerUsername() != null && request.makerUsername().equalsIgnoreCase(checker.username()))) {
            throw new ApiException(403, "maker-cannot-check", "Forbidden",
                    "The maker of a change request cannot approve or reject it; another checker must");
        }
        return request;
    }

    private void requireChecker(Caller caller) {
        if (!caller.is(checkerRole)) {
            throw new ApiException(403, "checker-role-required", "Forbidden",
                    "Only the checker role (" + checkerRole + ") decides change requests");
        }
    }

    private void decide(View request, String status, String reason, Caller checker) {
        if (reason != null && reason.length() > 500) {
            throw ApiException.badField("reason", "at most 500 characters");
        }
        em.createNativeQuery("UPDATE client_change_request SET status = ?2, checker = ?3, checker_username = ?4,"
                        + " decided_at = ?5, decision_reason = ?6 WHERE id = ?1 AND status = 'PENDING'")
                .setParameter(1, request.id()).setParameter(2, status).setParameter(3, ClientService.actor(checker))
                .setParameter(4, checker.username()).setParameter(5, Instant.now()).setParameter(6, blankToNull(reason))
                .executeUpdate();
    }

    private View one(UUID id) {
        return query("WHERE id = ?1", id).get(0);
    }

    @SuppressWarnings("unchecked")
    private List<View> query(String where, Object param) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, client_id, kind, status, changes, reason, maker, maker_username,"
                        + " requested_at, checker, checker_username, decided_at, decision_reason FROM client_change_request " + where)
                .setParameter(1, param).getResultList();
        List<View> views = new ArrayList<>();
        for (Object[] r : rows) {
            JsonNode changes;
            try {
                changes = JSON.readTree((String) r[4]);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable change request " + r[0], e);
            }
            views.add(new View((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], changes, (String) r[5],
                    (String) r[6], (String) r[7], Sql.instant(r[8]), (String) r[9], (String) r[10],
                    Sql.instant(r[11]), (String) r[12]));
        }
        return views;
    }

    private static List<String> fieldNames(JsonNode changes) {
        List<String> names = new ArrayList<>();
        changes.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
