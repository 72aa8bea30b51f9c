package io.aurum.client.rest;

import io.aurum.client.service.ChangeRequests;
import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Params;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Maker–checker on KYC, AML, PEP and qualified-investor facts: the requests and the checker's decisions. */
@Path("/api/clients")
@Tag(name = "Clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChangeRequestResource {

    @Schema(description = "A checker's decision")
    public record Decision(@Size(max = 500) @Schema(description = "required to reject", example = "ID scan illegible")
                           String reason) {
    }

    private final ChangeRequests requests;
    private final SecurityIdentity identity;

    public ChangeRequestResource(ChangeRequests requests, SecurityIdentity identity) {
        this.requests = requests;
        this.identity = identity;
    }

    @GET
    @Path("/{id}/change-requests")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "A client's change requests",
            description = "Pending and decided requests on the client's controlled facts, newest first, with maker and "
                    + "checker. Visible to whoever may read the client; anyone else gets 404.")
    @APIResponse(responseCode = "200", description = "The requests")
    @APIResponse(responseCode = "404", description = "No such client in the caller's reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ChangeRequests.View> forClient(@PathParam("id") String id) {
        return requests.forClient(Params.uuid("id", id), Caller.of(identity));
    }

    @POST
    @Path("/{id}/due-diligence")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Request approval of enhanced due diligence",
            description = "The client's RM, private banker or team lead records the findings (reason, required) as a change "
                    + "request of kind ENHANCED_DUE_DILIGENCE; a compliance officer other than the maker approves it "
                    + "(POST /api/clients/change-requests/{id}/approve). The approval publishes ClientProfileUpdated with "
                    + "eddApproved true; advisory-service gives an AML HIGH or PEP client no advice before that.")
    @APIResponse(responseCode = "202", description = "The pending request")
    @APIResponse(responseCode = "400", description = "No findings",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such client in the caller's reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "One already waits for compliance",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public jakarta.ws.rs.core.Response requestDueDiligence(@PathParam("id") String id, Decision findings) {
        return jakarta.ws.rs.core.Response.accepted(requests.requestDueDiligence(Params.uuid("id", id),
                findings == null ? null : findings.reason(), Caller.of(identity))).build();
    }

    @GET
    @Path("/change-requests")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "The checker's queue",
            description = "Change requests in a status across all clients, oldest first. Only the checker role "
                    + "(aurum.controls.checker-role, default compliance-officer); others get 403 checker-role-required.")
    @APIResponse(responseCode = "200", description = "The requests")
    @APIResponse(responseCode = "403", description = "Not the checker role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ChangeRequests.View> queue(@QueryParam("status") @DefaultValue("PENDING") String status,
                                           @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return requests.byStatus(status, limit, Caller.of(identity));
    }

    @POST
    @Path("/change-requests/{requestId}/approve")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "Approve a change request",
            description = "The checker role only, and never the maker (403 maker-cannot-check, compared by user id and "
                    + "username). Applies the new values, publishes ClientProfileUpdated (and ClientFinancialFactsUpdated "
                    + "for qualified-investor facts), audits CHANGE_APPROVED. 409 change-request-stale when a field no "
                    + "longer holds the value the maker saw, 409 change-request-decided when already decided.")
    @APIResponse(responseCode = "200", description = "The approved request")
    @APIResponse(responseCode = "403", description = "Not the checker role, or the maker",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already decided, or stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChangeRequests.View approve(@PathParam("requestId") String requestId, Decision decision) {
        return requests.approve(Params.uuid("requestId", requestId), decision == null ? null : decision.reason(),
                Caller.of(identity));
    }

    @POST
    @Path("/change-requests/{requestId}/reject")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "Reject a change request",
            description = "The checker role only, never the maker; a reason is required (400 naming reason). The profile "
                    + "keeps its values; audits CHANGE_REJECTED.")
    @APIResponse(responseCode = "200", description = "The rejected request")
    @APIResponse(responseCode = "400", description = "No reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the checker role, or the maker",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChangeRequests.View reject(@PathParam("requestId") String requestId, Decision decision) {
        return requests.reject(Params.uuid("requestId", requestId), decision == null ? null : decision.reason(),
                Caller.of(identity));
    }
}
