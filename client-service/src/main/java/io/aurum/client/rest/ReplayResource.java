package io.aurum.client.rest;

import io.aurum.client.service.Replays;
import io.aurum.common.security.Caller;
import io.aurum.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/clients/replays")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {

    private final Replays replays;
    private final SecurityIdentity identity;

    public ReplayResource(Replays replays, SecurityIdentity identity) {
        this.replays = replays;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.OPS_ADMIN)
    @Operation(summary = "Publish every client's current profile, financial facts and consents again",
            description = "ops-admin, to rebuild another service's read model of the clients (a new consumer, or one that started after "
                    + "the events aged out of the topics). New events through the outbox; consumers overwrite what they keep. "
                    + "Audited. Runs in batches of 500 clients and answers when done; at most one per aurum.replay.min-interval "
                    + "(10 minutes; 409 replay-too-soon otherwise).")
    public Replays.Result replay() {
        return replays.replay(Caller.of(identity));
    }
}
