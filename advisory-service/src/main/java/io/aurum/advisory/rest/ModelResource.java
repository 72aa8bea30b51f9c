package io.aurum.advisory.rest;

import io.aurum.advisory.service.ModelPortfolios;
import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/advice/models")
@Tag(name = "Model portfolios", description = "Target weights per asset class for each risk level, versioned")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelPortfolios models;
    private final SecurityIdentity identity;

    public ModelResource(ModelPortfolios models, SecurityIdentity identity) {
        this.models = models;
        this.identity = identity;
    }

    public record ModelRequest(@Size(max = 200) String name, @Size(max = 1000) String note,
                               @NotNull @Size(min = 1, max = 5) List<ModelPortfolios.WeightSpec> weights) {
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.OPS_ADMIN})
    @Operation(summary = "The active model of every risk level", description = "C1 to C5, with each model's expected return at the house assumptions.")
    @APIResponse(responseCode = "200", description = "Five models")
    public List<ModelView> active() {
        return models.active().stream().map(m -> ModelView.of(m, models.expectedReturn(m))).toList();
    }

    @GET
    @Path("/{level}")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.OPS_ADMIN})
    @Operation(summary = "Every version of one level's model", description = "Newest first; proposals keep the version they used.")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "400", description = "Not C1–C5",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ModelView> history(@PathParam("level") String level) {
        return models.history(level).stream().map(m -> ModelView.of(m, models.expectedReturn(m))).toList();
    }

    @PUT
    @Path("/{level}")
    @RolesAllowed(Roles.OPS_ADMIN)
    @Operation(summary = "Write a new version of a level's model",
            description = "Target weights in percent must add up to 100 exactly; each class at most once (missing classes are 0 "
                    + "with no tolerance); bands are ± percentage points. The previous version is retired, never changed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "balanced", value = """
            {"name":"平衡型 Balanced","note":"more fixed income after the rate cut","weights":[
             {"assetClass":"CASH","targetPercent":"10","bandPercent":"5"},
             {"assetClass":"FIXED_INCOME","targetPercent":"50","bandPercent":"10"},
             {"assetClass":"EQUITY","targetPercent":"25","bandPercent":"10"},
             {"assetClass":"ALTERNATIVE","targetPercent":"5","bandPercent":"5"},
             {"assetClass":"INSURANCE","targetPercent":"10","bandPercent":"5"}]}""")))
    @APIResponse(responseCode = "200", description = "The new version", content = @Content(schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "400", description = "Weights not adding up to 100%, unknown or repeated classes; the field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ModelView publish(@PathParam("level") String level, @Valid @NotNull ModelRequest request) {
        var m = models.publish(Caller.of(identity), level, request.name(), request.note(), request.weights());
        return ModelView.of(m, models.expectedReturn(m));
    }
}
