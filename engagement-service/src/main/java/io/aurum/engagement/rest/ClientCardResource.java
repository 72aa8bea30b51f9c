package io.aurum.engagement.rest;

import io.aurum.common.problem.ApiException;
import io.aurum.common.problem.Problem;
import io.aurum.common.security.Caller;
import io.aurum.common.security.CoverageAccess;
import io.aurum.common.security.Roles;
import io.aurum.common.web.Params;
import io.aurum.engagement.domain.ClientCard;
import io.aurum.engagement.service.Attrition;
import io.aurum.engagement.service.Surveys;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/engagement/clients")
@Tag(name = "Client cards", description = "What engagement knows about a client, kept current from client-service events")
@Produces(MediaType.APPLICATION_JSON)
public class ClientCardResource {

    private final SecurityIdentity identity;
    private final Attrition attrition;
    private final Surveys surveys;

    public ClientCardResource(SecurityIdentity identity, Attrition attrition, Surveys surveys) {
        this.identity = identity;
        this.attrition = attrition;
        this.surveys = surveys;
    }

    public record ClientCardView(UUID clientId, String fullName, String latinName, LocalDate birthDate,
                                 String lifecycleStatus, String tier, UUID primaryRmId, UUID advisorId, String team,
                                 UUID lastEventId, Instant updatedAt) {
        static ClientCardView of(ClientCard c) {
            return new ClientCardView(c.clientId, c.fullName, c.latinName, c.birthDate, c.lifecycleStatus, c.tier,
                    c.primaryRmId, c.advisorId, c.team, c.lastEventId, c.updatedAt);
        }
    }

    @GET
    @Path("/{clientId}")
    @Transactional
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "Read a client's engagement card",
            description = "The client's name, coverage team, tier and birthday as engagement-service last heard them. "
                    + "Visible to the client's RM, its team lead, its advisor and compliance; anyone else gets 404.")
    @APIResponse(responseCode = "200", description = "The card",
            content = @Content(schema = @Schema(implementation = ClientCardView.class)))
    @APIResponse(responseCode = "404", description = "Unknown here, or not in the caller's reach",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClientCardView get(@PathParam("clientId") String clientId) {
        UUID id = Params.uuid("clientId", clientId);
        ClientCard card = ClientCard.findById(id);
        if (card == null || !CoverageAccess.canRead(Caller.of(identity), card.clientId, card.primaryRmId, card.advisorId, card.team)) {
            throw ApiException.notFound("Client", id);
        }
        return ClientCardView.of(card);
    }

    @GET
    @Path("/{id}/attrition")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "A client's attrition-risk score with its reasons",
            description = "0–100 from recent large outflows, contact gaps, open complaints, the latest survey and an approaching downgrade.")
    public Attrition.ClientScore attrition(@PathParam("id") String id) {
        return attrition.of(Caller.of(identity), Params.uuid("id", id));
    }

    @GET
    @Path("/{id}/satisfaction")
    @RolesAllowed({Roles.RELATIONSHIP_MANAGER, Roles.TEAM_LEAD, Roles.ADVISOR, Roles.COMPLIANCE_OFFICER})
    @Operation(summary = "A client's surveys, average CSAT and NPS")
    public Surveys.Satisfaction satisfaction(@PathParam("id") String id) {
        return surveys.of(Caller.of(identity), Params.uuid("id", id));
    }

}
