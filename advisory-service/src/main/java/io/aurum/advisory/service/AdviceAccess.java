package io.aurum.advisory.service;

import io.aurum.advisory.domain.ClientRef;
import io.aurum.common.problem.ApiException;
import io.aurum.common.security.Caller;
import io.aurum.common.security.CoverageAccess;
import io.aurum.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Object-level checks on advice data, from advisory-service's own copy of each client's coverage team: advisors see
 * the clients assigned to them, RMs their book, team leads their team, compliance everything (read only), a client
 * itself. Anything else is 404, so the existence of a client outside one's reach is not revealed.
 */
@ApplicationScoped
public class AdviceAccess {

    public ClientRef requireRead(Caller caller, UUID clientId) {
        ClientRef ref = ClientRef.findById(clientId);
        if (ref == null || !CoverageAccess.canRead(caller, clientId, ref.primaryRmId, ref.advisorId, ref.team)) {
            throw ApiException.notFound("Client", clientId);
        }
        return ref;
    }

    /** Building and changing advice for a client: its advisor, its RM or its team lead (never compliance). */
    public ClientRef requireAdvise(Caller caller, UUID clientId) {
        ClientRef ref = requireRead(caller, clientId);
        if (caller.is(Roles.COMPLIANCE_OFFICER) && !caller.is(Roles.ADVISOR) && !caller.is(Roles.RELATIONSHIP_MANAGER)
                && !caller.is(Roles.TEAM_LEAD)) {
            throw new ApiException(403, "read-only-role", "Compliance reads advice but does not give it",
                    "compliance-officer may read proposals and goals but not change them");
        }
        if (caller.is(Roles.CLIENT) && !isStaff(caller)) {
            throw new ApiException(403, "staff-only", "Only the client's advisor, RM or team lead may do this",
                    "a client may read and answer presented proposals and keep goals, not build proposals");
        }
        return ref;
    }

    static boolean isStaff(Caller caller) {
        return caller.is(Roles.ADVISOR) || caller.is(Roles.RELATIONSHIP_MANAGER) || caller.is(Roles.TEAM_LEAD);
    }
}
