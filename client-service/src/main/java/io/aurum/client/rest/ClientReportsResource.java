package io.aurum.client.rest;

import io.aurum.client.domain.Client;
import io.aurum.client.service.ClientService;
import io.aurum.client.service.CoverageService;
import io.aurum.client.tiering.TieringConfig;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Coverage and profile-quality reports for team leads (their team) and compliance (everyone). */
@Path("/api/clients/reports")
@Tag(name = "Client reports")
@Produces(MediaType.APPLICATION_JSON)
public class ClientReportsResource {

    public record IncompleteProfile(UUID clientId, String fullName, String tier, BigDecimal aumCny,
                                    BigDecimal averageAumCny, UUID primaryRmId, String team, List<String> missing) {
    }

    private final CoverageService coverage;
    private final TieringConfig tiering;
    private final SecurityIdentity identity;

    public ClientReportsResource(CoverageService coverage, TieringConfig tiering, SecurityIdentity identity) {
        this.coverage = coverage;
        this.tiering = tiering;
        this.identity = identity;
    }

    @GET
    @Path("/uncovered")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "PLATINUM and above without a named RM", description = "Team lead: the team's clients; compliance: all.")
    public Page<CoverageService.Uncovered> uncovered(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return coverage.uncovered(Caller.of(identity), page, size);
    }

    @GET
    @Path("/incomplete-profiles")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "Clients at or above the complete-profile bar (default CNY 200,000) whose profile is incomplete",
            description = "建档率: lists the missing fields per client. Team lead: the team's clients; compliance: all.")
    public Page<IncompleteProfile> incomplete(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                              @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Caller caller = Caller.of(identity);
        if (!caller.is(Roles.COMPLIANCE_OFFICER) && caller.team() == null) {
            return Page.of(List.of(), page, size, 0);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            String where = "(coalesce(aumCny, 0) >= :bar or coalesce(averageAumCny, 0) >= :bar) and lifecycleStatus <> 'CLOSED'"
                    + " and (birthDate is null or gender is null or nationality is null or idNumberEnc is null"
                    + " or phoneEnc is null or addressEnc is null or occupation is null or sourceOfWealth is null"
                    + " or kycStatus <> 'VERIFIED' or amlRiskRating is null)";
            Parameters params = Parameters.with("bar", tiering.completeProfileFrom());
            if (!caller.is(Roles.COMPLIANCE_OFFICER)) {
                where += " and team = :team";
                params.and("team", caller.team());
            }
            var query = Client.<Client>find(where, Sort.descending("aumCny").and("id"), params);
            long total = query.count();
            List<IncompleteProfile> items = query.page(io.quarkus.panache.common.Page.of(page, size)).list().stream()
                    .map(c -> new IncompleteProfile(c.id, c.fullName, c.tier.name(), c.aumCny, c.averageAumCny,
                            c.primaryRmId, c.team, ClientService.missingProfileFields(c)))
                    .toList();
            return Page.of(items, page, size, total);
        });
    }
}
