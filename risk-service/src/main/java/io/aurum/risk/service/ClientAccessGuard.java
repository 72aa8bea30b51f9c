package io.aurum.risk.service;

import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.CoverageAccess;
import io.aurum.common.security.Roles;
import io.aurum.risk.domain.ClientRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Object-level checks on risk data, from risk-service's own copy of the coverage team ({@link ClientRef}).
 * A client outside the caller's reach answers 404.
 */
@ApplicationScoped
public class ClientAccessGuard {

    /** Reading a client's profile, history or suitability. Other Aurum services may read (service token). */
    public ClientRef requireRead(Caller caller, UUID clientId) {
        ClientRef ref = ClientRef.findById(clientId);
        if (caller.is(Roles.INTERNAL_SERVICE) || isSelf(caller, clientId)) {
            return ref;
        }
        if (ref == null || !CoverageAccess.canRead(caller, ref.clientId, ref.primaryRmId, ref.advisorId, ref.team)) {
            throw ApiException.notFound("Client", clientId);
        }
        return ref;
    }

    /** Running an assessment: the client itself (mobile), or its RM or team lead (branch). Never compliance. */
    public ClientRef requireAssess(Caller caller, UUID clientId) {
        ClientRef ref = ClientRef.findById(clientId);
        if (isSelf(caller, clientId)) {
            return ref;
        }
        boolean mayAssess = ref != null && (
                (caller.is(Roles.RELATIONSHIP_MANAGER) && caller.userId() != null && caller.userId().equals(ref.primaryRmId))
                        || (caller.is(Roles.TEAM_LEAD) && caller.team() != null && caller.team().equals(ref.team)));
        if (!mayAssess) {
            throw ApiException.notFound("Client", clientId);
        }
        return ref;
    }

    private static boolean isSelf(Caller caller, UUID clientId) {
        return caller.is(Roles.CLIENT) && clientId.equals(caller.clientId());
    }
}
