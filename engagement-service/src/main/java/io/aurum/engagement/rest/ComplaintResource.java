package io.aurum.engagement.rest;

import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.common.web.Params;
import io.aurum.engagement.domain.Complaint;
import io.aurum.engagement.service.Complaints;
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
import jakarta.ws.rs.PathParam;
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
import java.util.UUID;

@Path("/api/engagement/complaints")
@Tag(name = "Complaints", description = "Intake, deadlines, escalation to the team lead, resolution reported back")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    public record NewComplaint(@Schema(description = "Staff: the client; a client files about itself (may be left out)") UUID clientId,
                               @NotBlank @Schema(description = "SERVICE, PRODUCT, FEES, MIS_SELLING, DATA_PRIVACY or OTHER", example = "SERVICE") String category,
                               @Schema(description = "LOW, MEDIUM (default), HIGH or CRITICAL") String severity,
                               @Schema(description = "Staff filing: RM, BRANCH or PHONE (default RM); the app is APP") String channel,
                               @NotBlank @Size(max = 200) String subject,
                               @NotBlank @Size(max = 4000) String description) {
    }

    public record Resolution(@NotBlank @Size(max = 4000) String resolution) {
    }

    public record Feedback(@NotNull Boolean satisfied, @Size(max = 2000) String comment) {
    }

    public record ComplaintView(UUID id, UUID clientId, String team, UUID ownerId, String category, String severity, String status,
                                String channel, String subject, String description, Instant receivedAt, Instant acknowledgeBy,
                                Instant resolveBy, Instant acknowledgedAt, Instant resolvedAt, String resolution,
                                int escalationLevel, Instant escalatedAt, boolean breached, Boolean clientSatisfied,
                                String clientFeedback, long version) {
        static ComplaintView of(Complaint c) {
            return new ComplaintView(c.id, c.clientId, c.team, c.ownerId, c.category.name(), c.severity.name(), c.status.name(),
                    c.channel.name(), c.subject, c.description, c.receivedAt, c.ackDueAt, c.resolveDueAt, c.acknowledgedAt,
                    c.resolvedAt, c.resolution, c.escalationLevel, c.escalatedAt, c.breached(Instant.now()), c.clientSatisfied,
                    c.clientFeedback, c.version);
        }
    }

    public record ReportView(Instant asOf, long open, long breached, java.util.Map<String, Long> openByCategory,
                             java.util.Map<String, Long> breachedByTeam, java.util.List<ComplaintView> breachedComplaints) {
    }

    private final Complaints complaints;
    private final SecurityIdentity identity;

    public ComplaintResource(Complaints complaints, SecurityIdentity identity) {
        this.complaints = complaints;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.CLIENT, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "File a complaint",
            description = "By the client in the app (about itself) or by its RM or team lead. Deadlines: acknowledge within 24 hours, "
                    + "resolve within 15 days (configurable); ComplaintOpened is published.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "app", value = """
            {"category":"FEES","severity":"HIGH","subject":"Unexpected redemption fee",
             "description":"I was charged 1.5% on redeeming the balanced fund; nobody told me."}""")))
    @APIResponse(responseCode = "201", description = "Filed")
    @APIResponse(responseCode = "400", description = "Unknown category/severity/channel, oversize text",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response file(@Valid @NotNull NewComplaint r) {
        Complaint c = complaints.file(Caller.of(identity), new Complaints.Filing(r.clientId(),
                Params.enumValue(Complaint.Category.class, "category", r.category()),
                Params.enumValue(Complaint.Severity.class, "severity", r.severity()),
                Params.enumValue(Complaint.Channel.class, "channel", r.channel()), r.subject(), r.description()));
        return Response.status(201).entity(ComplaintView.of(c)).build();
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "Complaints in the caller's reach",
            description = "A client: its own; an RM: its clients'; a team lead: the team's; compliance: all. Newest first.")
    @APIResponse(responseCode = "200", description = "A page of complaints")
    public Page<ComplaintView> list(@QueryParam("status") String status, @QueryParam("clientId") String clientId,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Page<Complaint> p = complaints.list(Caller.of(identity), Params.enumValue(Complaint.Status.class, "status", status),
                clientId == null || clientId.isBlank() ? null : Params.uuid("clientId", clientId), page, size);
        return Page.of(p.items().stream().map(ComplaintView::of).toList(), page, size, p.total());
    }

    @GET
    @Path("/report")
    @RolesAllowed({Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "Open and breached complaints", description = "A team lead's team, or the whole bank for compliance.")
    @APIResponse(responseCode = "200", description = "Counts by category and team, and the breached complaints")
    public ReportView report() {
        Complaints.Report r = complaints.report(Caller.of(identity));
        return new ReportView(r.asOf(), r.open(), r.breached(), r.openByCategory(), r.breachedByTeam(),
                r.breachedComplaints().stream().map(ComplaintView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CLIENT, Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "One complaint", description = "The client sees the resolution reported back to it here.")
    @APIResponse(responseCode = "404", description = "Unknown or not in reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ComplaintView get(@PathParam("id") String id) {
        return ComplaintView.of(complaints.get(Caller.of(identity), Params.uuid("id", id)));
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Acknowledge a complaint", description = "The client's RM or the team lead.")
    @APIResponse(responseCode = "409", description = "Not OPEN",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ComplaintView acknowledge(@PathParam("id") String id) {
        return ComplaintView.of(complaints.acknowledge(Caller.of(identity), Params.uuid("id", id)));
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Resolve a complaint", description = "With the resolution reported back to the client (ComplaintResolved).")
    @APIResponse(responseCode = "409", description = "Resolved already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ComplaintView resolve(@PathParam("id") String id, @Valid @NotNull Resolution r) {
        return ComplaintView.of(complaints.resolve(Caller.of(identity), Params.uuid("id", id), r.resolution()));
    }

    @POST
    @Path("/{id}/feedback")
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "The client says whether the resolution satisfied it", description = "Once, after resolution.")
    @APIResponse(responseCode = "409", description = "Not resolved, or feedback given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ComplaintView feedback(@PathParam("id") String id, @Valid @NotNull Feedback f) {
        return ComplaintView.of(complaints.feedback(Caller.of(identity), Params.uuid("id", id), f.satisfied(), f.comment()));
    }
}
