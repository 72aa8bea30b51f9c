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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.YearMonth;

@Path("/api/engagement/performance")
@Tag(name = "RM performance", description = "Per RM and team and month, computed from the events the services publish, with drill-down")
@Produces(MediaType.APPLICATION_JSON)
public class PerformanceResource {

    private final Performance performance;
    private final SecurityIdentity identity;
    private final Clock clock;

    public PerformanceResource(Performance performance, SecurityIdentity identity, Clock clock) {
        this.performance = performance;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/rms/{rmId}")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER, Roles.OPS_ADMIN})
    @Operation(summary = "One RM's month",
            description = "AUM of the book at both ends of the month and its growth, net new money, tier upgrades and downgrades, clients "
                    + "lost, contact cadence adherence, task SLA adherence, complaints and their resolution time, NPS, and the book's "
                    + "contribution. An RM sees their own, a team lead the team's RMs, compliance and ops all (403 otherwise). "
                    + "`run.complete` is false for a month still running (figures to date).")
    public Performance.RmView rm(@PathParam("rmId") String rmId,
                                 @Parameter(description = "YYYY-MM, default the previous month") @QueryParam("month") String month) {
        return performance.rm(Caller.of(identity), Params.uuid("rmId", rmId), month(month));
    }

    @GET
    @Path("/rms/{rmId}/clients")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER, Roles.OPS_ADMIN})
    @Operation(summary = "The clients behind one of an RM's figures",
            description = "figure: BOOK, AUM_START, NET_NEW_MONEY, UPGRADES, DOWNGRADES, LOST, CADENCE_MISSED, TASKS_LATE, COMPLAINTS, "
                    + "PROMOTERS, DETRACTORS, OVER_BUDGET. Largest AUM first.")
    public Performance.ClientsView clients(@PathParam("rmId") String rmId, @QueryParam("month") String month,
                                           @QueryParam("figure") @DefaultValue("BOOK") String figure,
                                           @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                           @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(10_000_000) int offset) {
        Performance.Figure which = Params.enumValue(Performance.Figure.class, "figure", figure);
        return performance.clients(Caller.of(identity), Params.uuid("rmId", rmId), month(month),
                which == null ? Performance.Figure.BOOK : which, limit, offset);
    }

    @GET
    @Path("/teams/{team}")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER, Roles.OPS_ADMIN})
    @Operation(summary = "A team's month: the total and each RM", description = "A team lead sees their own team; compliance and ops all.")
    public Performance.TeamView team(@PathParam("team") @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String team,
                                     @QueryParam("month") String month) {
        return performance.team(Caller.of(identity), team, month(month));
    }

    private YearMonth month(String value) {
        return Params.month("month", value, YearMonth.now(clock.withZone(CareWindow.BANK_ZONE)).minusMonths(1));
    }
}
