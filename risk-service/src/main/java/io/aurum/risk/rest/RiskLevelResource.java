package io.aurum.risk.rest;

import io.aurum.common.security.Roles;
import io.aurum.risk.domain.RiskLevel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

@Path("/api/risk/levels")
@Tag(name = "Risk levels", description = "Client risk levels C1–C5 and the product ratings each may buy")
@Produces(MediaType.APPLICATION_JSON)
public class RiskLevelResource {

    public record RiskLevelView(String level, String nameZh, String nameEn, String mayBuy, int maxProductRisk,
                                String threeTypeView) {
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER,
            Roles.OPS_ADMIN, Roles.CLIENT, Roles.PARTNER, Roles.INTERNAL_SERVICE})
    @Operation(summary = "List the client risk levels",
            description = "Reference data for front ends and partners: each level, its Chinese and English name, "
                    + "the product risk ratings it may buy and its place in the three-type view.")
    @APIResponse(responseCode = "200", description = "C1 to C5, lowest first")
    public List<RiskLevelView> levels() {
        return Arrays.stream(RiskLevel.values())
                .map(l -> new RiskLevelView(l.name(), l.nameZh(), l.nameEn(),
                        l.mayBuyLabel(), l.maxProductRisk(),
                        l.threeTypeView().name()))
                .toList();
    }
}
