package io.aurum.client.rest;

import io.aurum.client.service.PrivacyService;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.common.web.Params;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.UUID;

/** The audit trail for compliance, and the PII key rotation for operations. */
@Path("/api")
@Tag(name = "Privacy and audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final PrivacyService privacy;
    private final SecurityIdentity identity;

    public AuditResource(PrivacyService privacy, SecurityIdentity identity) {
        this.privacy = privacy;
        this.identity = identity;
    }

    @GET
    @Path("/audit/events")
    @RolesAllowed({Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "Query the append-only audit trail",
            description = "compliance-officer only. Every unmasked read of personal data and every change: who, when, what, why.")
    public Page<PrivacyService.AuditEntry> events(@QueryParam("clientId") String clientId,
                                                  @QueryParam("actor") @Size(max = 100) String actor,
                                                  @QueryParam("action") @Size(max = 40) String action,
                                                  @QueryParam("from") String from, @QueryParam("to") String to,
                                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        UUID client = clientId == null || clientId.isBlank() ? null : Params.uuid("clientId", clientId);
        return privacy.auditTrail(client, actor, action, Params.instant("from", from), Params.instant("to", to), page, size);
    }

    @POST
    @Path("/privacy/key-rotations")
    @RolesAllowed({Roles.OPS_ADMIN})
    @Operation(summary = "Re-seal all personal data with the active key",
            description = "ops-admin, after making a new key active (aurum.pii.active-key). Old keys can be dropped afterwards.")
    public Map<String, Object> rotate() {
        long resealed = privacy.rotateKeys(Caller.of(identity));
        return Map.of("clientsResealed", resealed);
    }

}
