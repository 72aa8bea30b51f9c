package io.aurum.client.bench;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The same-run baseline of the profile-read benchmark (issue 10): a bare endpoint of this service returning a
 * constant. Anyone may call it, but it exists only where {@code aurum.bench.endpoints=true} (./aurum up sets it
 * on the local stack; never in production, where it answers 404).
 */
@Path("/bench/constant")
public class ConstantResource {

    private final boolean enabled;

    public ConstantResource(@ConfigProperty(name = "aurum.bench.endpoints", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String constant() {
        if (!enabled) {
            throw new NotFoundException();
        }
        return "{\"ok\":true}";
    }
}
