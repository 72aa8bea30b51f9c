package io.aurum.engagement.rest;

import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Params;
import io.aurum.engagement.service.Surveys;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/engagement/surveys")
@Tag(name = "Satisfaction", description = "CSAT/NPS after interactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SurveyResource {

    public record Answer(@NotNull @Min(1) @Max(5) Integer csat, @NotNull @Min(0) @Max(10) Integer nps,
                         @Size(max = 2000) String comment) {
    }

    private final Surveys surveys;
    private final SecurityIdentity identity;

    public SurveyResource(Surveys surveys, SecurityIdentity identity) {
        this.surveys = surveys;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client's surveys", description = "Unanswered first (the app asks these).")
    public List<Surveys.Survey> mine() {
        return surveys.mine(Caller.of(identity));
    }

    @POST
    @Path("/{id}")
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "Answer a survey", description = "CSAT 1–5 and NPS 0–10, once.")
    @APIResponse(responseCode = "400", description = "Scores out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Answered already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Surveys.Survey answer(@PathParam("id") String id, @Valid @NotNull Answer a) {
        return surveys.answer(Caller.of(identity), Params.uuid("id", id), a.csat(), a.nps(), a.comment());
    }
}
