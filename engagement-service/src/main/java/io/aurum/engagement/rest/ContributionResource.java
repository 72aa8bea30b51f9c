package io.aurum.engagement.rest;

import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Params;
import io.aurum.engagement.performance.Performance;
import io.aurum.engagement.rules.CareWindow;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.YearMonth;

@Path("/api/engagement/contribution")
@Tag(name = "Client contribution", description = "客户贡献度: revenue from what a client holds, the cost of serving it, its service budget")
@Produces(MediaType.APPLICATION_JSON)
public class ContributionResource {

    private final Performance performance;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ContributionResource(Performance performance, SecurityIdentity identity, Clock clock) {
        this.performance = performance;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/clients/{clientId}")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.OPS_ADMIN})
    @Operation(summary = "A client's contribution month by month",
            description = "Revenue (yearly rates per asset class on the amounts held each day), cost of service (benefits used, "
                    + "activities attended, points redeemed), the tier's service budget (a share of the revenue) and the net "
                    + "contribution; newest month first. The client's coverage team, compliance and ops.")
    public Performance.ClientMonths client(@PathParam("clientId") String clientId,
                                           @QueryParam("months") @DefaultValue("12") @Min(1) @Max(120) int months) {
        return performance.contribution(Caller.of(identity), Params.uuid("clientId", clientId), months);
    }

    @GET
    @Path("/over-budget")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER, Roles.OPS_ADMIN})
    @Operation(summary = "Clients whose cost of service exceeded their budget in a month",
            description = "An RM's book, a team lead's team, or (compliance, ops) all or one team.")
    public Performance.ClientsView overBudget(@QueryParam("month") String month,
                                              @QueryParam("team") @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String team,
                                              @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                              @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(10_000_000) int offset) {
        return performance.overBudget(Caller.of(identity),
                Params.month("month", month, YearMonth.now(clock.withZone(CareWindow.BANK_ZONE)).minusMonths(1)), team, limit, offset);
    }
}
