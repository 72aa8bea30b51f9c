package io.aurum.risk.rest;

import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Params;
import io.aurum.risk.service.ExceptionService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * A client's suitability exceptions. A class of its own with the full path: JAX-RS first picks the resource class
 * whose path matches most literally, and {@link AssessmentResource}'s {@code /api/risk/clients/{clientId}} would
 * otherwise win every {@code /api/risk/clients/…} request, leaving this operation unreachable under
 * {@link ExceptionResource}'s {@code /api/risk}.
 */
@Path("/api/risk/clients/{clientId}/suitability-exceptions")
@Tag(name = "Suitability exceptions", description = "Buying above the client's level under the ACKNOWLEDGED policy")
@Produces(MediaType.APPLICATION_JSON)
public class ClientExceptionResource {

    private final ExceptionService exceptions;
    private final SecurityIdentity identity;

    public ClientExceptionResource(ExceptionService exceptions, SecurityIdentity identity) {
        this.exceptions = exceptions;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "A client's suitability exceptions", description = "Newest first, every status.")
    @APIResponse(responseCode = "200", description = "The exceptions")
    @APIResponse(responseCode = "404", description = "Client not in the caller's reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ExceptionResource.ExceptionView> forClient(@PathParam("clientId") String clientId) {
        return exceptions.forClient(Params.uuid("clientId", clientId), Caller.of(identity)).stream()
                .map(ExceptionResource.ExceptionView::of).toList();
    }
}
