package io.aurum.advisory.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.aurum.advisory.domain.Goal;
import io.aurum.advisory.planning.GoalPlan;
import io.aurum.advisory.service.DriftMonitor;
import io.aurum.advisory.service.Goals;
import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Money;
import io.aurum.common.web.Params;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/advice/clients/{clientId}")
@Tag(name = "Client advice", description = "A client's drift against its model, and its goals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientAdviceResource {

    private final DriftMonitor drift;
    private final Goals goals;
    private final SecurityIdentity identity;

    public ClientAdviceResource(DriftMonitor drift, Goals goals, SecurityIdentity identity) {
        this.drift = drift;
        this.goals = goals;
        this.identity = identity;
    }

    public record GoalAmount(@NotNull @DecimalMin("0.00") @DecimalMax("100000000000.00") @Digits(integer = 12, fraction = 2)
                             @Schema(example = "3000000.00") BigDecimal amount,
                             @NotNull @Pattern(regexp = "[A-Z]{3}") @Schema(example = "CNY") String currency) {
    }

    public record GoalRequest(@NotBlank @Schema(description = "EDUCATION, RETIREMENT, WEALTH_TRANSFER, HOME or OTHER",
            example = "EDUCATION") String type,
                              @NotBlank @Size(max = 200) @Schema(example = "女儿留学 Daughter's master's abroad") String name,
                              @NotNull @Valid GoalAmount targetAmount,
                              @NotNull @Schema(example = "2032-09-01") LocalDate targetDate,
                              @Valid GoalAmount fundedAmount) {
    }

    public record GoalView(UUID id, UUID clientId, String type, String name, Money targetAmount, LocalDate targetDate,
                           Money fundedAmount, int monthsLeft, Money projectedFunded, Money shortfall, Money monthlySaving,
                           boolean onTrack, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal assumedAnnualReturn,
                           String basis, long version) {

        static GoalView of(Goals.Planned p) {
            Goal g = p.goal();
            GoalPlan plan = p.plan();
            return new GoalView(g.id, g.clientId, g.type.name(), g.name, Money.of(g.targetAmount, g.currency), g.targetDate,
                    Money.of(g.fundedAmount, g.currency), plan.monthsLeft(), Money.of(plan.projectedFunded(), g.currency),
                    Money.of(plan.shortfall(), g.currency), Money.of(plan.monthlySaving(), g.currency), plan.onTrack(),
                    p.assumedReturn(), p.basis(), g.version);
        }
    }

    @GET
    @Path("/drift")
    @RolesAllowed({Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "Holdings against the model",
            description = "Per asset class the current weight, target and band (from client-service's AUM snapshots); whether a "
                    + "rebalance is needed and the trades per class that would restore the model; warnings for offensive "
                    + "(alternative) and high-risk (R4/R5) concentration.")
    @APIResponse(responseCode = "200", description = "The drift report")
    @APIResponse(responseCode = "404", description = "Client not in reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DriftMonitor.View drift(@PathParam("clientId") String clientId) {
        return drift.view(Caller.of(identity), Params.uuid("clientId", clientId));
    }

    @GET
    @Path("/goals")
    @RolesAllowed({Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "A client's goals with what each needs",
            description = "Shortfall and monthly saving at the expected return of the client's model (monthly compounding).")
    @APIResponse(responseCode = "200", description = "The goals")
    @APIResponse(responseCode = "404", description = "Client not in reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<GoalView> goals(@PathParam("clientId") String clientId) {
        return goals.list(Caller.of(identity), Params.uuid("clientId", clientId)).stream().map(GoalView::of).toList();
    }

    @POST
    @Path("/goals")
    @RolesAllowed({Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CLIENT})
    @Operation(summary = "Add a goal", description = "By the client's advisor, RM or team lead, or the client in the app. CNY; a future date.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "education", value = """
            {"type":"EDUCATION","name":"女儿留学 Daughter's master's abroad","targetAmount":{"amount":"1500000.00","currency":"CNY"},
             "targetDate":"2032-09-01","fundedAmount":{"amount":"300000.00","currency":"CNY"}}""")))
    @APIResponse(responseCode = "201", description = "The goal with its plan")
    @APIResponse(responseCode = "400", description = "Invalid type, amount, currency or date; the field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addGoal(@PathParam("clientId") String clientId, @Valid @NotNull GoalRequest request) {
        Goals.Planned p = goals.create(Caller.of(identity), Params.uuid("clientId", clientId), spec(request));
        return Response.status(Response.Status.CREATED).entity(GoalView.of(p)).tag(new EntityTag(Long.toString(p.goal().version))).build();
    }

    @PUT
    @Path("/goals/{goalId}")
    @RolesAllowed({Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CLIENT})
    @Operation(summary = "Change a goal", description = "Full replacement with If-Match (e.g. a new funded amount).")
    @APIResponse(responseCode = "200", description = "The goal with its new plan")
    @APIResponse(responseCode = "412", description = "Changed since read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replaceGoal(@PathParam("clientId") String clientId, @PathParam("goalId") String goalId,
                                @HeaderParam("If-Match") String ifMatch, @Valid @NotNull GoalRequest request) {
        long version = Params.requiredIfMatch(ifMatch);
        Goals.Planned p = goals.replace(Caller.of(identity), Params.uuid("clientId", clientId), Params.uuid("goalId", goalId),
                version, spec(request));
        return Response.ok(GoalView.of(p)).tag(new EntityTag(Long.toString(p.goal().version))).build();
    }

    private static Goals.Spec spec(GoalRequest r) {
        Goal.Type type = Params.enumValue(Goal.Type.class, "type", r.type());
        if (r.fundedAmount() != null && !r.fundedAmount().currency().equals(r.targetAmount().currency())) {
            throw io.aurum.common.problem.ApiException.badField("fundedAmount.currency", "must be the target amount's currency");
        }
        if (r.targetAmount().amount().signum() <= 0) {
            throw io.aurum.common.problem.ApiException.badField("targetAmount.amount", "must be more than zero");
        }
        return new Goals.Spec(type, r.name(), r.targetAmount().amount(), r.targetAmount().currency(), r.targetDate(),
                r.fundedAmount() == null ? null : r.fundedAmount().amount());
    }
}
