package io.aurum.engagement.rest;

import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Params;
import io.aurum.engagement.loyalty.Loyalty;
import io.aurum.engagement.loyalty.Referrals;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import java.util.UUID;

@Path("/api/engagement/loyalty")
@Tag(name = "Benefits and points", description = "Tier benefits with yearly quotas, loyalty points (积分) and rewards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LoyaltyResource {

    public record BenefitSpec(@NotBlank @Pattern(regexp = "VIP|GOLD|PLATINUM|DIAMOND|PRIVATE") String minTier,
                              @NotBlank @Pattern(regexp = "FEE_WAIVER|PREFERENTIAL_RATE|PRIORITY_SERVICE|LOUNGE|CONCIERGE|DEDICATED_RM|OTHER") String kind,
                              @NotBlank @Size(max = 200) String nameZh, @NotBlank @Size(max = 200) String nameEn,
                              @Size(max = 1000) String terms, @Min(1) @Max(10000) Integer yearlyQuota, boolean active,
                              @DecimalMin("0") @Digits(integer = 8, fraction = 2)
                              @Schema(description = "What one use costs the bank (client contribution); unchanged when absent")
                              BigDecimal unitCostCny) {
    }

    public record NewReferral(@NotNull @Schema(description = "The client who made the introduction") UUID referrerClientId,
                              @NotNull @Schema(description = "The prospect introduced (registered in client-service as PROSPECT)")
                              UUID referredClientId) {
    }

    public record Use(@Schema(description = "The day it was used (default today)") LocalDate on, @Size(max = 500) String note) {
    }

    public record Redemption(@NotBlank @Size(max = 40) String rewardCode,
                             @NotBlank @Size(max = 100) @Schema(description = "Chosen by the caller; the same key twice redeems once")
                             String idempotencyKey) {
    }

    public record Decision(@Size(max = 300) @Schema(description = "Why (kept with the decision)") String note) {
    }

    public record Adjustment(@NotNull @Min(-10_000_000) @Max(10_000_000) Long points, @NotBlank @Size(max = 300) String reason) {
    }

    private final Loyalty loyalty;
    private final Referrals referrals;
    private final SecurityIdentity identity;

    public LoyaltyResource(Loyalty loyalty, Referrals referrals, SecurityIdentity identity) {
        this.loyalty = loyalty;
        this.referrals = referrals;
        this.identity = identity;
    }

    @GET
    @Path("/benefits")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.OPS_ADMIN, Roles.CLIENT})
    @Operation(summary = "The benefits catalogue", description = "Per tier: fee waivers and preferential rates, priority service, lounge and concierge with yearly quotas, a dedicated RM.")
    public List<Loyalty.Benefit> catalogue() {
        return loyalty.catalogue();
    }

    @PUT
    @Path("/benefits/{code}")
    @RolesAllowed(Roles.OPS_ADMIN)
    @Operation(summary = "Add or change a benefit", description = "ops-admin.")
    @APIResponse(responseCode = "400", description = "A field is invalid; it is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Loyalty.Benefit putBenefit(@PathParam("code") @Pattern(regexp = "[A-Z0-9-]{3,40}") String code, @Valid @NotNull BenefitSpec s) {
        return loyalty.putBenefit(Caller.of(identity), new Loyalty.Benefit(code, s.minTier(), s.kind(), s.nameZh(), s.nameEn(),
                s.terms(), s.yearlyQuota(), s.active()), s.unitCostCny());
    }

    @GET
    @Path("/clients/{id}/benefits")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.OPS_ADMIN, Roles.CLIENT})
    @Operation(summary = "A client's benefits and what is left of each quota this year")
    @APIResponse(responseCode = "404", description = "Client not in reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Loyalty.ClientBenefit> benefits(@PathParam("id") String id) {
        return loyalty.forClient(Caller.of(identity), Params.uuid("id", id));
    }

    @POST
    @Path("/clients/{id}/benefits/{code}/uses")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Record the use of a benefit", description = "Refused past its yearly quota or above the client's tier (409); nothing is recorded then. "
            + "The day decides the quota year, so it is the server's today unless `on` names an earlier day of the current year; "
            + "any other day is refused (400 naming `on`).")
    @APIResponse(responseCode = "400", description = "on outside the current quota year or in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "201", description = "Recorded; what is left")
    @APIResponse(responseCode = "409", description = "quota-exhausted or not-entitled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response use(@PathParam("id") String id, @PathParam("code") String code, @Valid Use use) {
        return Response.status(201).entity(loyalty.use(Caller.of(identity), Params.uuid("id", id), code,
                use == null ? null : use.on(), use == null ? null : use.note())).build();
    }

    @GET
    @Path("/clients/{id}/points")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.OPS_ADMIN, Roles.CLIENT})
    @Operation(summary = "A client's points statement", description = "Balance and the newest ledger entries (earnings name their source event).")
    public Loyalty.Statement points(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return loyalty.statement(Caller.of(identity), Params.uuid("id", id), limit);
    }

    @POST
    @Path("/clients/{id}/redemptions")
    @RolesAllowed({Roles.CLIENT, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Redeem points for a reward",
            description = "The client in the app or its RM. Balance and stock are checked atomically; the same idempotency key twice "
                    + "redeems once (the second answers 409 and changes nothing). A reward costing more than "
                    + "aurum.loyalty.checker-threshold-points waits for a checker (202, status PENDING): its points are reserved "
                    + "and its stock taken until compliance or the client's team lead approves or rejects it.")
    @APIResponse(responseCode = "201", description = "The ledger entry")
    @APIResponse(responseCode = "202", description = "Above the threshold: the pending approval (points reserved)")
    @APIResponse(responseCode = "409", description = "insufficient-points, out-of-stock or duplicate-redemption",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response redeem(@PathParam("id") String id, @Valid @NotNull Redemption r) {
        return created(loyalty.redeem(Caller.of(identity), Params.uuid("id", id), r.rewardCode(), r.idempotencyKey()));
    }

    private static Response created(Object entryOrApproval) {
        return Response.status(entryOrApproval instanceof Loyalty.Approval ? 202 : 201).entity(entryOrApproval).build();
    }

    @POST
    @Path("/clients/{id}/adjustments")
    @RolesAllowed(Roles.OPS_ADMIN)
    @Operation(summary = "Correct a balance", description = "A new ADJUST entry with its reason; ledger entries are never changed. "
            + "More than aurum.loyalty.checker-threshold-points (either sign) waits for a checker (202, PENDING; a negative one "
            + "reserves its points).")
    @APIResponse(responseCode = "201", description = "The ledger entry")
    @APIResponse(responseCode = "202", description = "Above the threshold: the pending approval")
    public Response adjust(@PathParam("id") String id, @Valid @NotNull Adjustment a) {
        return created(loyalty.adjust(Caller.of(identity), Params.uuid("id", id), a.points(), a.reason()));
    }

    @GET
    @Path("/approvals")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "Points acts for a checker (双人复核)",
            description = "Large redemptions and corrections, and the rewards of referrals under review, by status (default PENDING), "
                    + "oldest first: compliance sees all, a team lead its team's clients.")
    public List<Loyalty.Approval> approvals(@QueryParam("status") @DefaultValue("PENDING") @Pattern(regexp = "PENDING|APPROVED|REJECTED") String status,
                                            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return loyalty.approvals(Caller.of(identity), status, limit);
    }

    @POST
    @Path("/approvals/{approvalId}/approve")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "Approve a pending points act",
            description = "A compliance officer or the client's team lead, never the maker. Posts the ledger entry naming maker and checker.")
    @APIResponse(responseCode = "200", description = "The decided approval (entryId: the ledger entry)")
    @APIResponse(responseCode = "403", description = "maker-cannot-check",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "already-decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Loyalty.Approval approve(@PathParam("approvalId") String approvalId, @Valid Decision d) {
        return loyalty.decide(Caller.of(identity), Params.uuid("approvalId", approvalId), true, d == null ? null : d.note());
    }

    @POST
    @Path("/approvals/{approvalId}/reject")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "Reject a pending points act",
            description = "As approving; nothing is posted and what was reserved (points, the reward's stock) is released.")
    @APIResponse(responseCode = "403", description = "maker-cannot-check",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "already-decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Loyalty.Approval reject(@PathParam("approvalId") String approvalId, @Valid Decision d) {
        return loyalty.decide(Caller.of(identity), Params.uuid("approvalId", approvalId), false, d == null ? null : d.note());
    }

    @POST
    @Path("/referrals")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Record a referral (转介绍)",
            description = "A client of the caller's book introduced a prospect of the book. When client-service reports the prospect "
                    + "ACTIVE (KYC passed), the referrer earns the referral points once. A prospect is referred by one client only (409). "
                    + "A prospect the caller covers and that was registered within aurum.loyalty.referral-review-window (30 days) "
                    + "is recorded PENDING_REVIEW: its reward waits for compliance or the team lead (GET …/approvals).")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "409", description = "already-referred or not-a-prospect",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response refer(@Valid @NotNull NewReferral r) {
        return Response.status(201).entity(referrals.register(Caller.of(identity), r.referrerClientId(), r.referredClientId())).build();
    }

    @GET
    @Path("/clients/{id}/referrals")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "The referrals a client made and whether they converted")
    public List<Referrals.Referral> referrals(@PathParam("id") String id) {
        return referrals.madeBy(Caller.of(identity), Params.uuid("id", id));
    }

    @GET
    @Path("/rewards")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.OPS_ADMIN, Roles.CLIENT})
    @Operation(summary = "The rewards catalogue", description = "Gifts, services and experiences with their cost in points and stock.")
    public List<Loyalty.Reward> rewards() {
        return loyalty.rewards();
    }
}
