package io.aurum.client.rest;

import io.aurum.client.domain.Client;
import io.aurum.client.domain.ConsentChannel;
import io.aurum.client.domain.ConsentPurpose;
import io.aurum.client.domain.RelationshipKind;
import io.aurum.client.service.ClientService;
import io.aurum.client.service.ConsentService;
import io.aurum.client.service.CoverageService;
import io.aurum.client.service.PrivacyService;
import io.aurum.client.service.RelationshipService;
import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Params;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Everything hanging off one client: relationships, household, coverage, consent, tier history, positions, privacy. */
@Path("/api/clients")
@Tag(name = "Clients", description = "Client 360 profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientRelationsResource {

    public record NewLink(@NotNull UUID relatedClientId,
                          @Schema(description = "What the related client is to this one (SPOUSE, CHILD, PARENT, OTHER_FAMILY), "
                                  + "or REFERRED: this client referred the related one") String kind) {
    }

    public record CoverageChange(UUID primaryRmId, UUID advisorId,
                                 @Schema(description = "PRIVATE clients only") UUID privateBankerId,
                                 @Schema(description = "true to remove the private banker") Boolean removePrivateBanker,
                                 @Size(max = 500) String reason) {
    }

    public record ConsentDecision(String purpose, Boolean granted,
                                  @Schema(description = "BRANCH, MOBILE, WEB, PHONE or PAPER; a client in the app defaults to MOBILE") String channel) {
    }

    public record ErasureRequest(@Size(max = 500) String reason) {
    }

    private static final String STAFF_AND_CLIENT = "relationship-manager, team-lead, advisor, compliance-officer, client";

    private final ClientService clients;
    private final RelationshipService relationships;
    private final CoverageService coverage;
    private final ConsentService consents;
    private final PrivacyService privacy;
    private final SecurityIdentity identity;

    public ClientRelationsResource(ClientService clients, RelationshipService relationships, CoverageService coverage,
                                   ConsentService consents, PrivacyService privacy, SecurityIdentity identity) {
        this.clients = clients;
        this.relationships = relationships;
        this.coverage = coverage;
        this.consents = consents;
        this.privacy = privacy;
        this.identity = identity;
    }

    @GET
    @Path("/{id}/relationships")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "Family and referral links of a client", description = "Who may call: " + STAFF_AND_CLIENT
            + " (within their reach). Linked clients outside the caller's reach show as ids only.")
    public List<RelationshipService.Link> relationships(@PathParam("id") String id) {
        return relationships.links(Params.uuid("id", id), Caller.of(identity));
    }

    @POST
    @Path("/{id}/relationships")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD})
    @Operation(summary = "Link two clients", description = "The client's RM or team lead. A family link puts both in one household.")
    @APIResponse(responseCode = "201", description = "Linked")
    @APIResponse(responseCode = "409", description = "Already linked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response link(@PathParam("id") String id, @Valid @NotNull NewLink link) {
        RelationshipService.Link created = relationships.link(Params.uuid("id", id), link.relatedClientId(),
                Params.enumValue(RelationshipKind.class, "kind", link.kind()), Caller.of(identity));
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("/{id}/household")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "The client's household: members and combined AUM", description = "Who may call: " + STAFF_AND_CLIENT)
    public RelationshipService.Household household(@PathParam("id") String id) {
        return relationships.household(Params.uuid("id", id), Caller.of(identity));
    }

    @GET
    @Path("/{id}/coverage")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "Coverage team history (primary RM, advisor, private banker)")
    public List<CoverageService.Assignment> coverageHistory(@PathParam("id") String id) {
        return coverage.history(Params.uuid("id", id), Caller.of(identity));
    }

    @PUT
    @Path("/{id}/coverage")
    @RolesAllowed({Roles.TEAM_LEAD})
    @Operation(summary = "Reassign the coverage team", description = "The team lead of the client's team. Roles left out keep their "
            + "holder; every change is kept in the history and published as ClientCoverageAssigned.")
    @APIResponse(responseCode = "200", description = "The profile after the change",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    public Response reassign(@PathParam("id") String id, @Valid @NotNull CoverageChange change) {
        Caller caller = Caller.of(identity);
        UUID clientId = Params.uuid("id", id);
        Client client = coverage.reassign(clientId, change.primaryRmId(), change.advisorId(), change.privateBankerId(),
                Boolean.TRUE.equals(change.removePrivateBanker()), change.reason(), caller);
        return Response.ok(clients.view(clientId, caller, false, null))
                .tag(new EntityTag(Long.toString(client.version))).build();
    }

    @GET
    @Path("/{id}/consents")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "Consent in force per purpose, and every decision", description = "Who may call: " + STAFF_AND_CLIENT)
    public ConsentService.Consents consents(@PathParam("id") String id) {
        return consents.of(Params.uuid("id", id), Caller.of(identity));
    }

    @POST
    @Path("/{id}/consents")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.CLIENT})
    @Operation(summary = "Record a consent decision", description = "The client itself (app) or its RM or team lead (naming the "
            + "channel). Published as ClientConsentChanged on client.consent.")
    @APIResponse(responseCode = "201", description = "Recorded")
    public Response consent(@PathParam("id") String id, @Valid @NotNull ConsentDecision decision) {
        ConsentService.Decision recorded = consents.record(Params.uuid("id", id),
                Params.enumValue(ConsentPurpose.class, "purpose", decision.purpose()), decision.granted(),
                Params.enumValue(ConsentChannel.class, "channel", decision.channel()), Caller.of(identity));
        return Response.status(201).entity(recorded).build();
    }

    @GET
    @Path("/{id}/tier-history")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "Tier changes with their basis (average, threshold, rule)", description = "Who may call: " + STAFF_AND_CLIENT)
    public List<PrivacyService.TierHistoryEntry> tierHistory(@PathParam("id") String id) {
        return privacy.tierHistory(Params.uuid("id", id), Caller.of(identity));
    }

    @GET
    @Path("/{id}/positions")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER, Roles.CLIENT})
    @Operation(summary = "The client's AUM positions, newest day first", description = "Who may call: " + STAFF_AND_CLIENT)
    public List<PrivacyService.Position> positions(@PathParam("id") String id) {
        return privacy.positions(Params.uuid("id", id), Caller.of(identity));
    }

    @GET
    @Path("/{id}/export")
    @RolesAllowed({Roles.CLIENT, Roles.TEAM_LEAD, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "Data-subject export: everything about the client as JSON",
            description = "The client itself, its team lead or compliance. Unmasked; audited as DATA_EXPORTED.")
    public PrivacyService.Export export(@PathParam("id") String id) {
        return privacy.export(Params.uuid("id", id), Caller.of(identity));
    }

    @POST
    @Path("/{id}/erasure")
    @RolesAllowed({Roles.CLIENT, Roles.TEAM_LEAD})
    @Operation(summary = "Erase the client's personal data",
            description = "The client itself or its team lead. The profile is pseudonymised, consents withdrawn and the "
                    + "relationship closed; regulatory records (positions, tier history, KYC/AML, audit) stay. Idempotent.")
    @APIResponse(responseCode = "200", description = "The pseudonymised profile",
            content = @Content(schema = @Schema(implementation = ClientView.class)))
    public ClientView erase(@PathParam("id") String id, ErasureRequest request) {
        Caller caller = Caller.of(identity);
        UUID clientId = Params.uuid("id", id);
        Client client = privacy.erase(clientId, request == null ? null : request.reason(), caller);
        return ClientView.of(client, null, true);
    }
}
