package io.aurum.advisory.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurum.advisory.domain.Proposal;
import io.aurum.advisory.domain.ProposalStatus;
import io.aurum.advisory.service.ProposalAcceptance;
import io.aurum.advisory.service.Proposals;
import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.common.web.Params;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

@Path("/api/advice/proposals")
@Tag(name = "Proposals", description = "Suitability-checked investment proposals: build, edit, present, answer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProposalResource {

    private final Proposals proposals;
    private final ProposalAcceptance acceptance;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    public ProposalResource(Proposals proposals, ProposalAcceptance acceptance, SecurityIdentity identity, ObjectMapper mapper) {
        this.proposals = proposals;
        this.acceptance = acceptance;
        this.identity = identity;
        this.mapper = mapper;
    }

    public record Amount(@NotNull @DecimalMin("1000.00") @DecimalMax("100000000000.00") @Digits(integer = 12, fraction = 2)
                         @Schema(example = "2000000.00") BigDecimal amount,
                         @NotNull @Pattern(regexp = "[A-Z]{3}") @Schema(example = "CNY") String currency) {
    }

    public record NewProposal(@NotNull @Schema(example = "c1a2b3c4-0000-4000-8000-000000000001") UUID clientId,
                              @NotNull @Valid Amount amount,
                              @Size(max = 10) List<@NotNull UUID> goalIds,
                              @Min(0) @Max(36500) @Schema(description = "Leave out products locked up longer than this") Integer maxLockupDays) {
    }

    public record LineAmount(@NotNull @DecimalMin("0.01") @DecimalMax("100000000000.00") @Digits(integer = 12, fraction = 2)
                             @Schema(example = "600000.00") BigDecimal amount,
                             @NotNull @Pattern(regexp = "[A-Z]{3}") @Schema(example = "CNY") String currency) {
    }

    public record LineRequest(@NotNull UUID productId, @NotNull @Valid LineAmount amount) {
    }

    public record Lines(@NotNull @Size(min = 1, max = 30) List<@NotNull @Valid LineRequest> lines) {
    }

    public record Rejection(@Size(max = 1000) String reason) {
    }

    public record ExpiryRun(int expired, Instant asOf) {
    }

    public record CoolingOffRun(@Schema(description = "Acceptances that became final (ProposalAccepted each)") int finalised,
                                Instant asOf) {
    }

    public record Acknowledgement(
            @NotNull @Min(1) @Max(30) @Schema(description = "The line (1-based, as in lines[].line)", example = "2") Integer line,
            @NotNull @Size(min = 1, max = 20) @Schema(description = "The reason codes the client was shown for the line; they must"
                    + " cover the line's toAcknowledge", example = "[\"LOCKUP_EXCEEDS_HORIZON\"]")
            List<@NotNull @Pattern(regexp = "[A-Z][A-Z_]{1,39}") String> reasonCodes,
            @NotNull @Size(max = 40) @Schema(description = "The version of the risk disclosure the client was shown"
                    + " (riskDisclosure.version)", example = "RD-2026-1") String disclosureVersion) {
    }

    public record Acceptance(@Size(max = 40) @Schema(description = "The version of the risk disclosure the client was shown"
            + " (riskDisclosure.version); the current one when left out", example = "RD-2026-1") String disclosureVersion) {
    }

    public record Cancellation(@Size(max = 1000) String reason) {
    }

    @POST
    @RolesAllowed({Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Build a proposal for a client",
            description = "Allocates the amount by the model of the client's risk level, picks products on sale that fit (rating at or "
                    + "below the level, minimum investment, currency, lock-up), and has risk-service check every line. Needs a "
                    + "valid risk profile. The draft is saved only when the check succeeded; while risk-service is down the "
                    + "answer is 503 and nothing is saved.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two million", value = """
            {"clientId":"c1a2b3c4-0000-4000-8000-000000000001","amount":{"amount":"2000000.00","currency":"CNY"},"maxLockupDays":365}""")))
    @APIResponse(responseCode = "201", description = "The draft", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "400", description = "Invalid amount, currency or goal; the field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Client not in the caller's reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No valid risk profile (risk-profile-missing / risk-profile-expired), or the client is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "risk-service cannot check suitability now; nothing saved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull NewProposal request, @Context UriInfo uri) {
        // one transaction: the view is built from the entities just written (no reload)
        ProposalView v = view(() -> proposals.create(Caller.of(identity), request.clientId(), request.amount().amount(),
                request.amount().currency(), request.goalIds(), request.maxLockupDays()));
        return Response.created(uri.getAbsolutePathBuilder().path(v.id().toString()).build())
                .entity(v).tag(new EntityTag(Long.toString(v.version()))).build();
    }

    @GET
    @RolesAllowed({Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "Proposals in the caller's reach",
            description = "Advisors: their clients'; RMs: their book's; team leads: their team's; compliance: all; a client: its own "
                    + "presented and answered proposals (never drafts). Newest first.")
    @APIResponse(responseCode = "200", description = "A page of proposals")
    @APIResponse(responseCode = "400", description = "Bad filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ProposalView> list(@QueryParam("clientId") String clientId, @QueryParam("status") String status,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        UUID client = clientId == null || clientId.isBlank() ? null : Params.uuid("clientId", clientId);
        ProposalStatus st = Params.enumValue(ProposalStatus.class, "status", status);
        return QuarkusTransaction.requiringNew().call(() -> {
            Page<Proposal> result = proposals.list(Caller.of(identity), client, st, page, size);
            return Page.of(result.items().stream().map(p -> ProposalView.of(p, mapper)).toList(), page, size, result.total());
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "One proposal", description = "With its lines, verdicts and reasons, figures and the risk disclosure (zh/en). ETag carries its version.")
    @APIResponse(responseCode = "200", description = "The proposal", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "404", description = "Unknown or not in reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        UUID pid = Params.uuid("id", id);
        return tagged(view(() -> proposals.get(Caller.of(identity), pid)));
    }

    @PUT
    @Path("/{id}/lines")
    @RolesAllowed({Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Replace a draft's lines",
            description = "If-Match required. Every product must be on sale, in the proposal's currency and at or above its minimum; "
                    + "the suitability check reruns (503 and nothing saved if risk-service is down).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two lines", value = """
            {"lines":[{"productId":"a0000000-0000-4000-8000-000000000003","amount":{"amount":"600000.00","currency":"CNY"}},
                      {"productId":"a0000000-0000-4000-8000-000000000005","amount":{"amount":"400000.00","currency":"CNY"}}]}""")))
    @APIResponse(responseCode = "200", description = "The rechecked draft", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "400", description = "Unknown product, below minimum, currency mismatch; lines[i] named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replaceLines(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull Lines body) {
        UUID pid = Params.uuid("id", id);
        long version = Params.requiredIfMatch(ifMatch);
        for (int i = 0; i < body.lines().size(); i++) {
            if (!Proposals.CURRENCY.equals(body.lines().get(i).amount().currency())) {
                throw io.aurum.common.problem.ApiException.badField("lines[" + i + "].amount.currency", "proposals are in CNY");
            }
        }
        List<Proposals.LineSpec> specs = body.lines().stream()
                .map(l -> new Proposals.LineSpec(l.productId(), l.amount().amount())).toList();
        return tagged(view(() -> proposals.replaceLines(Caller.of(identity), pid, version, specs)));
    }

    @POST
    @Path("/{id}/present")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Present a draft to the client",
            description = "Reruns the suitability check now; any UNSUITABLE or NOT_ASSESSED line blocks (409 naming the lines and "
                    + "reasons). Presented proposals expire after 30 days (configurable). ProposalPresented is published. If-Match "
                    + "is honoured when sent.")
    @APIResponse(responseCode = "200", description = "Presented", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "409", description = "A line is refused (proposal-unsuitable) or not a draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "risk-service cannot check now; the proposal stays a draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response present(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        UUID pid = Params.uuid("id", id);
        Long version = Params.ifMatch(ifMatch);
        return tagged(view(() -> proposals.present(Caller.of(identity), pid, version)));
    }

    @POST
    @Path("/{id}/acknowledgements")
    @RolesAllowed({Roles.CLIENT, Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Record the client's acknowledgement of a line",
            description = "A line that is not SUITABLE can be accepted only on the client's own acknowledgement of its reasons "
                    + "(lines[].toAcknowledge) under the current risk disclosure. The client gives it in the app (channel APP, "
                    + "recorded at once); staff capture it at a branch (channel BRANCH), and it counts only once a second staff "
                    + "member confirms it (POST …/acknowledgements/{ackId}/confirmation). A line with ELDERLY_HIGH_RISK (client "
                    + "65 or over, R4 or above) needs that confirmation on an app acknowledgement too. The channel follows from "
                    + "the token, never from the body. Kept for ever as sale evidence (what was shown, disclosure text and "
                    + "version, channel, time, who).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "lock-up beyond the horizon", value = """
            {"line":2,"reasonCodes":["LOCKUP_EXCEEDS_HORIZON"],"disclosureVersion":"RD-2026-1"}""")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ProposalView.EvidenceView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or no such line",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not in the caller's reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Refused, naming the codes: acknowledgement-incomplete, not-on-the-line, "
            + "disclosure-outdated, nothing-to-acknowledge, line-refused, already-acknowledged; not presented or expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response acknowledge(@PathParam("id") String id, @Valid @NotNull Acknowledgement body) {
        UUID pid = Params.uuid("id", id);
        ProposalView.EvidenceView v = QuarkusTransaction.requiringNew().call(() -> ProposalView.EvidenceView.of(
                acceptance.acknowledge(Caller.of(identity), pid, body.line(), new java.util.TreeSet<>(body.reasonCodes()),
                        body.disclosureVersion())));
        return Response.status(201).entity(v).build();
    }

    @POST
    @Path("/{id}/acknowledgements/{ackId}/confirmation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Confirm an acknowledgement as the second staff member",
            description = "Four eyes: a staff member of the client's coverage team other than the one who captured it confirms a "
                    + "branch acknowledgement, or gives a client's app acknowledgement the extra confirmation a 65-or-over "
                    + "client's R4+ line needs. Both names are kept.")
    @APIResponse(responseCode = "200", description = "Confirmed", content = @Content(schema = @Schema(implementation = ProposalView.EvidenceView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not in the caller's reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "same-staff-confirmation (the capturer cannot confirm), already-confirmed; "
            + "not presented or expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProposalView.EvidenceView confirmAcknowledgement(@PathParam("id") String id, @PathParam("ackId") String ackId) {
        UUID pid = Params.uuid("id", id);
        UUID eid = Params.uuid("ackId", ackId);
        return QuarkusTransaction.requiringNew().call(() -> ProposalView.EvidenceView.of(
                acceptance.confirmAcknowledgement(Caller.of(identity), pid, eid)));
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.CLIENT, Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Accept a presented proposal (the client's act)",
            description = "Accepting is the client's own act. With the client's token (the app) it is recorded at once: the "
                    + "proposal is ACCEPTED and ProposalAccepted is published, or — when a line is a private product — it is "
                    + "COOLING_OFF until coolingOffUntil (24 hours, aurum.advice.cooling-off; ProposalCoolingOffStarted), the "
                    + "client may withdraw meanwhile, and ProposalAccepted follows only when it is final. With a staff token it "
                    + "records a branch acceptance: 202, the proposal stays PRESENTED until a second staff member confirms "
                    + "(POST …/accept/confirmation). Either way every line that is not SUITABLE must already carry the client's "
                    + "own acknowledgement. Refusals are 409 naming the reason codes.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "disclosure shown", value = """
            {"disclosureVersion":"RD-2026-1"}""")))
    @APIResponse(responseCode = "200", description = "Accepted by the client: ACCEPTED, or COOLING_OFF",
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "202", description = "Branch acceptance captured by staff; waits for a second staff member's confirmation",
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "404", description = "Not in the caller's reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Refused, the lines and codes named: acknowledgement-required, "
            + "extra-confirmation-required, second-confirmation-required, compliance-approval-required, disclosure-outdated; "
            + "not presented, or expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response accept(@PathParam("id") String id, @Valid Acceptance body) {
        UUID pid = Params.uuid("id", id);
        ProposalView v = view(() -> acceptance.accept(Caller.of(identity), pid, body == null ? null : body.disclosureVersion()));
        int status = ProposalStatus.PRESENTED.name().equals(v.status()) ? 202 : 200;
        return Response.status(status).entity(v).tag(new EntityTag(Long.toString(v.version()))).build();
    }

    @POST
    @Path("/{id}/accept/confirmation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Confirm a branch acceptance as the second staff member",
            description = "Four eyes: a staff member of the client's coverage team other than the one who captured the branch "
                    + "acceptance confirms it; then the proposal is ACCEPTED (ProposalAccepted), or COOLING_OFF when a line is a "
                    + "private product. Both names are kept.")
    @APIResponse(responseCode = "200", description = "ACCEPTED, or COOLING_OFF", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "404", description = "Not in the caller's reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "same-staff-confirmation, no-acceptance-to-confirm, or a line still lacks "
            + "the client's acknowledgement; not presented, or expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response confirmAcceptance(@PathParam("id") String id) {
        UUID pid = Params.uuid("id", id);
        return tagged(view(() -> acceptance.confirmAcceptance(Caller.of(identity), pid)));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "Withdraw an acceptance within its cooling-off period",
            description = "The client, in the app, before coolingOffUntil: the proposal becomes CANCELLED and ProposalCancelled is "
                    + "published; no ProposalAccepted ever follows.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "404", description = "Not the client's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "not-in-cooling-off, or cooling-off-over (the acceptance is final)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cancel(@PathParam("id") String id, @Valid Cancellation body) {
        UUID pid = Params.uuid("id", id);
        return tagged(view(() -> acceptance.cancel(Caller.of(identity), pid, body == null ? null : body.reason())));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.CLIENT, Roles.ADVISOR, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Reject a presented proposal", description = "The client in the app, or its advisor, RM or team lead "
            + "recording that it declined; with an optional reason. ProposalRejected is published.")
    @APIResponse(responseCode = "200", description = "Rejected", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "409", description = "Not presented, or expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reject(@PathParam("id") String id, @Valid Rejection body) {
        UUID pid = Params.uuid("id", id);
        return tagged(view(() -> proposals.reject(Caller.of(identity), pid, body == null ? null : body.reason())));
    }

    @POST
    @Path("/expiry-runs")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPS_ADMIN)
    @Operation(summary = "Expire presented proposals now",
            description = "What the hourly job does, on demand: every presented proposal whose expiry has passed at asOf "
                    + "(default now; never in the future) becomes EXPIRED.")
    @APIResponse(responseCode = "200", description = "How many expired")
    @APIResponse(responseCode = "400", description = "asOf is not an instant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExpiryRun expire(@QueryParam("asOf") String asOf) {
        Instant now = pastOrNow(asOf);
        return new ExpiryRun(proposals.expireDue(now), now);
    }

    @POST
    @Path("/cooling-off-runs")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPS_ADMIN)
    @Operation(summary = "Make acceptances final whose cooling-off has passed",
            description = "What the scheduled job does (aurum.advice.cooling-off-cron), on demand: every COOLING_OFF proposal whose "
                    + "coolingOffUntil has passed at asOf (default now; never in the future) becomes ACCEPTED and its "
                    + "ProposalAccepted is published.")
    @APIResponse(responseCode = "200", description = "How many became final")
    @APIResponse(responseCode = "400", description = "asOf is not an instant, or in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CoolingOffRun finaliseCoolingOff(@QueryParam("asOf") String asOf) {
        Instant now = pastOrNow(asOf);
        return new CoolingOffRun(acceptance.finaliseDue(now), now);
    }

    private static Instant pastOrNow(String asOf) {
        Instant at = Params.instant("asOf", asOf);
        Instant now = at == null ? Instant.now() : at;
        if (now.isAfter(Instant.now())) {
            throw io.aurum.common.problem.ApiException.badField("asOf", "must not be in the future");
        }
        return now;
    }

    /** Runs the change (or read) and builds the view in one transaction, flushed so the version is the committed one. */
    private ProposalView view(Supplier<Proposal> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Proposal p = work.get();
            Proposal.getEntityManager().flush();
            return ProposalView.of(p, mapper);
        });
    }

    private static Response tagged(ProposalView v) {
        return Response.ok(v).tag(new EntityTag(Long.toString(v.version()))).build();
    }
}
