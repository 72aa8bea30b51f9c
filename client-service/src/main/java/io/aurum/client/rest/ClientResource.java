package io.aurum.client.rest;

import io.aurum.client.domain.Client;
import io.aurum.client.service.ClientService;
import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Page;
import io.aurum.common.web.Params;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/clients")
@Tag(name = "Clients", description = "Client 360 profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientResource {

    private final ClientService clients;
    private final SecurityIdentity identity;

    public ClientResource(ClientService clients, SecurityIdentity identity) {
        this.clients = clients;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Register a client or prospect",
            description = "Creates the profile in the caller's team; an RM always registers into their own book. "
                    + "Publishes ClientRegistered on client.profile.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, the offending field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not register clients")
    public Response register(@Valid @NotNull NewClient request, @Context UriInfo uri) {
        Client client = clients.register(request, Caller.of(identity));
        return Response.created(uri.getAbsolutePathBuilder().path(client.id.toString()).build())
                .tag(etag(client))
                .entity(ClientView.of(client))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "Read one client profile",
            description = "Visible to the client's RM, the team lead of its team, its advisor, compliance and the client itself. "
                    + "Anyone else gets 404.")
    @APIResponse(responseCode = "200", description = "The profile; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "404", description = "No such client in the caller's reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        Client client = clients.get(Params.uuid("id", id), Caller.of(identity));
        return Response.ok(ClientView.of(client)).tag(etag(client)).build();
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "List the clients in the caller's reach",
            description = "Paged, newest first. rm=me narrows to the caller's own book.")
    @APIResponse(responseCode = "200", description = "A page of clients")
    @APIResponse(responseCode = "400", description = "Invalid paging or filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ClientView> list(
            @Parameter(description = "'me' for the caller's own book") @QueryParam("rm") String rm,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        if (rm != null && !"me".equals(rm)) {
            throw ApiException.badField("rm", "only 'me' is supported");
        }
        Page<Client> result = clients.list(Caller.of(identity), "me".equals(rm), page, size);
        return Page.of(result.items().stream().map(ClientView::of).toList(), result.page(), result.size(), result.total());
    }

    private static EntityTag etag(Client client) {
        return new EntityTag(Long.toString(client.version));
    }
}
