package io.aurum.client.rest;

import io.aurum.client.tiering.MonthEndRuns;
import io.aurum.client.tiering.TieringConfig;
import io.aurum.common.web.Params;
import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Path("/api/tiering")
@Tag(name = "Tiering", description = "Tier thresholds and month-end runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TieringResource {

    public record Policy(BigDecimal vip, BigDecimal gold, BigDecimal platinum, BigDecimal diamond,
                         BigDecimal privateBanking, BigDecimal privateBankingUsd, int graceMonthEnds, int windowMonths,
                         BigDecimal completeProfileFrom, String basis) {
    }

    public record MonthEndRequest(@Schema(example = "2026-10-31") String monthEnd) {
    }

    private final TieringConfig config;
    private final MonthEndRuns runs;
    private final SecurityIdentity identity;

    public TieringResource(TieringConfig config, MonthEndRuns runs, SecurityIdentity identity) {
        this.config = config;
        this.runs = runs;
        this.identity = identity;
    }

    @GET
    @Path("/policy")
    @RolesAllowed({Roles.OPS_ADMIN, Roles.COMPLIANCE_OFFICER, Roles.TEAM_LEAD, Roles.RELATIONSHIP_MANAGER, Roles.ADVISOR})
    @Operation(summary = "The tier thresholds and rules in force (CNY)")
    public Policy policy() {
        return new Policy(config.vip(), config.gold(), config.platinum(), config.diamond(), config.privateBanking(),
                config.privateBankingUsd(), config.graceMonthEnds(), config.windowMonths(), config.completeProfileFrom(),
                "average daily AUM over the trailing " + config.windowMonths() + " months; a day's total holds until the next snapshot");
    }

    @POST
    @Path("/month-end-runs")
    @RolesAllowed({Roles.OPS_ADMIN})
    @Operation(summary = "Run the month-end tier evaluation for a month-end that has passed",
            description = "ops-admin. Normally scheduled; once per month-end (409 for a rerun or an earlier month).")
    @APIResponse(responseCode = "201", description = "The run's counts",
            content = @Content(schema = @Schema(implementation = MonthEndRuns.Run.class)))
    @APIResponse(responseCode = "409", description = "Already run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response run(@NotNull MonthEndRequest request) {
        LocalDate monthEnd = Params.date("monthEnd", request.monthEnd(), null);
        return Response.status(201).entity(runs.run(monthEnd, Caller.of(identity))).build();
    }

    @GET
    @Path("/month-end-runs")
    @RolesAllowed({Roles.OPS_ADMIN, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "The last 36 month-end runs")
    public List<MonthEndRuns.Run> list() {
        return runs.list();
    }
}
