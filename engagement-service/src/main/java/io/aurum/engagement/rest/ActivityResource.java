package io.aurum.engagement.rest;

import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Params;
import io.aurum.engagement.domain.Activity;
import io.aurum.engagement.service.Activities;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Path("/api/engagement/activities")
@Tag(name = "Client activities", description = "Salons, seminars, wine tastings, golf days: invitations, RSVPs, attendance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityResource {

    public record NewActivity(@NotBlank @Size(max = 200) String name,
                              @NotBlank @Schema(description = "SALON, SEMINAR, WINE_TASTING, GOLF_DAY, ART_VIEWING or OTHER") String kind,
                              @NotNull Instant startsAt, @NotBlank @Size(max = 300) String location,
                              @Min(1) @Max(10000) int capacity,
                              @Size(max = 7) List<@Pattern(regexp = "MASS|VIP|GOLD|PLATINUM|DIAMOND|PRIVATE") String> targetTiers,
                              @Size(max = 10) List<@Pattern(regexp = "[\\p{L}\\p{N} _-]{1,40}") String> interestTags,
                              @DecimalMin("0") @Digits(integer = 8, fraction = 2)
                              @Schema(description = "What one attendee costs the bank (client contribution); default 0") BigDecimal costPerHeadCny) {
    }

    public record ActivityView(UUID id, String name, String kind, Instant startsAt, String location, int capacity,
                               List<String> targetTiers, List<String> interestTags, String team) {
        static ActivityView of(Activity a) {
            return new ActivityView(a.id, a.name, a.kind.name(), a.startsAt, a.location, a.capacity, Arrays.asList(a.targetTiers),
                    Arrays.asList(a.interestTags), a.team);
        }
    }

    public record Rsvp(@NotNull UUID clientId, @NotNull Boolean accepted) {
    }

    public record Attendance(@NotNull @Size(min = 1, max = 1000) List<@NotNull UUID> clientIds) {
    }

    public record Count(int count) {
    }

    private final Activities activities;
    private final SecurityIdentity identity;

    public ActivityResource(Activities activities, SecurityIdentity identity) {
        this.activities = activities;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.OPS_ADMIN})
    @Operation(summary = "Plan an activity", description = "For the caller's team (ops: bank-wide).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "wine", value = """
            {"name":"波尔多名庄品鉴会 Bordeaux tasting","kind":"WINE_TASTING","startsAt":"2026-12-12T11:00:00Z",
             "location":"Aurum Private Lounge, Shanghai","capacity":30,"targetTiers":["PLATINUM","DIAMOND","PRIVATE"],"interestTags":["wine"]}""")))
    @APIResponse(responseCode = "201", description = "Planned")
    @APIResponse(responseCode = "400", description = "A field is invalid; it is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull NewActivity r) {
        Activity a = activities.create(Caller.of(identity), new Activities.Spec(r.name(), Params.enumValue(Activity.Kind.class,
                "kind", r.kind()), r.startsAt(), r.location(), r.capacity(), r.targetTiers(), r.interestTags(),
                r.costPerHeadCny()));
        return Response.status(201).entity(ActivityView.of(a)).build();
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.OPS_ADMIN, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "Upcoming activities", description = "Staff: their team's and bank-wide ones; a client: those it is invited to.")
    public List<ActivityView> upcoming() {
        return activities.upcoming(Caller.of(identity)).stream().map(ActivityView::of).toList();
    }

    @POST
    @Path("/{id}/invitations")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.OPS_ADMIN})
    @Operation(summary = "Build the invitation list",
            description = "Active clients of the target tiers with a matching interest tag who allow marketing contact, best match "
                    + "first, up to twice the capacity. Running it again tops the list up.")
    @APIResponse(responseCode = "200", description = "How many were newly invited")
    public Count invite(@PathParam("id") String id) {
        return new Count(activities.invite(Caller.of(identity), Params.uuid("id", id)));
    }

    @GET
    @Path("/{id}/invitations")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.OPS_ADMIN, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "The guest list with answers and attendance")
    public List<Activities.Invitation> invitations(@PathParam("id") String id) {
        return activities.invitations(Caller.of(identity), Params.uuid("id", id));
    }

    @POST
    @Path("/{id}/rsvp")
    @RolesAllowed({Roles.CLIENT, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Answer an invitation", description = "The client in the app, or its RM. Acceptances stop at the capacity (409).")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "409", description = "Full, or the activity has taken place",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void rsvp(@PathParam("id") String id, @Valid @NotNull Rsvp r) {
        activities.rsvp(Caller.of(identity), Params.uuid("id", id), r.clientId(), r.accepted());
    }

    @POST
    @Path("/{id}/attendance")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.OPS_ADMIN})
    @Operation(summary = "Record who came", description = "Each attendance is an EVENT interaction (resets the cadence clock); accepted "
            + "guests not named become NO_SHOW.")
    @APIResponse(responseCode = "400", description = "A client was not invited; clientIds[i] is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Count attendance(@PathParam("id") String id, @Valid @NotNull Attendance a) {
        return new Count(activities.attendance(Caller.of(identity), Params.uuid("id", id), a.clientIds()));
    }
}
