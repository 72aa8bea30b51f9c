package io.aurum.advisory.rest;

import io.aurum.advisory.service.DriftMonitor;
import io.aurum.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/advice/drift-runs")
@Tag(name = "Client advice")
@Produces(MediaType.APPLICATION_JSON)
public class DriftRunResource {

    private final DriftMonitor drift;

    public DriftRunResource(DriftMonitor drift) {
        this.drift = drift;
    }

    @POST
    @RolesAllowed(Roles.OPS_ADMIN)
    @Operation(summary = "Evaluate every client's drift now",
            description = "What the nightly job does: every client with a risk level and holdings, in batches; a RebalanceSuggested "
                    + "for each client whose out-of-band picture changed since the last suggestion.")
    @APIResponse(responseCode = "200", description = "Counts and duration")
    public DriftMonitor.RunOutcome run(@QueryParam("batchSize") @DefaultValue("2000") @Min(10) @Max(20000) int batchSize) {
        return drift.evaluateAll(batchSize);
    }
}
