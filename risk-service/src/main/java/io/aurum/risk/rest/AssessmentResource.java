package io.aurum.risk.rest;

import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Params;
import io.aurum.risk.domain.ClientRef;
import io.aurum.risk.domain.RiskAssessment;
import io.aurum.risk.service.AssessmentService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/risk/clients/{clientId}")
@Tag(name = "Risk profiles", description = "Assessments (immutable history) and the client's current C1–C5 profile")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    private final AssessmentService assessments;
    private final SecurityIdentity identity;

    public AssessmentResource(AssessmentService assessments, SecurityIdentity identity) {
        this.assessments = assessments;
        this.identity = identity;
    }

    public record NewAssessment(
            @Schema(description = "The questionnaire version answered; defaults to the published one") UUID questionnaireId,
            @NotNull @NotEmpty @Schema(description = "Question code → chosen option code") Map<String, String> answers) {
    }

    public record AssessmentView(UUID id, UUID clientId, String questionnaire, int questionnaireVersion,
                                 Map<String, String> answers, int score, String bandLevel, String level,
                                 String levelNameZh, String levelNameEn, String mayBuy, String cappedBy,
                                 Integer horizonMonths, boolean vulnerable, String channel, String assessedBy,
                                 String assessedByRole, Instant assessedAt, Instant validUntil) {
        static AssessmentView of(RiskAssessment a) {
            return new AssessmentView(a.id, a.clientId, a.questionnaireCode, a.questionnaireVersion, a.answers, a.score,
                    a.bandLevel.name(), a.level.name(), a.level.nameZh(), a.level.nameEn(),
                    a.level.mayBuyLabel(), a.capQuestion == null ? null : a.capQuestion + "=" + a.capOption, a.horizonMonths, a.vulnerable,
                    a.channel.name(), a.assessedBy, a.assessedByRole, a.assessedAt, a.validUntil);
        }
    }

    /**
     * @param partnerSharingConsent whether the client lets the bank share data with partner institutions (null:
     *                              not known yet) — an advisor proposing a partner's product needs it
     */
    public record ProfileView(UUID clientId, String level, String levelNameZh, String levelNameEn, String threeTypeView,
                              String mayBuy, int score, Integer horizonMonths, boolean vulnerable, UUID assessmentId,
                              Instant assessedAt, Instant validUntil, long daysToExpiry, Boolean partnerSharingConsent) {
        static ProfileView of(RiskAssessment a, ClientRef ref) {
            return new ProfileView(a.clientId, a.level.name(), a.level.nameZh(), a.level.nameEn(),
                    a.level.threeTypeView().name(), a.level.mayBuyLabel(),
                    a.score, a.horizonMonths, a.vulnerable, a.id, a.assessedAt, a.validUntil,
                    Math.max(0, Duration.between(Instant.now(), a.validUntil).toDays()),
                    ref == null || ref.consents == null ? null : ref.consents.get("PARTNER_SHARING"));
        }
    }

    @POST
    @Path("/assessments")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CLIENT})
    @Operation(summary = "Run a risk assessment",
            description = "An RM (own book) or team lead at the branch, or the client itself on mobile. The answers are "
                    + "scored against the published questionnaire; capping answers lower the level. The result is kept "
                    + "for ever, valid 12 months, and RiskProfileAssessed is published on risk.profile.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "balanced", value = """
            {"answers":{"Q1":"B","Q2":"B","Q3":"C","Q4":"C","Q5":"B","Q6":"C","Q7":"C","Q8":"B","Q9":"C","Q10":"B","Q11":"B","Q12":"B"}}""")))
    @APIResponse(responseCode = "201", description = "Assessed",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "Unknown question or option, or a mandatory answer missing; named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Client not in the caller's reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The version answered is retired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response assess(@PathParam("clientId") String clientId, @Valid @NotNull NewAssessment request) {
        RiskAssessment a = assessments.assess(Params.uuid("clientId", clientId), request.questionnaireId(),
                request.answers(), Caller.of(identity));
        return Response.status(201).entity(AssessmentView.of(a)).build();
    }

    @GET
    @Path("/assessments")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "Every assessment of the client, newest first", description = "Immutable history.")
    @APIResponse(responseCode = "200", description = "The history")
    public List<AssessmentView> history(@PathParam("clientId") String clientId) {
        return assessments.history(Params.uuid("clientId", clientId), Caller.of(identity)).stream()
                .map(AssessmentView::of).toList();
    }

    @GET
    @Path("/profile")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.CLIENT,
            Roles.INTERNAL_SERVICE})
    @Operation(summary = "The client's current risk profile",
            description = "The latest assessment while it is valid. A missing or expired profile answers 404 "
                    + "(type no-risk-profile): every suitability check then says NOT_ASSESSED.")
    @APIResponse(responseCode = "200", description = "The current profile",
            content = @Content(schema = @Schema(implementation = ProfileView.class)))
    @APIResponse(responseCode = "404", description = "No valid profile, or client not in reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProfileView profile(@PathParam("clientId") String clientId) {
        UUID id = Params.uuid("clientId", clientId);
        return assessments.currentProfile(id, Caller.of(identity)).map(a -> ProfileView.of(a, ClientRef.findById(id)))
                .orElseThrow(() -> new ApiException(404, "no-risk-profile", "No valid risk profile",
                        "Client " + id + " has no valid risk profile: missing or expired; reassess the client"));
    }
}
