package io.aurum.client.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurum.client.domain.Client;
import io.aurum.client.domain.LifecycleStatus;
import io.aurum.client.domain.Tier;
import io.aurum.client.service.ClientSearch;
import io.aurum.client.service.ChangeRequests;
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
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/clients")
@Tag(name = "Clients", description = "Client 360 profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientResource {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    public record LifecycleChange(@Schema(description = "Target status", example = "ACTIVE") String status,
                                  @Size(max = 500) String reason) {
    }

    private final ClientService clients;
    private final ClientSearch search;
    private final SecurityIdentity identity;

    public ClientResource(ClientService clients, ClientSearch search, SecurityIdentity identity) {
        this.clients = clients;
        this.search = search;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Register a client or prospect",
            description = "Creates a PROSPECT in the caller's team (ACTIVE only through POST /api/clients/{id}/lifecycle and "
                    + "its conversion rules; another lifecycleStatus is 400); an RM always registers into their own book. "
                    + "KYC status and review date, AML rating, PEP and the qualified-investor facts in the body are not "
                    + "taken: they open a change request for compliance (maker–checker), named in the Aurum-Change-Request "
                    + "header. referredBy must be a client the caller can read (400 otherwise, one answer for unknown and "
                    + "out-of-reach ids). Identity number, phone, e-mail and address are encrypted at rest. Publishes "
                    + "ClientRegistered on client.profile.")
    @APIResponse(responseCode = "201", description = "Registered (personal data masked in the answer)",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, the offending field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another client already carries this identity number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull NewClient request, @Context UriInfo uri) {
        Caller caller = Caller.of(identity);
        ClientService.Updated registered = clients.registerByStaff(request, caller);
        Client client = registered.client();
        Response.ResponseBuilder answer = Response.created(uri.getAbsolutePathBuilder().path(client.id.toString()).build());
        if (registered.changeRequest() != null) {
            answer.header("Aurum-Change-Request", registered.changeRequest().id().toString());
        }
        return answer
                .tag(etag(client))
                .entity(clients.view(client.id, caller, false, null))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "Read one client profile",
            description = "Visible to the client's RM or private banker, its team lead, its advisor, compliance and the client "
                    + "itself; anyone else gets 404. Identity number, phone, e-mail and address are masked for staff unless "
                    + "reveal=true with a purpose (RM, private banker, team lead, compliance; audited). The client sees its own "
                    + "data unmasked (audited as SELF_SERVICE).")
    @APIResponse(responseCode = "200", description = "The profile; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "403", description = "The role may not see unmasked personal data",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such client in the caller's reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id,
                        @Parameter(description = "true to see personal data unmasked (audited)") @QueryParam("reveal") String reveal,
                        @Parameter(description = "why the unmasked data is needed (required with reveal)") @QueryParam("purpose") @Size(max = 200) String purpose) {
        boolean unmask = Params.bool("reveal", reveal);
        ClientView view = clients.view(Params.uuid("id", id), Caller.of(identity), unmask, purpose);
        return Response.ok(view).tag(new EntityTag(Long.toString(view.version()))).build();
    }

    @GET
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "Search the clients in the caller's reach",
            description = "Paged, newest first; personal data masked. rm=me is the caller's own book.")
    @APIResponse(responseCode = "200", description = "A page of clients")
    @APIResponse(responseCode = "400", description = "Invalid paging or filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ClientView> list(
            @Parameter(description = "part of the Chinese or Latin name") @QueryParam("name") @Size(max = 100) String name,
            @QueryParam("tier") String tier,
            @Parameter(description = "'me' for the caller's own book, or an RM's user id") @QueryParam("rm") String rm,
            @QueryParam("branch") @Size(max = 64) String branch,
            @Parameter(description = "minimum current AUM in CNY") @QueryParam("minAum") String minAum,
            @Parameter(description = "maximum current AUM in CNY") @QueryParam("maxAum") String maxAum,
            @QueryParam("status") String status,
            @Parameter(description = "interest tags the client has (all of them)") @QueryParam("tag") List<String> tags,
            @Parameter(description = "1-12") @QueryParam("birthMonth") String birthMonth,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Caller caller = Caller.of(identity);
        UUID rmId = null;
        if (rm != null && !rm.isBlank()) {
            rmId = "me".equals(rm) ? caller.userId() : Params.uuid("rm", rm);
            if (rmId == null) {
                throw ApiException.badField("rm", "'me' needs a user token");
            }
        }
        for (String tag : tags) {
            if (tag == null || !tag.matches("[a-z0-9][a-z0-9-]{0,29}")) {
                throw ApiException.badField("tag", "tags are lower-case words or dashes, up to 30 characters");
            }
        }
        Integer month = null;
        if (birthMonth != null && !birthMonth.isBlank()) {
            try {
                month = Integer.valueOf(birthMonth.strip());
            } catch (NumberFormatException e) {
                month = -1;
            }
            if (month < 1 || month > 12) {
                throw ApiException.badField("birthMonth", "must be 1 to 12");
            }
        }
        ClientSearch.Filter filter = new ClientSearch.Filter(name, Params.enumValue(Tier.class, "tier", tier), rmId, branch,
                Params.amount("minAum", minAum), Params.amount("maxAum", maxAum), Params.enumValue(LifecycleStatus.class, "status", status),
                tags.size() > 10 ? tooMany() : tags, month);
        Page<Client> result = search.search(caller, filter, page, size);
        return Page.of(result.items().stream().map(c -> ClientView.of(c, null, true)).toList(), result.page(),
                result.size(), result.total());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CLIENT})
    @Operation(summary = "Update a profile (JSON merge patch)",
            description = "Fields of the registration body; null removes a value. If-Match with the ETag read before is required. "
                    + "Coverage, lifecycle and tier have their own operations. A client may correct its contact data, "
                    + "preferences and interests only. Publishes ClientProfileUpdated. KYC status and review date, AML "
                    + "rating, PEP and the qualified-investor facts are under maker–checker: staff who change them open a "
                    + "change request (202, the request in the body; optional `reason` query parameter) that takes effect "
                    + "only when a compliance officer other than the maker approves it; the other fields of the same patch "
                    + "apply at once.")
    @APIResponse(responseCode = "200", description = "The updated profile (masked); new ETag",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "202", description = "Controlled facts requested; the pending change request",
            content = @Content(schema = @Schema(implementation = ChangeRequests.View.class)))
    @APIResponse(responseCode = "400", description = "Invalid or unchangeable field, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The profile changed since the caller read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                           @RequestBody(description = "A JSON merge patch of the profile (RFC 7396)", required = true,
                                   content = {@Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = NewClient.class)),
                                           @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewClient.class))})
                           @Parameter(description = "why controlled facts change (kept on the change request)")
                           @QueryParam("reason") @Size(max = 500) String reason,
                           JsonNode patch) {
        Caller caller = Caller.of(identity);
        UUID clientId = Params.uuid("id", id);
        ClientService.Updated updated = clients.update(clientId, Params.ifMatch(ifMatch), patch, caller, reason);
        if (updated.changeRequest() != null) {
            return Response.accepted(updated.changeRequest()).tag(etag(updated.client())).build();
        }
        return Response.ok(clients.view(clientId, caller, false, null)).tag(etag(updated.client())).build();
    }

    @POST
    @Path("/{id}/lifecycle")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Move the client along its lifecycle",
            description = "PROSPECT → ACTIVE (conversion: needs identity number, phone and birth date), ACTIVE ↔ DORMANT, "
                    + "any → CLOSED (with a reason). Other moves are 409. If-Match is honoured when sent.")
    @APIResponse(responseCode = "200", description = "The profile after the move",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    @APIResponse(responseCode = "409", description = "Illegal transition or incomplete prospect",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response lifecycle(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                              @Valid @NotNull LifecycleChange change) {
        Caller caller = Caller.of(identity);
        UUID clientId = Params.uuid("id", id);
        LifecycleStatus target = Params.enumValue(LifecycleStatus.class, "status", change.status());
        Client client = clients.transition(clientId, Params.ifMatch(ifMatch), target, change.reason(), caller);
        return Response.ok(clients.view(clientId, caller, false, null)).tag(etag(client)).build();
    }

    private static List<String> tooMany() {
        throw ApiException.badField("tag", "at most 10 tags");
    }

    private static EntityTag etag(Client client) {
        return new EntityTag(Long.toString(client.version));
    }
}
