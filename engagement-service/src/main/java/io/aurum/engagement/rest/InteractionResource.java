package io.aurum.engagement.rest;

import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.common.web.Params;
import io.aurum.engagement.domain.Interaction;
import io.aurum.engagement.service.Interactions;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/engagement/interactions")
@Tag(name = "Interactions", description = "Contacts with clients: they complete tasks and reset the cadence clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InteractionResource {

    public record NewInteraction(@NotNull UUID clientId,
                                 @NotBlank @Schema(description = "CALL, MEETING, BRANCH_VISIT, EMAIL, SMS, WECHAT or EVENT", example = "CALL") String channel,
                                 @Schema(description = "When it happened (default now); not in the future") Instant occurredAt,
                                 @Size(max = 4000) String notes, @Size(max = 500) String outcome, @Size(max = 500) String nextStep,
                                 Instant nextStepDue,
                                 @Size(max = 20) @Schema(description = "Tasks this contact completes; default: the client's open contact tasks")
                                 List<@NotNull UUID> taskIds) {
    }

    public record InteractionView(UUID id, UUID clientId, UUID staffId, String channel, Instant occurredAt, boolean meaningful,
                                  String notes, String outcome, String nextStep, Instant nextStepDue, UUID activityId,
                                  String createdBy) {
        static InteractionView of(Interaction i) {
            return new InteractionView(i.id, i.clientId, i.staffId, i.channel.name(), i.occurredAt, i.meaningful, i.notes,
                    i.outcome, i.nextStep, i.nextStepDue, i.activityId, i.createdBy);
        }
    }

    public record LoggedView(InteractionView interaction, List<UUID> completedTasks, UUID surveyId, UUID nextStepTaskId) {
    }

    private final Interactions interactions;
    private final SecurityIdentity identity;

    public InteractionResource(Interactions interactions, SecurityIdentity identity) {
        this.interactions = interactions;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR})
    @Operation(summary = "Log a contact with a client",
            description = "A conversation (call, meeting, branch visit, WeChat, event) completes the client's open contact tasks "
                    + "(or the taskIds given), resets the cadence clock and sends the client a CSAT/NPS survey. A next step with a "
                    + "date becomes a task.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "call", value = """
            {"clientId":"c1a2b3c4-0000-4000-8000-000000000001","channel":"CALL","notes":"Discussed the outflow: a property purchase",
             "outcome":"Client stays; will bring 2m back in Q1","nextStep":"Send the Q1 fixed-income shelf","nextStepDue":"2026-12-05T02:00:00Z"}""")))
    @APIResponse(responseCode = "201", description = "Logged; the tasks it completed")
    @APIResponse(responseCode = "400", description = "Unknown channel, a future time, a next step without text, oversize notes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Client not in the caller's book",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response log(@Valid @NotNull NewInteraction r) {
        Interactions.Logged logged = interactions.log(Caller.of(identity), new Interactions.Entry(r.clientId(),
                Params.enumValue(Interaction.Channel.class, "channel", r.channel()), r.occurredAt(), r.notes(), r.outcome(),
                r.nextStep(), r.nextStepDue(), r.taskIds()));
        return Response.status(201).entity(new LoggedView(InteractionView.of(logged.interaction()), logged.completedTasks(),
                logged.surveyId(), logged.nextStepTaskId())).build();
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "A client's contact history", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "A page of interactions")
    @APIResponse(responseCode = "404", description = "Client not in the caller's book",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<InteractionView> history(@QueryParam("clientId") String clientId,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                         @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Page<Interaction> p = interactions.history(Caller.of(identity), Params.uuid("clientId", clientId), page, size);
        return Page.of(p.items().stream().map(InteractionView::of).toList(), page, size, p.total());
    }
}
