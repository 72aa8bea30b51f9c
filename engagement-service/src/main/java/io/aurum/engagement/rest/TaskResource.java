package io.aurum.engagement.rest;

import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.common.web.Params;
import io.aurum.engagement.domain.Task;
import io.aurum.engagement.domain.TaskPriority;
import io.aurum.engagement.domain.TaskStatus;
import io.aurum.engagement.service.Tasks;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

@Path("/api/engagement/tasks")
@Tag(name = "Tasks", description = "Tasks from events and by hand")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    public record TaskView(UUID id, UUID clientId, UUID ownerId, String team, String type, String priority,
                           String status, String title, String notes, Instant dueAt, UUID sourceEventId,
                           String sourceType, Instant createdAt, Instant completedAt, String closedReason, String channel,
                           UUID relatedId) {
        static TaskView of(Task t) {
            return new TaskView(t.id, t.clientId, t.ownerId, t.team, t.type.name(), t.priority.name(), t.status.name(),
                    t.title, t.notes, t.dueAt, t.sourceEventId, t.sourceType, t.createdAt, t.completedAt, t.closedReason,
                    t.channel, t.relatedId);
        }
    }

    public record NewTask(@NotNull UUID clientId, @NotBlank @Size(max = 300) String title, @NotNull Instant dueAt,
                          String priority, @Size(max = 4000) String notes) {
    }

    public record StatusChange(String status, @Size(max = 2000) String note) {
    }

    private final Tasks tasks;
    private final SecurityIdentity identity;

    public TaskResource(Tasks tasks, SecurityIdentity identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "Tasks: the caller's own, or (team lead, scope=team) the team's; compliance sees all",
            description = "Soonest due first.")
    public Page<TaskView> list(@QueryParam("status") String status, @QueryParam("clientId") String clientId,
                               @QueryParam("scope") @DefaultValue("mine") String scope,
                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        if (!"mine".equals(scope) && !"team".equals(scope)) {
            throw io.aurum.common.problem.ApiException.badField("scope", "must be mine or team");
        }
        Page<Task> result = tasks.list(Caller.of(identity), Params.enumValue(TaskStatus.class, "status", status),
                clientId == null || clientId.isBlank() ? null : Params.uuid("clientId", clientId), "team".equals(scope),
                page, size);
        return Page.of(result.items().stream().map(TaskView::of).toList(), result.page(), result.size(), result.total());
    }

    @POST
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Create a task by hand for a client in the caller's book")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", description = "Unknown client, due date in the past, oversize notes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull NewTask request) {
        Task t = tasks.create(request.clientId(), request.title(), request.dueAt(),
                Params.enumValue(TaskPriority.class, "priority", request.priority()), request.notes(), Caller.of(identity));
        return Response.status(201).entity(TaskView.of(t)).build();
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Move a task: OPEN → IN_PROGRESS → DONE / CANCELLED", description = "The owner or the team lead.")
    @APIResponse(responseCode = "409", description = "Illegal transition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TaskView move(@PathParam("id") String id, @Valid @NotNull StatusChange change) {
        return TaskView.of(tasks.move(Params.uuid("id", id), Params.enumValue(TaskStatus.class, "status", change.status()),
                change.note(), Caller.of(identity)));
    }
}
