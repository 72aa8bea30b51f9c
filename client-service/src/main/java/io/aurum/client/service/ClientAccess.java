package io.aurum.client.service;

import io.aurum.client.domain.Client;
import io.aurum.common.security.Caller;
import io.aurum.common.security.CoverageAccess;

/**
 * Object-level rule for reading a client profile: the coverage rule of {@link CoverageAccess}.
 * Everyone else gets 404, not 403, so ids do not leak.
 */
public final class ClientAccess {

    private ClientAccess() {
    }

    public static boolean canRead(Caller caller, Client client) {
        return CoverageAccess.canRead(caller, client.id, client.primaryRmId, client.advisorId, client.team);
    }
}
