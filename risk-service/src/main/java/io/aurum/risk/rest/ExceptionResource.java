package io.aurum.risk.rest;

import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Params;
import io.aurum.risk.domain.SuitabilityException;
import io.aurum.risk.service.ExceptionService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

@Path("/api/risk")
@Tag(name = "Suitability exceptions", description = "Buying above the client's level under the ACKNOWLEDGED policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExceptionResource {

    private final ExceptionService exceptions;
    private final SecurityIdentity identity;

    public ExceptionResource(ExceptionService exceptions, SecurityIdentity identity) {
        this.exceptions = exceptions;
        this.identity = identity;
    }

    public record ExceptionRequest(
            @NotNull UUID clientId,
            @NotBlank @Size(max = 100) String productId,
            @NotNull @Pattern(regexp = "R[1-5]", message = "must be R1 to R5") String riskRating,
            @NotBlank @Size(max = 4000) @Schema(description = "The client's acknowledgement, in the client's words or the form text")
            String acknowledgement) {
    }

    public record Decision(@Size(max = 4000) String note) {
    }

    public record ExceptionView(UUID id, UUID clientId, String productId, String riskRating, String clientLevel,
                                String acknowledgement, Instant acknowledgedAt, String acknowledgedChannel,
                                String requestedBy, String status, String decidedBy, Instant decidedAt, String decisionNote) {
        static ExceptionView of(SuitabilityException e) {
            return new ExceptionView(e.id, e.clientId, e.productId, "R" + e.riskRating, e.clientLevel.name(),
                    e.acknowledgementText, e.acknowledgedAt, e.acknowledgedChannel.name(), e.requestedBy, e.status.name(),
                    e.decidedBy, e.decidedAt, e.decisionNote);
        }
    }

    @POST
    @Path("/suitability-exceptions")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.CLIENT})
    @Operation(summary = "Record a client's acknowledgement to buy above their level",
            description = "Only under the ACKNOWLEDGED policy (409 policy-strict otherwise), for a client with a valid "
                    + "profile and a product above it. Waits for a compliance officer's decision.")
    @APIResponse(responseCode = "201", description = "Recorded, pending approval")
    @APIResponse(responseCode = "409", description = "STRICT policy, no valid profile, or no exception needed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response request(@Valid @NotNull ExceptionRequest request) {
        SuitabilityException e = exceptions.request(request.clientId(), request.productId(),
                request.riskRating().charAt(1) - '0', request.acknowledgement(), Caller.of(identity));
        return Response.status(201).entity(ExceptionView.of(e)).build();
    }

    @POST
    @Path("/suitability-exceptions/{id}/approve")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD}) // the note is optional: no body at all is fine
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @Operation(summary = "Approve an exception", description = "Publishes SuitabilityExceptionApproved on risk.suitability.")
    @APIResponse(responseCode = "200", description = "Approved")
    @APIResponse(responseCode = "409", description = "Already decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExceptionView approve(@PathParam("id") String id, @Valid Decision decision) {
        return ExceptionView.of(exceptions.decide(Params.uuid("id", id), true, decision == null ? null : decision.note(),
                Caller.of(identity)));
    }

    @POST
    @Path("/suitability-exceptions/{id}/reject")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed(Roles.COMPLIANCE_OFFICER)
    @Operation(summary = "Reject an exception", description = "Publishes SuitabilityExceptionRejected on risk.suitability.")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "409", description = "Already decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExceptionView reject(@PathParam("id") String id, @Valid Decision decision) {
        return ExceptionView.of(exceptions.decide(Params.uuid("id", id), false, decision == null ? null : decision.note(),
                Caller.of(identity)));
    }
}
