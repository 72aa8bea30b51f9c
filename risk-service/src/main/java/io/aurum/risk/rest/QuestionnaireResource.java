package io.aurum.risk.rest;

import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Params;
import io.aurum.risk.domain.Questionnaire;
import io.aurum.risk.questionnaire.QuestionnaireDefinition;
import io.aurum.risk.service.QuestionnaireService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/risk/questionnaires")
@Tag(name = "Risk questionnaires", description = "Versioned questionnaires; a published version never changes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuestionnaireResource {

    private final QuestionnaireService questionnaires;
    private final SecurityIdentity identity;

    public QuestionnaireResource(QuestionnaireService questionnaires, SecurityIdentity identity) {
        this.questionnaires = questionnaires;
        this.identity = identity;
    }

    public record QuestionnaireView(UUID id, String code, int version, String status, Instant publishedAt,
                                    QuestionnaireDefinition definition) {
        static QuestionnaireView of(Questionnaire q) {
            return new QuestionnaireView(q.id, q.code, q.version, q.status.name(), q.publishedAt, q.definition);
        }
    }

    public record NewQuestionnaire(
            @NotNull @Pattern(regexp = "[A-Z0-9-]{2,40}") @Schema(example = "CN-STD") String code,
            @NotNull @Valid QuestionnaireDefinition definition) {
    }

    @GET
    @Path("/current")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER,
            Roles.OPS_ADMIN, Roles.CLIENT})
    @Operation(summary = "The questionnaire to answer now",
            description = "The published version clients answer, in Chinese and English, with every option's score.")
    @APIResponse(responseCode = "200", description = "The published questionnaire")
    @APIResponse(responseCode = "404", description = "Nothing published",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QuestionnaireView current() {
        return QuestionnaireView.of(questionnaires.current());
    }

    @GET
    @RolesAllowed({Roles.OPS_ADMIN, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "Every version of every questionnaire", description = "Drafts, published and retired versions.")
    @APIResponse(responseCode = "200", description = "All versions")
    public List<QuestionnaireView> all() {
        return questionnaires.all().stream().map(QuestionnaireView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPS_ADMIN, Roles.COMPLIANCE_OFFICER, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR})
    @Operation(summary = "One questionnaire version", description = "For example the version an old assessment answered.")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QuestionnaireView get(@PathParam("id") String id) {
        return QuestionnaireView.of(questionnaires.get(Params.uuid("id", id)));
    }

    @POST
    @RolesAllowed(Roles.OPS_ADMIN)
    @Operation(summary = "Create a draft version",
            description = "The next version of the code, as a draft. The definition is checked: unique question codes, "
                    + "at least two options per question, bands covering 0–100 with levels that never fall.")
    @APIResponse(responseCode = "201", description = "The draft")
    @APIResponse(responseCode = "400", description = "The definition is invalid; each problem names its place",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull NewQuestionnaire request) {
        Questionnaire q = questionnaires.createDraft(request.code(), request.definition(), Caller.of(identity).subject());
        return Response.status(201).entity(QuestionnaireView.of(q)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OPS_ADMIN)
    @Operation(summary = "Replace a draft's definition", description = "Only drafts change; a published version answers 409.")
    @APIResponse(responseCode = "200", description = "The updated draft")
    @APIResponse(responseCode = "409", description = "Published or retired: immutable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QuestionnaireView update(@PathParam("id") String id, @Valid @NotNull QuestionnaireDefinition definition) {
        return QuestionnaireView.of(questionnaires.updateDraft(Params.uuid("id", id), definition));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.OPS_ADMIN)
    @Operation(summary = "Publish a draft", description = "Freezes the version and retires the previously published one.")
    @APIResponse(responseCode = "200", description = "Published")
    @APIResponse(responseCode = "409", description = "Not a draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QuestionnaireView publish(@PathParam("id") String id) {
        return QuestionnaireView.of(questionnaires.publish(Params.uuid("id", id)));
    }
}
